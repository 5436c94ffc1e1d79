import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { Form, Link, useNavigation } from "@remix-run/react";
import { IconAlertTriangle, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ReportStatus } from "~db/schema";
import { FormErrors, useErrorText } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { StatusLabel } from "~/components/status";
import type { WriteReply } from "~/domain/editing/action.server";
import { SUBMISSION_KEY_FIELD } from "~/domain/editing/submission-key";
import type { EntryQuestion } from "~/domain/progress/entry-checks";
import type { MyMeasure } from "~/domain/progress/my-measures.server";
import { quarterEntriesSchema, type EntryLimits } from "~/domain/progress/entry-schema";
import { formatDate, formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import type { ShownText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";
import { ConfirmFigure, questionsOf, ReasonRequest } from "./entry-questions";
import { QuarterSheetControls } from "./quarter-sheet-controls";

/** A department's quarter of one road map, as /my shows it. */
export interface DepartmentQuarterView {
  roadMapId: number;
  roadMapTitle: ShownText | null;
  departmentId: number;
  departmentName: ShownText | null;
  report: { id: number; status: ReportStatus; version: number; comment: string | null } | null;
  closed: boolean;
  /** The loader's measures, with their titles and territory names in the reader's language. */
  measures: Array<
    Pick<
      MyMeasure,
      | "id"
      | "number"
      | "unit"
      | "territoryId"
      | "quarterPlan"
      | "quarterFact"
      | "quarterEntries"
      | "savedEntries"
      | "execution"
      | "status"
      | "reportMissing"
    > & { title: ShownText | null; shareTerritories: Array<{ id: number; name: string }> }
  >;
}

/** What every card of the page shares: the quarter, its dates, and this render's submission key. */
export interface QuarterPage {
  quarterParam: string;
  quarterOver: boolean;
  entryDate: string;
  today: string;
  limits: EntryLimits;
  submissionKey: string;
}

/**
 * The card of a department's quarter: its measures with the quarter's figures and saved entries,
 * the quarter sheet, and a form for new facts. The form starts empty again whenever the saved
 * entries change, so that a saved fact is never in it to be saved twice.
 */
export function DepartmentQuarterCard({
  group,
  data,
  reply,
}: {
  group: DepartmentQuarterView;
  data: QuarterPage;
  reply: WriteReply<EntryQuestion> | undefined;
}) {
  const saved = group.measures.flatMap((measure) =>
    measure.savedEntries.map((entry) => `${entry.id}.${entry.version}`),
  );
  return <DepartmentQuarterForm key={saved.join(",")} group={group} data={data} reply={reply} />;
}

function DepartmentQuarterForm({
  group,
  data,
  reply,
}: {
  group: DepartmentQuarterView;
  data: QuarterPage;
  reply: WriteReply<EntryQuestion> | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  // The row's multi-line fields, all alike but for their field, label and language.
  const textArea = (field: Parameters<typeof getTextareaProps>[0], label: string, lang?: "kk" | "ru") => (
    <Textarea
      {...getTextareaProps(field)}
      key={field.key}
      label={label}
      lang={lang}
      autosize
      minRows={1}
      error={errorText(field.errors)}
      size="sm"
    />
  );
  const navigation = useNavigation();
  const editable = !group.closed && (!group.report || group.report.status === "returned");
  const formId = `quarter-${data.quarterParam}-${group.roadMapId}-${group.departmentId}`;
  // Each department's quarter is its own form; a reply goes back to the form it came from.
  const ownReply = reply && !reply.saved && reply.result.initialValue?.form === formId ? reply : undefined;
  const [form, fields] = useForm({
    id: formId,
    lastResult: ownReply?.result,
    defaultValue: {
      rows: group.measures.map((m) => ({
        measureId: String(m.id),
        territoryId: String(m.shareTerritories[0]?.id ?? m.territoryId),
        entryDate: data.entryDate,
      })),
    },
    onValidate: ({ formData }) =>
      parseWithZod(formData, {
        schema: quarterEntriesSchema(data.limits, (id) => group.measures.find((m) => m.id === id)?.unit),
      }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const rows = fields.rows.getFieldList();

  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} data-testid="department-quarter">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Text size="sm" c="dimmed">
            <Localized value={group.roadMapTitle} />
          </Text>
          <Title order={2} size="h4">
            <Localized value={group.departmentName} />
          </Title>
        </div>
        <Stack gap={6} align="flex-end">
          <Group gap="xs">
            {group.closed && (
              <Badge color="gray" leftSection={<IconLock size={12} />} style={{ textTransform: "none" }}>
                {t("myMeasures.closed")}
              </Badge>
            )}
            <Badge
              color={
                group.report?.status === "accepted"
                  ? "teal"
                  : group.report?.status === "returned"
                    ? "orange"
                    : group.report
                      ? "steppe"
                      : "gray"
              }
              variant="light"
              style={{ textTransform: "none" }}
              data-testid="report-status"
            >
              {group.report ? t(`report.${group.report.status}`) : t("report.none")}
            </Badge>
          </Group>
          {data.quarterOver && editable && (
            <Form method="post">
              <input type="hidden" name="intent" value="submit-report" />
              <input type="hidden" name="roadMapId" value={group.roadMapId} />
              <input type="hidden" name="departmentId" value={group.departmentId} />
              <Button type="submit" size="xs">
                {t("report.submit")}
              </Button>
            </Form>
          )}
        </Stack>
      </Group>
      {group.report?.status === "returned" && group.report.comment && (
        <Alert color="orange" icon={<IconAlertTriangle />} mb="sm" title={t("report.returned")}>
          {group.report.comment}
        </Alert>
      )}

      {editable && (
        <QuarterSheetControls
          roadMapId={group.roadMapId}
          departmentId={group.departmentId}
          quarterParam={data.quarterParam}
        />
      )}

      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save-quarter" />
        <input type="hidden" name="form" value={formId} />
        <input type="hidden" name={SUBMISSION_KEY_FIELD} value={data.submissionKey} />
        <Stack gap="sm">
          {rows.map((row, index) => {
            const measure = group.measures[index]!;
            const rowFields = row.getFieldset();
            const asked = questionsOf(ownReply?.questions, `rows[${index}].`);
            // Reason fields only when the server asks for a reason, or when one was already typed.
            const showReason = Boolean(
              asked.reason || rowFields.behindReasonKk.initialValue || rowFields.behindReasonRu.initialValue,
            );
            return (
              <Card key={row.key} withBorder padding="sm" data-testid="measure-row">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={`/measures/${measure.id}`} fw={600} size="sm">
                    {measure.number}. <Localized value={measure.title} />
                  </Anchor>
                  <Group gap="xs" wrap="nowrap">
                    {measure.reportMissing && (
                      <Badge color="red" variant="light" style={{ textTransform: "none" }}>
                        {t("myMeasures.missing")}
                      </Badge>
                    )}
                    <StatusLabel status={measure.status} />
                  </Group>
                </Group>
                <Group gap="lg" mt={4}>
                  <Text size="sm">
                    {t("myMeasures.plan")}: <b className="tabular">{formatNumber(locale, measure.quarterPlan)}</b>{" "}
                    {t(`units.${measure.unit}`)}
                  </Text>
                  <Text size="sm">
                    {t("myMeasures.fact")}: <b className="tabular">{formatNumber(locale, measure.quarterFact)}</b> (
                    {t("myMeasures.entries", { count: measure.quarterEntries })})
                  </Text>
                  <Text size="sm">
                    {t("myMeasures.execution")}:{" "}
                    <b className="tabular">{formatExecution(t, locale, measure.execution)}</b>
                  </Text>
                </Group>
                <input type="hidden" name={rowFields.measureId.name} value={measure.id} />
                <SavedEntries measure={measure} editable={editable} />
                {editable && (
                  <Stack gap="xs" mt="sm">
                    {measure.savedEntries.length > 0 && (
                      <Text size="xs" fw={600} c="dimmed">
                        {t("quarterSheet.newFacts")}
                      </Text>
                    )}
                    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                      <TextInput
                        {...getInputProps(rowFields.entryDate, { type: "date" })}
                        key={rowFields.entryDate.key}
                        label={t("entry.date")}
                        min={data.limits.firstDate}
                        max={data.limits.lastDate < data.today ? data.limits.lastDate : data.today}
                        error={errorText(rowFields.entryDate.errors)}
                        size="sm"
                      />
                      <TextInput
                        {...getInputProps(rowFields.value, { type: "text" })}
                        key={rowFields.value.key}
                        inputMode="decimal"
                        label={t("entry.value")}
                        error={errorText(rowFields.value.errors)}
                        size="sm"
                      />
                      <TextInput
                        {...getInputProps(rowFields.peopleReached, { type: "text" })}
                        key={rowFields.peopleReached.key}
                        inputMode="numeric"
                        label={t("entry.peopleReached")}
                        error={errorText(rowFields.peopleReached.errors)}
                        size="sm"
                      />
                      {measure.shareTerritories.length > 1 ? (
                        <NativeSelect
                          {...getSelectProps(rowFields.territoryId)}
                          key={rowFields.territoryId.key}
                          label={t("entry.territory")}
                          data={measure.shareTerritories.map((territory) => ({
                            value: String(territory.id),
                            label: territory.name,
                          }))}
                          size="sm"
                        />
                      ) : (
                        <input
                          type="hidden"
                          name={rowFields.territoryId.name}
                          value={measure.shareTerritories[0]?.id ?? measure.territoryId}
                        />
                      )}
                    </SimpleGrid>
                    {asked.confirm && (
                      <ConfirmFigure
                        question={asked.confirm}
                        unit={measure.unit}
                        name={rowFields.confirmedValue.name}
                      />
                    )}
                    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                      {textArea(rowFields.narrativeKk, t("entry.narrativeKk"), "kk")}
                      {textArea(rowFields.narrativeRu, t("entry.narrativeRu"), "ru")}
                      {textArea(rowFields.evidenceLinks, t("entry.evidenceLinks"))}
                    </SimpleGrid>
                    {asked.reason && <ReasonRequest question={asked.reason} />}
                    {showReason && (
                      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                        {textArea(rowFields.behindReasonKk, t("entry.behindReasonKk"), "kk")}
                        {textArea(rowFields.behindReasonRu, t("entry.behindReasonRu"), "ru")}
                      </SimpleGrid>
                    )}
                  </Stack>
                )}
              </Card>
            );
          })}
          {editable && (
            <>
              <FormErrors id={form.errorId} errors={form.errors ?? fields.rows.errors} />
              <Text size="xs" c="dimmed">
                {t("myMeasures.enterHint")}
              </Text>
              <Group>
                <Button
                  type="submit"
                  loading={navigation.state === "submitting" && navigation.formData?.get("intent") === "save-quarter"}
                >
                  {t("myMeasures.saveAll")}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Form>
    </Paper>
  );
}

/** The quarter's saved entries of a measure, each a link to edit it (from its version) on the measure's page. */
function SavedEntries({
  measure,
  editable,
}: {
  measure: DepartmentQuarterView["measures"][number];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (measure.savedEntries.length === 0) return null;
  const territoryName = (id: number) => measure.shareTerritories.find((territory) => territory.id === id)?.name;
  return (
    <Stack gap={2} mt="xs" data-testid="saved-entries">
      <Text size="xs" fw={600} c="dimmed">
        {t("quarterSheet.savedEntries")}
      </Text>
      {measure.savedEntries.map((entry) => (
        <Group key={entry.id} gap="xs" wrap="wrap" data-testid="saved-entry">
          <Text size="sm" className="tabular">
            {formatDate(locale, entry.entryDate)} — <b>{formatNumber(locale, entry.value, 3)}</b>{" "}
            {t(`units.${measure.unit}`)}
            {measure.shareTerritories.length > 1 && ` · ${territoryName(entry.territoryId) ?? ""}`}
          </Text>
          {entry.fromSheet && (
            <Badge size="xs" variant="light" color="gray" style={{ textTransform: "none" }}>
              {t("quarterSheet.fromSheet")}
            </Badge>
          )}
          {editable && (
            <Anchor component={Link} to={`/measures/${measure.id}?edit=${entry.id}#entry-${entry.id}`} size="sm">
              {t("quarterSheet.edit")}
            </Anchor>
          )}
        </Group>
      ))}
    </Stack>
  );
}
