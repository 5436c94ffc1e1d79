import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Group, SimpleGrid, Stack } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ProgrammeStatus } from "~db/schema";
import { programmeStatusSchema } from "~/domain/admin/admin-schema";
import type { WriteReply } from "~/domain/editing/action.server";
import { FormErrors } from "../field-error";
import { Field, LocalizedFields, SelectField } from "./fields";

/** Moves a programme one step along its workflow, dated, with an optional note. */
export function StatusForm({
  version,
  today,
  transitions,
  lastResult,
}: {
  version: number;
  today: string;
  transitions: ProgrammeStatus[];
  lastResult: WriteReply["result"] | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "programme-status",
    lastResult,
    // No step is preselected: moving a programme on (and completing or archiving it) is chosen, never defaulted.
    defaultValue: { changedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: programmeStatusSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="change-status" />
      <input type="hidden" name="version" value={version} />
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <SelectField
            field={fields.toStatus}
            label={t("admin.programme.nextStatus")}
            placeholder={t("admin.programme.chooseStatus")}
            withAsterisk
            data={transitions.map((status) => ({
              value: status,
              label: t(`admin.status.${status}`),
            }))}
          />
          <Field field={fields.changedOn} label={t("admin.programme.changedOn")} type="date" withAsterisk />
        </SimpleGrid>
        <LocalizedFields
          fields={{ kk: fields.noteKk, ru: fields.noteRu }}
          label={t("admin.programme.note")}
          languages={["kk", "ru"]}
        />
        <Group>
          <Button type="submit">{t("admin.programme.moveStatus")}</Button>
        </Group>
      </Stack>
    </Form>
  );
}
