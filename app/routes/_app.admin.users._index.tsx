import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, LocalizedFields, NewPasswordFields, SelectField } from "~/components/admin/fields";
import { FormErrors } from "~/components/field-error";
import { createUserSchema, LOCALE_VALUES } from "~/domain/admin/admin-schema";
import { requireAdminRequest } from "~/domain/admin/guard.server";
import { createUser, listUsers } from "~/domain/admin/users.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { translator } from "~/i18n/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  return { pageTitle: translator(locale)("admin.nav.users"), users: await listUsers(db) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { principal, db } = await requireAdminRequest(request);
  const submission = parseWithZod(await request.formData(), { schema: createUserSchema });
  if (submission.status !== "success") return invalid(submission);
  return attemptWrite(submission, () => createUser(db, principal, submission.value), {
    flash: { key: "adminSaved" },
    redirectTo: (id) => `/admin/users/${id}`,
  });
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "new-user",
    lastResult: reply?.result,
    defaultValue: { locale: "kk" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createUserSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("admin.nav.users")}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("admin.user.login")}</Table.Th>
                <Table.Th>{t("admin.user.displayName")}</Table.Th>
                <Table.Th>{t("admin.user.roles")}</Table.Th>
                <Table.Th>{t("admin.user.language")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600} translate="no">
                      {user.login}
                    </Anchor>
                    {!user.is_active && (
                      <Badge color="gray" variant="light" size="sm" ml={6} style={{ textTransform: "none" }}>
                        {t("admin.user.inactive")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{user.display_name}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{user.roles.map((role) => t(`roles.${role}`)).join(", ") || "—"}</Text>
                  </Table.Td>
                  <Table.Td>{t(`language.${user.locale}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("admin.user.new")}
        </Title>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create-user" />
          <Stack gap="sm">
            <FormErrors id={form.errorId} errors={form.errors} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Field
                field={fields.login}
                label={t("admin.user.login")}
                description={t("admin.user.loginHint")}
                autoComplete="off"
                withAsterisk
              />
              <Field
                field={fields.displayName}
                label={t("oneLanguage.user.name")}
                description={t("oneLanguage.user.nameHint")}
                withAsterisk
              />
              <SelectField
                field={fields.locale}
                label={t("admin.user.language")}
                data={LOCALE_VALUES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
              />
              <Field field={fields.email} label={t("email.label")} type="email" autoComplete="off" spellCheck={false} />
              <NewPasswordFields password={fields.password} confirm={fields.confirm} label={t("admin.user.password")} />
            </SimpleGrid>
            <LocalizedFields
              fields={{ kk: fields.titleKk, ru: fields.titleRu, en: fields.titleEn }}
              label={t("oneLanguage.user.title")}
            />
            <Group>
              <Button type="submit">{t("admin.user.create")}</Button>
            </Group>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}
