import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, Code, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import { IconKey } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/admin/fields";
import { FormErrors } from "~/components/field-error";
import { RoleScopeFields } from "~/components/admin/user-roles";
import { createTokenSchema } from "~/domain/api/token-schema";
import type { WriteReply } from "~/domain/editing/action.server";
import type { TokenPage } from "./token-list";

/** The secret of a token just made, shown this once. */
export function CreatedToken({ created }: { created: { name: string; secret: string } }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" icon={<IconKey size={18} />} title={t("apiTokens.createdTitle", { name: created.name })}>
      <Stack gap="xs">
        <Text size="sm">{t("apiTokens.createdHint")}</Text>
        <Code
          block
          data-testid="new-token"
          aria-label={t("apiTokens.secretLabel")}
          style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}
        >
          {created.secret}
        </Code>
        <CopyButton value={created.secret}>
          {({ copied, copy }) => (
            <Group>
              <Button size="compact-sm" variant="light" onClick={copy}>
                {copied ? t("apiTokens.copied") : t("apiTokens.copy")}
              </Button>
            </Group>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}

/** The form that makes a token: a name, one role with its scope (as for a user), an expiry within a year. */
export function TokenForm({ page, reply }: { page: TokenPage; reply: WriteReply | undefined }) {
  const { t } = useTranslation();
  const schema = createTokenSchema(page.today);
  const mine = reply?.result.initialValue?.intent === "create-token" || reply?.saved;
  const [form, fields] = useForm({
    id: "create-token",
    lastResult: mine ? reply?.result : undefined,
    defaultValue: { role: "viewer", expiresOn: page.latestExpiry },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t("apiTokens.new")}
      </Title>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create-token" />
        <Stack gap="sm">
          <FormErrors id={form.errorId} errors={form.errors} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Field
              field={fields.name}
              label={t("apiTokens.name")}
              description={t("apiTokens.nameHint")}
              autoComplete="off"
              withAsterisk
            />
            <Field
              field={fields.expiresOn}
              label={t("apiTokens.expires")}
              description={t("apiTokens.expiresOnHint")}
              type="date"
              min={page.today}
              max={page.latestExpiry}
              withAsterisk
            />
          </SimpleGrid>
          <RoleScopeFields fields={fields} options={page.options} />
          <Group>
            <Button type="submit">{t("apiTokens.create")}</Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
