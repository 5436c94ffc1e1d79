import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MeasureUnit } from "~db/schema";
import { SUBMISSION_KEY_FIELD } from "~/domain/editing/submission-key";
import { entrySchema, EVIDENCE_LINKS_MAX, NARRATIVE_MAX, type EntryLimits } from "~/domain/progress/entry-schema";
import type { EntryQuestion } from "~/domain/progress/entry-checks";
import type { HeldFile } from "~/domain/editing/write-errors";
import type { EvidenceFileView } from "~/domain/evidence/evidence-kind";
import { FormErrors, useErrorText } from "./field-error";
import { EvidenceFileInput } from "./progress/evidence-file-input";
import { ConfirmFigure, questionsOf, ReasonRequest } from "./progress/entry-questions";

export interface EntryFormDefaults {
  entryId?: number;
  version?: number;
  territoryId: number;
  entryDate: string;
  value?: number;
  peopleReached?: number | null;
  base?: number | null;
  narrativeKk?: string;
  narrativeRu?: string;
  evidenceLinks?: string[];
  evidenceFiles?: EvidenceFileView[];
  behindReasonKk?: string;
  behindReasonRu?: string;
}

/**
 * Adds or changes one progress entry. A plain form: it works before (or without) scripts; the server's
 * questions (a figure to confirm, a reason when the measure falls behind) come back as a re-rendered form.
 */
export function EntryForm({
  id,
  measureId,
  unit,
  submissionKey,
  limits,
  territories,
  defaults,
  lastResult,
  questions,
  heldFiles,
  onCancelHref,
  shareOfBase = false,
  fileLimits,
}: {
  id: string;
  measureId: number;
  unit: MeasureUnit;
  /** This render's key: the form saves once, however often it is posted. */
  submissionKey: string;
  limits: EntryLimits;
  territories: Array<{ id: number; name: string }>;
  defaults: EntryFormDefaults;
  lastResult: SubmissionResult<string[]> | undefined;
  /** What the server asked before saving: a figure to confirm, a reason to give. */
  questions?: EntryQuestion[];
  /** Files the server holds from the post it asked about: sent again with the answer. */
  heldFiles?: HeldFile[];
  onCancelHref?: string;
  /** The measure is a share of a base: the form also takes the base as it was when the fact was recorded. */
  shareOfBase?: boolean;
  /** How many evidence files an entry takes, and how large each may be. */
  fileLimits: { count: number; megabytes: number };
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: {
      ...withoutFiles(defaults),
      entryId: defaults.entryId?.toString(),
      version: defaults.version?.toString(),
      territoryId: String(defaults.territoryId),
      value: defaults.value?.toString(),
      peopleReached: defaults.peopleReached?.toString(),
      base: defaults.base?.toString(),
      evidenceLinks: defaults.evidenceLinks?.join("\n"),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: entrySchema(limits, unit) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const asked = questionsOf(questions, "");
  // The reason fields appear when the server asks for a reason, or when the entry already has one.
  const showReason = Boolean(asked.reason || fields.behindReasonKk.initialValue || fields.behindReasonRu.initialValue);
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "save-entry";

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-entry" />
      <input type="hidden" name="measureId" value={measureId} />
      <input type="hidden" name={SUBMISSION_KEY_FIELD} value={submissionKey} />
      {defaults.entryId && <input type="hidden" name="entryId" value={defaults.entryId} />}
      {defaults.version && <input type="hidden" name="version" value={defaults.version} />}
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            {...getInputProps(fields.entryDate, { type: "date" })}
            key={fields.entryDate.key}
            label={t("entry.date")}
            min={limits.firstDate}
            max={limits.today < limits.lastDate ? limits.today : limits.lastDate}
            error={errorText(fields.entryDate.errors)}
            withAsterisk
          />
          {territories.length > 1 ? (
            <NativeSelect
              {...getSelectProps(fields.territoryId)}
              key={fields.territoryId.key}
              label={t("entry.territory")}
              data={territories.map((territory) => ({ value: String(territory.id), label: territory.name }))}
              error={errorText(fields.territoryId.errors)}
            />
          ) : (
            <input type="hidden" name="territoryId" value={territories[0]?.id ?? defaults.territoryId} />
          )}
          <TextInput
            {...getInputProps(fields.value, { type: "text" })}
            key={fields.value.key}
            inputMode="decimal"
            label={t("entry.value")}
            error={errorText(fields.value.errors)}
            withAsterisk
          />
          <TextInput
            {...getInputProps(fields.peopleReached, { type: "text" })}
            key={fields.peopleReached.key}
            inputMode="numeric"
            label={t("entry.peopleReached")}
            error={errorText(fields.peopleReached.errors)}
          />
          {shareOfBase && (
            <TextInput
              {...getInputProps(fields.base, { type: "text" })}
              key={fields.base.key}
              inputMode="decimal"
              label={t("figures.entryBase")}
              description={t("figures.entryBaseHint")}
              error={errorText(fields.base.errors)}
            />
          )}
        </SimpleGrid>
        {asked.confirm && <ConfirmFigure question={asked.confirm} unit={unit} name={fields.confirmedValue.name} />}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Textarea
            {...getTextareaProps(fields.narrativeKk)}
            key={fields.narrativeKk.key}
            label={t("entry.narrativeKk")}
            lang="kk"
            autosize
            minRows={2}
            maxLength={NARRATIVE_MAX}
            error={errorText(fields.narrativeKk.errors)}
          />
          <Textarea
            {...getTextareaProps(fields.narrativeRu)}
            key={fields.narrativeRu.key}
            label={t("entry.narrativeRu")}
            lang="ru"
            autosize
            minRows={2}
            maxLength={NARRATIVE_MAX}
            error={errorText(fields.narrativeRu.errors)}
          />
        </SimpleGrid>
        {asked.reason && <ReasonRequest question={asked.reason} />}
        {showReason && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <Textarea
              {...getTextareaProps(fields.behindReasonKk)}
              key={fields.behindReasonKk.key}
              label={t("entry.behindReasonKk")}
              lang="kk"
              autosize
              minRows={1}
              maxLength={NARRATIVE_MAX}
              error={errorText(fields.behindReasonKk.errors)}
            />
            <Textarea
              {...getTextareaProps(fields.behindReasonRu)}
              key={fields.behindReasonRu.key}
              label={t("entry.behindReasonRu")}
              lang="ru"
              autosize
              minRows={1}
              maxLength={NARRATIVE_MAX}
              error={errorText(fields.behindReasonRu.errors)}
            />
          </SimpleGrid>
        )}
        <Textarea
          {...getTextareaProps(fields.evidenceLinks)}
          key={fields.evidenceLinks.key}
          label={t("entry.evidenceLinks")}
          description={t("evidenceFiles.linksHint", { count: EVIDENCE_LINKS_MAX })}
          autosize
          minRows={1}
          error={errorText(fields.evidenceLinks.errors)}
        />
        <EvidenceFileInput
          existing={defaults.evidenceFiles ?? []}
          held={heldFiles}
          limits={fileLimits}
          error={errorText(form.allErrors.evidenceFiles)}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {defaults.entryId ? t("entry.save") : t("entry.add")}
          </Button>
          {onCancelHref && (
            <Button component="a" href={onCancelHref} variant="default">
              {t("entry.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </Form>
  );
}

function withoutFiles({ evidenceFiles: _files, ...rest }: EntryFormDefaults) {
  return rest;
}
