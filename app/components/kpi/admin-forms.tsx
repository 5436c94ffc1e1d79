import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { Form, Link, useActionData, type useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictAlert } from "~/components/conflict-alert";
import { FormErrors, useErrorText } from "~/components/field-error";
import type { WriteReply } from "~/domain/editing/action.server";
import { copySchema, DIRECTIONS, indicatorSchema, SOURCES, targetSchema, UNITS } from "~/domain/kpi/admin-schema";
import { KPI_CATEGORIES, kpiCategoryOf } from "~/domain/kpi/categories";
import { nextPeriod } from "~/domain/kpi/scoring";
import type { loader } from "~/routes/_app.kpi.admin";

// The KPI administration page's forms: an indicator, a territory's target, and a copy of a period's targets.

export type KpiAdminData = ReturnType<typeof useLoaderData<typeof loader>>;
type Data = KpiAdminData;

/** The last reply of the action, when it answered this form. */
function useIntentReply(intent: string) {
  const actionData = useActionData() as (WriteReply & { result: SubmissionResult<string[]> }) | undefined;
  return actionData?.result.initialValue?.intent === intent ? actionData : undefined;
}

const formOptions = { shouldValidate: "onBlur", shouldRevalidate: "onInput" } as const;

export function IndicatorForm({
  data,
  indicator,
  cancel,
}: {
  data: Data;
  indicator: Data["indicators"][number] | null;
  cancel: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reply = useIntentReply("indicator");
  const conflict = reply?.conflict;
  const [form, fields] = useForm({
    ...formOptions,
    id: "kpi-indicator",
    lastResult: reply?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: indicatorSchema }),
    defaultValue: {
      titleKk: indicator?.title.kk,
      titleRu: indicator?.title.ru,
      titleEn: indicator?.title.en,
      unit: indicator?.unit ?? "person",
      direction: indicator?.direction ?? "higher_is_better",
      category: indicator?.category ?? "youth",
      ragGreen: String(indicator?.ragGreen ?? 100),
      ragAmber: String(indicator?.ragAmber ?? 80),
      source: indicator?.source ?? "entered",
      roadMapId: indicator?.roadMapId?.toString(),
      measureNumbers: indicator?.measureNumbers.join(", "),
    },
  });
  return (
    <Card withBorder padding="md" id="indicator-form">
      <Title order={2} size="h3" mb="sm">
        {indicator ? indicator.shownTitle?.text : t("kpi.admin.newIndicator")}
      </Title>
      {conflict && <ConflictAlert conflict={conflict} timeZone={data.timeZone} />}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="indicator" />
        {indicator && <input type="hidden" name="indicatorId" value={indicator.id} />}
        {indicator && <input type="hidden" name="version" value={indicator.version} />}
        <Stack gap="sm">
          <FormErrors id={form.errorId} errors={form.errors} />
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            {(["titleKk", "titleRu", "titleEn"] as const).map((name) => (
              <TextInput
                {...getInputProps(fields[name], { type: "text" })}
                key={name}
                label={t(`kpi.admin.${name}`)}
                lang={name.slice(5).toLowerCase()}
                error={errorText(fields[name].errors)}
              />
            ))}
            <NativeSelect
              {...getSelectProps(fields.unit)}
              key={fields.unit.key}
              label={t("kpi.admin.unit")}
              data={UNITS.map((unit) => ({ value: unit, label: t(`kpi.unit.${unit}`) }))}
            />
            <NativeSelect
              {...getSelectProps(fields.direction)}
              key={fields.direction.key}
              label={t("kpi.admin.direction")}
              data={DIRECTIONS.map((direction) => ({ value: direction, label: t(`kpi.direction.${direction}`) }))}
            />
            <NativeSelect
              {...getSelectProps(fields.category)}
              key={fields.category.key}
              label={t("kpi.admin.category")}
              data={[...new Set([...KPI_CATEGORIES, fields.category.initialValue ?? "youth"])].map((code) => ({
                value: code,
                label: t(`oneLanguage.kpiCategory.${kpiCategoryOf(code)}`),
              }))}
              error={errorText(fields.category.errors)}
            />
            <TextInput
              {...getInputProps(fields.ragGreen, { type: "text" })}
              key={fields.ragGreen.key}
              inputMode="decimal"
              label={t("kpi.admin.ragGreen")}
              error={errorText(fields.ragGreen.errors)}
            />
            <TextInput
              {...getInputProps(fields.ragAmber, { type: "text" })}
              key={fields.ragAmber.key}
              inputMode="decimal"
              label={t("kpi.admin.ragAmber")}
              error={errorText(fields.ragAmber.errors)}
            />
            <NativeSelect
              {...getSelectProps(fields.source)}
              key={fields.source.key}
              label={t("kpi.admin.source")}
              data={SOURCES.map((source) => ({ value: source, label: t(`kpi.source.${source}`) }))}
            />
            <NativeSelect
              {...getSelectProps(fields.roadMapId)}
              key={fields.roadMapId.key}
              label={t("kpi.admin.roadMap")}
              data={[{ value: "", label: "—" }, ...data.roadMaps.map((r) => ({ value: String(r.id), label: r.title }))]}
              error={errorText(fields.roadMapId.errors)}
            />
            <TextInput
              {...getInputProps(fields.measureNumbers, { type: "text" })}
              key={fields.measureNumbers.key}
              label={t("kpi.admin.measureNumbers")}
              description={t("kpi.admin.measureNumbersHint")}
              error={errorText(fields.measureNumbers.errors)}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit">{t("kpi.save")}</Button>
            <Button component={Link} to={cancel} variant="default">
              {t("kpi.cancel")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Card>
  );
}

export function TargetForm({ data }: { data: Data }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form, fields] = useForm({
    ...formOptions,
    id: "kpi-target",
    lastResult: useIntentReply("target")?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: targetSchema }),
    defaultValue: {
      indicatorId: data.indicators[0]?.id.toString(),
      territoryId: "all",
      year: String(data.period.year),
      quarter: data.period.quarter?.toString() ?? "",
      weight: "1",
    },
  });
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {t("kpi.admin.setTarget")}
      </Title>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="target" />
        <Stack gap="sm">
          <FormErrors id={form.errorId} errors={form.errors} />
          <NativeSelect
            {...getSelectProps(fields.indicatorId)}
            key={fields.indicatorId.key}
            label={t("kpi.indicator")}
            data={data.indicators.map((i) => ({ value: String(i.id), label: i.shownTitle?.text ?? "" }))}
          />
          <NativeSelect
            {...getSelectProps(fields.territoryId)}
            key={fields.territoryId.key}
            label={t("kpi.territory")}
            data={[
              { value: "all", label: t("kpi.admin.allTerritories") },
              ...data.children.map((c) => ({ value: String(c.id), label: c.name?.text ?? "" })),
            ]}
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              {...getInputProps(fields.year, { type: "number" })}
              key={fields.year.key}
              label={t("kpi.admin.year")}
              error={errorText(fields.year.errors)}
            />
            <NativeSelect
              {...getSelectProps(fields.quarter)}
              key={fields.quarter.key}
              label={t("kpi.admin.quarter")}
              data={[
                { value: "", label: t("kpi.admin.wholeYear") },
                ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: `Q${q}` })),
              ]}
            />
            <TextInput
              {...getInputProps(fields.target, { type: "text" })}
              key={fields.target.key}
              inputMode="decimal"
              label={t("kpi.target")}
              error={errorText(fields.target.errors)}
            />
            <TextInput
              {...getInputProps(fields.weight, { type: "text" })}
              key={fields.weight.key}
              inputMode="decimal"
              label={t("kpi.weight")}
              error={errorText(fields.weight.errors)}
            />
          </SimpleGrid>
          <Button type="submit">{t("kpi.save")}</Button>
        </Stack>
      </Form>
    </Card>
  );
}

export function CopyForm({ data }: { data: Data }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const next = nextPeriod(data.period);
  const [form, fields] = useForm({
    ...formOptions,
    id: "kpi-copy",
    lastResult: useIntentReply("copy")?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: copySchema }),
    defaultValue: {
      fromYear: String(data.period.year),
      fromQuarter: data.period.quarter?.toString() ?? "",
      toYear: String(next.year),
      toQuarter: next.quarter?.toString() ?? "",
    },
  });
  const quarters = [
    { value: "", label: t("kpi.admin.wholeYear") },
    ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: `Q${q}` })),
  ];
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {t("kpi.admin.copy")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("kpi.admin.copyHint")}
      </Text>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="copy" />
        <Stack gap="sm">
          <FormErrors id={form.errorId} errors={form.errors} />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              {...getInputProps(fields.fromYear, { type: "number" })}
              key={fields.fromYear.key}
              label={t("kpi.admin.fromYear")}
              error={errorText(fields.fromYear.errors)}
            />
            <NativeSelect
              {...getSelectProps(fields.fromQuarter)}
              key={fields.fromQuarter.key}
              label={t("kpi.admin.quarter")}
              data={quarters}
            />
            <TextInput
              {...getInputProps(fields.toYear, { type: "number" })}
              key={fields.toYear.key}
              label={t("kpi.admin.toYear")}
              error={errorText(fields.toYear.errors)}
            />
            <NativeSelect
              {...getSelectProps(fields.toQuarter)}
              key={fields.toQuarter.key}
              label={t("kpi.admin.quarter")}
              data={quarters}
            />
          </SimpleGrid>
          <Button type="submit" variant="light">
            {t("kpi.admin.copyButton")}
          </Button>
        </Stack>
      </Form>
    </Card>
  );
}
