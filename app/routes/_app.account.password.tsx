import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Field, NewPasswordFields } from "~/components/admin/fields";
import { FormErrors } from "~/components/field-error";
import { changePasswordSchema } from "~/domain/admin/admin-schema";
import { changeOwnPassword } from "~/domain/admin/users.server";
import { requirePrincipal, requireUserSession } from "~/domain/auth/session.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { database } from "~/db.server";
import { translator } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  return {
    pageTitle: translator(await localeOf(request))("account.title"),
    login: principal.login,
    changed: new URL(request.url).searchParams.has("changed"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { principal, sessionId } = await requireUserSession(request);
  const submission = parseWithZod(await request.formData(), { schema: changePasswordSchema });
  if (submission.status !== "success") return invalid(submission);
  const db = await database();
  // The new password ends every other session; this one goes on.
  return attemptWrite(submission, () => changeOwnPassword(db, principal, submission.value, sessionId), {
    redirectTo: "/account/password?changed=1",
  });
}

export default function ChangePasswordPage() {
  const { login, changed } = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: reply?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Stack gap="md" maw={520} mx="auto">
      <Title order={1} size="h3">
        {t("account.title")}
      </Title>
      {changed && (
        <Alert color="green" icon={<IconCheck />} role="status" data-testid="password-changed">
          {t("account.changed")}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Form method="post" {...getFormProps(form)}>
          <input type="text" name="username" value={login} autoComplete="username" readOnly hidden />
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t("account.hint")}
            </Text>
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field
              field={fields.currentPassword}
              label={t("account.current")}
              type="password"
              autoComplete="current-password"
              withAsterisk
            />
            <NewPasswordFields
              password={fields.password}
              confirm={fields.confirm}
              label={t("admin.user.newPassword")}
            />
            <Group>
              <Button type="submit" loading={navigation.state === "submitting"}>
                {t("account.submit")}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}
