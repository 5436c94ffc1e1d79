import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { IconClock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/admin/fields";
import { FormErrors } from "~/components/field-error";
import { changeEmailSchema } from "~/domain/accounts/email-schema";
import type { WriteReply } from "~/domain/editing/action.server";

export interface EmailPanelProps {
  email: string | null;
  pending: { email: string; until: string } | null;
  /** Whether this system sends mail; without it only an administrator sets the address. */
  canMail: boolean;
  lastResult: WriteReply["result"] | undefined;
}

/** On /account: the user's address, the one waiting for confirmation, and the form that asks for a new one. */
export function EmailPanel({ email, pending, canMail, lastResult }: EmailPanelProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "change-email",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changeEmailSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Paper withBorder p="md" data-testid="account-email">
      <Title order={2} size="h4" mb="sm">
        {t("email.title")}
      </Title>
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t("email.current")}:
          </Text>
          <Text size="sm" fw={600} translate="no" style={{ overflowWrap: "anywhere" }} data-testid="current-email">
            {email ?? t("email.none")}
          </Text>
        </Group>
        {pending && (
          <Alert color="yellow" icon={<IconClock />} data-testid="pending-email">
            <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
              {t("email.pending", { email: pending.email })}
            </Text>
            <Text size="sm">{t("email.pendingHint", { when: pending.until })}</Text>
          </Alert>
        )}
        {canMail ? (
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="change-email" />
            <Stack gap="sm">
              <FormErrors id={form.errorId} errors={form.errors} />
              <Field
                field={fields.email}
                label={t("email.newLabel")}
                description={t("email.newHint")}
                type="email"
                autoComplete="email"
                spellCheck={false}
                withAsterisk
              />
              <Field
                field={fields.currentPassword}
                label={t("email.currentPassword")}
                type="password"
                autoComplete="current-password"
                withAsterisk
              />
              <Group>
                <Button
                  type="submit"
                  variant="light"
                  w={{ base: "100%", xs: "auto" }}
                  loading={navigation.state === "submitting"}
                >
                  {t("email.submit")}
                </Button>
              </Group>
            </Stack>
          </Form>
        ) : (
          <Text size="sm" c="dimmed">
            {t("email.noMail")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
