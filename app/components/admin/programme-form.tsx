import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Group, SimpleGrid, Stack } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { programmeSchema } from "~/domain/admin/admin-schema";
import type { LocalizedText } from "~/i18n/locales";
import { FormErrors } from "../field-error";
import { Field, LocalizedFields, localizedDefaults } from "./fields";

export interface ProgrammeDefaults {
  id?: number;
  version?: number;
  title?: LocalizedText;
  owner?: LocalizedText | null;
  description?: LocalizedText | null;
  startYear?: number;
  endYear?: number;
  ragGreen?: number;
  ragAmber?: number;
}

/** A programme's title, owner, years and RAG thresholds. */
export function ProgrammeForm({
  defaults,
  lastResult,
}: {
  defaults: ProgrammeDefaults;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: defaults.id ? `programme-${defaults.id}` : "new-programme",
    lastResult,
    defaultValue: {
      ...localizedDefaults("title", defaults.title),
      ...localizedDefaults("owner", defaults.owner),
      ...localizedDefaults("description", defaults.description),
      startYear: defaults.startYear?.toString() ?? "",
      endYear: defaults.endYear?.toString() ?? "",
      ragGreen: String(defaults.ragGreen ?? 100),
      ragAmber: String(defaults.ragAmber ?? 80),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: programmeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "save-programme";
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-programme" />
      {defaults.id && <input type="hidden" name="programmeId" value={defaults.id} />}
      {defaults.version && <input type="hidden" name="version" value={defaults.version} />}
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <LocalizedFields
          fields={{ kk: fields.titleKk, ru: fields.titleRu, en: fields.titleEn }}
          label={t("admin.programme.title")}
          required
          multiline
        />
        <LocalizedFields
          fields={{ kk: fields.ownerKk, ru: fields.ownerRu, en: fields.ownerEn }}
          label={t("admin.programme.owner")}
        />
        <LocalizedFields
          fields={{ kk: fields.descriptionKk, ru: fields.descriptionRu, en: fields.descriptionEn }}
          label={t("admin.programme.description")}
          multiline
        />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Field field={fields.startYear} label={t("admin.programme.startYear")} inputMode="numeric" withAsterisk />
          <Field field={fields.endYear} label={t("admin.programme.endYear")} inputMode="numeric" withAsterisk />
          <Field
            field={fields.ragGreen}
            label={t("admin.programme.ragGreen")}
            inputMode="decimal"
            rightSection="%"
            withAsterisk
          />
          <Field
            field={fields.ragAmber}
            label={t("admin.programme.ragAmber")}
            inputMode="decimal"
            rightSection="%"
            withAsterisk
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={busy}>
            {defaults.id ? t("admin.save") : t("admin.programme.create")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
