import { Text } from "@mantine/core";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { decodeMessage } from "~/domain/editing/messages";

/** Validation messages are dictionary keys (set in the zod schemas); shown in the reader's language. */
export function useErrorText() {
  const { t } = useTranslation();
  return (errors: string[] | undefined) => {
    if (!errors?.[0]) return undefined;
    const { key, values } = decodeMessage(errors[0]);
    return t(key as ParseKeys, values);
  };
}

export function FormErrors({ id, errors }: { id?: string; errors: string[] | undefined }) {
  const errorText = useErrorText();
  const message = errorText(errors);
  if (!message) return null;
  return (
    <Text id={id} c="red.8" size="sm" role="alert">
      {message}
    </Text>
  );
}
