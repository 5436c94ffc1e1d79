import { NativeSelect, SimpleGrid, Textarea, TextInput, type TextInputProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedText } from "~/i18n/locales";
import { useErrorText } from "../field-error";

/** What a form field needs of Conform's field metadata. */
export interface FieldLike {
  name: string;
  id: string;
  key?: string;
  errorId: string;
  initialValue?: unknown;
  errors?: string[];
}

const initial = (field: FieldLike): string | undefined =>
  typeof field.initialValue === "string" ? field.initialValue : undefined;

function errorProps(field: FieldLike, error: string | undefined) {
  return { error, "aria-invalid": error ? true : undefined, "aria-describedby": error ? field.errorId : undefined };
}

/** A text input bound to a Conform field: a plain input, so the form works before scripts load. */
export function Field({
  field,
  label,
  ...props
}: { field: FieldLike; label?: ReactNode } & Omit<TextInputProps, "name" | "id" | "defaultValue" | "error">) {
  const errorText = useErrorText();
  const error = errorText(field.errors);
  return (
    <TextInput
      key={field.key}
      name={field.name}
      id={field.id}
      defaultValue={initial(field)}
      label={label}
      {...errorProps(field, error)}
      errorProps={{ id: field.errorId }}
      {...props}
    />
  );
}

export function TextAreaField({
  field,
  label,
  lang,
  description,
  withAsterisk,
}: {
  field: FieldLike;
  label: ReactNode;
  lang?: string;
  description?: ReactNode;
  withAsterisk?: boolean;
}) {
  const errorText = useErrorText();
  const error = errorText(field.errors);
  return (
    <Textarea
      key={field.key}
      name={field.name}
      id={field.id}
      defaultValue={initial(field)}
      label={label}
      lang={lang}
      description={description}
      withAsterisk={withAsterisk}
      autosize
      minRows={2}
      maxRows={8}
      {...errorProps(field, error)}
      errorProps={{ id: field.errorId }}
    />
  );
}

export function SelectField({
  field,
  label,
  data,
  placeholder,
  withAsterisk,
  ariaLabel,
}: {
  field: FieldLike;
  label?: ReactNode;
  data: Array<{ value: string; label: string }>;
  placeholder?: string;
  withAsterisk?: boolean;
  ariaLabel?: string;
}) {
  const errorText = useErrorText();
  const error = errorText(field.errors);
  const options = placeholder ? [{ value: "", label: placeholder }, ...data] : data;
  return (
    <NativeSelect
      key={field.key}
      name={field.name}
      id={field.id}
      defaultValue={initial(field) ?? options[0]?.value}
      label={label}
      data={options}
      withAsterisk={withAsterisk}
      aria-label={ariaLabel}
      {...errorProps(field, error)}
      errorProps={{ id: field.errorId }}
    />
  );
}

/** One text in up to three languages, side by side (stacked on a phone). */
export function LocalizedFields({
  fields,
  label,
  required,
  multiline,
  stacked,
  languages = ["kk", "ru", "en"],
}: {
  fields: { kk: FieldLike; ru: FieldLike; en?: FieldLike };
  label: string;
  required?: boolean;
  multiline?: boolean;
  /** One language under another, for a narrow column. */
  stacked?: boolean;
  languages?: Array<"kk" | "ru" | "en">;
}) {
  const { t } = useTranslation();
  const shown = languages.filter((language) => fields[language]);
  return (
    <SimpleGrid cols={{ base: 1, sm: stacked ? 1 : shown.length }} spacing="sm">
      {shown.map((language) => {
        const field = fields[language]!;
        const fieldLabel = `${label} (${t(`language.shownInShort.${language}`)})`;
        return multiline ? (
          <TextAreaField
            key={language}
            field={field}
            label={fieldLabel}
            lang={language}
            withAsterisk={required && language === "kk"}
          />
        ) : (
          <Field
            key={language}
            field={field}
            label={fieldLabel}
            lang={language}
            withAsterisk={required && language === "kk"}
          />
        );
      })}
    </SimpleGrid>
  );
}

/** Conform default values of a text held per language. */
export function localizedDefaults<N extends string>(name: N, value: LocalizedText | null | undefined) {
  return {
    [`${name}Kk`]: value?.kk ?? "",
    [`${name}Ru`]: value?.ru ?? "",
    [`${name}En`]: value?.en ?? "",
  } as Record<`${N}Kk` | `${N}Ru` | `${N}En`, string>;
}

/** A new password typed twice, with the rule it must meet. */
export function NewPasswordFields({
  password,
  confirm,
  label,
}: {
  password: FieldLike;
  confirm: FieldLike;
  /** The first field's label: «password» on a new account, «new password» elsewhere. */
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        field={password}
        label={label}
        description={t("admin.user.passwordHint")}
        type="password"
        autoComplete="new-password"
        withAsterisk
      />
      <Field field={confirm} label={t("admin.user.confirm")} type="password" autoComplete="new-password" withAsterisk />
    </>
  );
}
