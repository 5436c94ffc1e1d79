import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Group, Stack } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { roadMapSchema } from "~/domain/admin/admin-schema";
import type { LocalizedText } from "~/i18n/locales";
import { FormErrors } from "../field-error";
import { Field, LocalizedFields, localizedDefaults, SelectField } from "./fields";

/** A road map of a programme for a territory: new, or its title, territory and approval date changed. */
export function RoadMapForm({
  territories,
  defaults,
  lastResult,
  stacked,
}: {
  territories: Array<{ value: string; label: string }>;
  defaults: { id?: number; version?: number; territoryId?: number; title?: LocalizedText; approvedOn?: string | null };
  lastResult: SubmissionResult<string[]> | undefined;
  /** In a narrow column: the languages one under another. */
  stacked?: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: defaults.id ? `road-map-${defaults.id}` : "new-road-map",
    lastResult,
    defaultValue: {
      ...localizedDefaults("title", defaults.title),
      territoryId: defaults.territoryId?.toString() ?? "",
      approvedOn: defaults.approvedOn ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roadMapSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-road-map" />
      {defaults.id && <input type="hidden" name="roadMapId" value={defaults.id} />}
      {defaults.version && <input type="hidden" name="version" value={defaults.version} />}
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          field={fields.territoryId}
          label={t("admin.roadMap.territory")}
          data={territories}
          placeholder={t("admin.choose")}
          withAsterisk
        />
        <LocalizedFields
          fields={{ kk: fields.titleKk, ru: fields.titleRu, en: fields.titleEn }}
          label={t("admin.roadMap.title")}
          required
          stacked={stacked}
        />
        <Field field={fields.approvedOn} label={t("admin.roadMap.approvedOn")} type="date" maw={220} />
        <Group>
          <Button type="submit" variant={defaults.id ? "filled" : "light"}>
            {defaults.id ? t("admin.save") : t("admin.roadMap.create")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
