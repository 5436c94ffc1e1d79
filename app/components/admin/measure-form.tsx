import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Checkbox, Fieldset, Group, ScrollArea, SimpleGrid, Stack, Text } from "@mantine/core";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MEASURE_UNITS, measureSchema, type MeasureInput } from "~/domain/admin/admin-schema";
import type { LocalizedText } from "~/i18n/locales";
import { FormErrors, useErrorText } from "../field-error";
import { Field, LocalizedFields, localizedDefaults, SelectField } from "./fields";

type Option = { value: string; label: string };
type FormValues = { [K in keyof MeasureInput]?: K extends "coExecutorIds" ? string[] : string };

export interface MeasureDefaults {
  id?: number;
  version?: number;
  sectionId?: number;
  number?: string;
  title?: LocalizedText;
  completionForm?: LocalizedText | null;
  unit?: string;
  responsibleDepartmentId?: number;
  coExecutorIds?: number[];
  territoryId?: number;
  deadline?: string;
  fundingSource?: LocalizedText | null;
  plannedFunding?: number | null;
  weight?: number;
  shareOfBase?: boolean;
  baseLabel?: LocalizedText | null;
}

/** Every field of a measure (DESIGN.md). A changed deadline needs a reason, asked for beside it. */
export function MeasureForm({
  defaults,
  options,
  lastResult,
  cancelHref,
}: {
  defaults: MeasureDefaults;
  options: { sections: Option[]; departments: Option[]; territories: Option[] };
  lastResult: SubmissionResult<string[]> | undefined;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const [form, fields] = useForm<FormValues, MeasureInput>({
    id: defaults.id ? `measure-${defaults.id}` : "new-measure",
    lastResult,
    defaultValue: {
      sectionId: defaults.sectionId?.toString() ?? "",
      number: defaults.number ?? "",
      ...localizedDefaults("title", defaults.title),
      ...localizedDefaults("completionForm", defaults.completionForm),
      unit: defaults.unit ?? "event",
      responsibleDepartmentId: defaults.responsibleDepartmentId?.toString() ?? "",
      coExecutorIds: (defaults.coExecutorIds ?? []).map(String),
      territoryId: defaults.territoryId?.toString() ?? "",
      deadline: defaults.deadline ?? "",
      ...localizedDefaults("fundingSource", defaults.fundingSource),
      plannedFunding: defaults.plannedFunding?.toString() ?? "",
      weight: (defaults.weight ?? 1).toString(),
      shareOfBase: defaults.shareOfBase ? "on" : "",
      ...localizedDefaults("baseLabel", defaults.baseLabel),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: measureSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "save-measure";
  const chosenCoExecutors = new Set(
    (Array.isArray(fields.coExecutorIds.initialValue) ? fields.coExecutorIds.initialValue : []).map(String),
  );
  const coExecutorError = errorText(fields.coExecutorIds.errors);

  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-measure" />
      {defaults.id && <input type="hidden" name="measureId" value={defaults.id} />}
      {defaults.version && <input type="hidden" name="version" value={defaults.version} />}
      <Stack gap="md">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <SelectField
            field={fields.sectionId}
            label={t("admin.measure.section")}
            data={options.sections}
            placeholder={t("admin.choose")}
            withAsterisk
          />
          <Field field={fields.number} label={t("admin.measure.number")} placeholder="2.1.4" withAsterisk />
          <SelectField
            field={fields.unit}
            label={t("admin.measure.unit")}
            data={MEASURE_UNITS.map((unit) => ({ value: unit, label: t(`units.${unit}`) }))}
          />
        </SimpleGrid>
        <LocalizedFields
          fields={{ kk: fields.titleKk, ru: fields.titleRu, en: fields.titleEn }}
          label={t("admin.measure.titleLabel")}
          required
          multiline
        />
        <LocalizedFields
          fields={{ kk: fields.completionFormKk, ru: fields.completionFormRu, en: fields.completionFormEn }}
          label={t("admin.measure.completionForm")}
        />

        <Fieldset legend={t("admin.measure.execution")} variant="filled">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <SelectField
                field={fields.responsibleDepartmentId}
                label={t("admin.measure.responsible")}
                data={options.departments}
                placeholder={t("admin.choose")}
                withAsterisk
              />
              <SelectField
                field={fields.territoryId}
                label={t("admin.measure.territory")}
                data={options.territories}
                placeholder={t("admin.choose")}
                withAsterisk
              />
            </SimpleGrid>
            <div>
              <Text size="sm" fw={500} id={`${fields.coExecutorIds.id}-label`}>
                {t("admin.measure.coExecutors")}
              </Text>
              <ScrollArea.Autosize mah={168} type="auto" className="admin-checklist">
                <Stack
                  gap={6}
                  p="xs"
                  role="group"
                  aria-labelledby={`${fields.coExecutorIds.id}-label`}
                  aria-describedby={coExecutorError ? fields.coExecutorIds.errorId : undefined}
                >
                  {options.departments.map((department) => (
                    <Checkbox
                      key={`${fields.coExecutorIds.key ?? ""}-${department.value}`}
                      name={fields.coExecutorIds.name}
                      value={department.value}
                      label={department.label}
                      defaultChecked={chosenCoExecutors.has(department.value)}
                      size="xs"
                    />
                  ))}
                </Stack>
              </ScrollArea.Autosize>
              {coExecutorError && (
                <Text id={fields.coExecutorIds.errorId} c="red.8" size="xs" mt={4}>
                  {coExecutorError}
                </Text>
              )}
            </div>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("admin.measure.deadlineGroup")} variant="filled">
          <Stack gap="sm">
            <Field field={fields.deadline} label={t("admin.measure.deadline")} type="date" withAsterisk maw={220} />
            {defaults.id && (
              <>
                <Text size="xs" c="dimmed">
                  {t("admin.measure.deadlineReasonHint")}
                </Text>
                <LocalizedFields
                  fields={{ kk: fields.deadlineReasonKk, ru: fields.deadlineReasonRu }}
                  label={t("admin.measure.deadlineReason")}
                  languages={["kk", "ru"]}
                />
              </>
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t("admin.measure.fundingGroup")} variant="filled">
          <Stack gap="sm">
            <LocalizedFields
              fields={{ kk: fields.fundingSourceKk, ru: fields.fundingSourceRu, en: fields.fundingSourceEn }}
              label={t("admin.measure.fundingSource")}
            />
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm">
              <Field
                field={fields.plannedFunding}
                label={t("admin.measure.plannedFunding")}
                inputMode="decimal"
                rightSection="₸"
              />
              <Field
                field={fields.weight}
                label={t("admin.measure.weight")}
                inputMode="decimal"
                description={t("admin.measure.weightHint")}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("figures.shareMeasure")} variant="filled">
          <Stack gap="sm">
            <Checkbox
              key={fields.shareOfBase.key}
              name={fields.shareOfBase.name}
              id={fields.shareOfBase.id}
              label={t("figures.shareMeasure")}
              description={t("figures.shareMeasureHint")}
              defaultChecked={defaults.shareOfBase ?? false}
            />
            <LocalizedFields
              fields={{ kk: fields.baseLabelKk, ru: fields.baseLabelRu, en: fields.baseLabelEn }}
              label={t("figures.baseLabel")}
            />
          </Stack>
        </Fieldset>

        <Group>
          <Button type="submit" loading={busy}>
            {defaults.id ? t("admin.save") : t("admin.measure.create")}
          </Button>
          <Button component={Link} to={cancelHref} variant="default">
            {t("admin.cancel")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
