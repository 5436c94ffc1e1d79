import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Card, Group, SimpleGrid, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictAlert } from "~/components/conflict-alert";
import { FormErrors, useErrorText } from "~/components/field-error";
import type { WriteReply } from "~/domain/editing/action.server";
import { SUBMISSION_KEY_FIELD } from "~/domain/editing/submission-key";
import { actualSchema } from "~/domain/kpi/actual-schema";
import type { KpiPeriod } from "~/domain/kpi/scoring";
import type { ScorecardLine } from "~/domain/kpi/views.server";

/** The form for one indicator's actual in a period, with the version it edits. */
export function ActualForm({
  line,
  period,
  lastResult,
  conflict,
  cancelHref,
  timeZone,
  submissionKey,
}: {
  timeZone: string;
  submissionKey: string;
  line: ScorecardLine;
  period: KpiPeriod;
  lastResult: WriteReply["result"] | undefined;
  conflict: WriteReply["conflict"];
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `actual-${line.indicator.id}`,
    lastResult,
    defaultValue: {
      actual: line.actual?.toString(),
      commentKk: line.record?.commentKk ?? "",
      commentRu: line.record?.commentRu ?? "",
      sourceUrl: line.record?.sourceUrl ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: actualSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Card withBorder padding="md" id="actual-form">
      <Title order={2} size="h3" mb="sm">
        {t("kpi.enterActual", { indicator: line.indicator.title?.text ?? "" })}
      </Title>
      {conflict && <ConflictAlert conflict={conflict} timeZone={timeZone} />}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="actual" />
        <input type="hidden" name={SUBMISSION_KEY_FIELD} value={submissionKey} />
        <input type="hidden" name="indicatorId" value={line.indicator.id} />
        <input type="hidden" name="year" value={period.year} />
        {period.quarter !== null && <input type="hidden" name="quarter" value={period.quarter} />}
        {line.record && <input type="hidden" name="actualId" value={line.record.id} />}
        {line.record && <input type="hidden" name="version" value={line.record.version} />}
        <Stack gap="sm">
          <FormErrors id={form.errorId} errors={form.errors} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              {...getInputProps(fields.actual, { type: "text" })}
              key={fields.actual.key}
              inputMode="decimal"
              label={`${t("kpi.actual")} (${t(`kpi.unit.${line.indicator.unit}`)})`}
              error={errorText(fields.actual.errors)}
              withAsterisk
            />
            <TextInput
              {...getInputProps(fields.sourceUrl, { type: "url" })}
              key={fields.sourceUrl.key}
              label={t("kpi.sourceUrl")}
              error={errorText(fields.sourceUrl.errors)}
            />
            <Textarea
              {...getTextareaProps(fields.commentKk)}
              key={fields.commentKk.key}
              label={t("kpi.commentKk")}
              lang="kk"
              autosize
              minRows={2}
              error={errorText(fields.commentKk.errors)}
            />
            <Textarea
              {...getTextareaProps(fields.commentRu)}
              key={fields.commentRu.key}
              label={t("kpi.commentRu")}
              lang="ru"
              autosize
              minRows={2}
              error={errorText(fields.commentRu.errors)}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit" loading={navigation.state === "submitting"}>
              {t("kpi.save")}
            </Button>
            <Button component={Link} to={cancelHref} variant="default">
              {t("kpi.cancel")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Card>
  );
}
