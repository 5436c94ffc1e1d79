import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Checkbox, Group, Stack } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, LocalizedFields, localizedDefaults, NewPasswordFields, SelectField } from "~/components/admin/fields";
import { FormErrors, useErrorText } from "~/components/field-error";
import { LOCALE_VALUES, resetPasswordSchema, userSchema } from "~/domain/admin/admin-schema";
import type { WriteReply } from "~/domain/editing/action.server";
import type { Locale, LocalizedText } from "~/i18n/locales";

export interface ProfileUser {
  version: number;
  displayName: string;
  title: LocalizedText | null;
  locale: Locale;
  email: string | null;
  isActive: boolean;
}

/** A user's name, post, language and whether the account may sign in. */
export function ProfileForm({ user, lastResult }: { user: ProfileUser; lastResult: WriteReply["result"] | undefined }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form, fields] = useForm({
    id: "user-profile",
    lastResult,
    defaultValue: {
      displayName: user.displayName,
      locale: user.locale,
      email: user.email ?? "",
      ...localizedDefaults("title", user.title),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: userSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-user" />
      <input type="hidden" name="version" value={user.version} />
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          field={fields.displayName}
          label={t("oneLanguage.user.name")}
          description={t("oneLanguage.user.nameHint")}
          withAsterisk
        />
        <LocalizedFields
          fields={{ kk: fields.titleKk, ru: fields.titleRu, en: fields.titleEn }}
          label={t("oneLanguage.user.title")}
          stacked
        />
        <SelectField
          field={fields.locale}
          label={t("admin.user.language")}
          data={LOCALE_VALUES.map((value) => ({ value, label: t(`language.${value}`) }))}
        />
        <Field
          field={fields.email}
          label={t("email.label")}
          description={t("email.adminHint")}
          type="email"
          autoComplete="off"
          spellCheck={false}
        />
        <Checkbox
          key={fields.isActive.key}
          name={fields.isActive.name}
          label={t("admin.user.active")}
          defaultChecked={user.isActive}
          error={errorText(fields.isActive.errors)}
        />
        <Group>
          <Button type="submit">{t("admin.save")}</Button>
        </Group>
      </Stack>
    </Form>
  );
}

/** A new password set by an administrator. */
export function ResetForm({ version, lastResult }: { version: number; lastResult: WriteReply["result"] | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="reset-password" />
      <input type="hidden" name="version" value={version} />
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} label={t("admin.user.newPassword")} />
        <Group>
          <Button type="submit" variant="light" color="orange">
            {t("admin.user.resetPassword")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
