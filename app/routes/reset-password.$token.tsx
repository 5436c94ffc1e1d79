import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Button, Stack } from "@mantine/core";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PublicCard } from "~/components/account/public-card";
import { NewPasswordFields } from "~/components/admin/fields";
import { FormErrors } from "~/components/field-error";
import { newPasswordSchema } from "~/domain/admin/admin-schema";
import { findResetToken, resetPasswordWithToken } from "~/domain/accounts/password-reset.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { database } from "~/db.server";
import { translator } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.pageTitle ?? ""} · Oryndau` },
  { name: "robots", content: "noindex" },
];

// The token is in the address: no page it links to may be told it.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(await localeOf(request));
  const found = await findResetToken(await database(), params.token);
  // The link is checked, not used: a mail scanner opening it must not use it up.
  return data(
    { pageTitle: t(found ? "reset.title" : "reset.invalidTitle"), login: found?.login ?? null },
    { status: found ? 200 : 404 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: newPasswordSchema });
  if (submission.status !== "success") return invalid(submission);
  const db = await database();
  return attemptWrite(submission, () => resetPasswordWithToken(db, params.token, submission.value), {
    redirectTo: "/login?reset=1",
  });
}

export default function ResetPasswordPage() {
  const { login } = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "reset-password-by-mail",
    lastResult: reply?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (!login) {
    return (
      <PublicCard title={t("reset.invalidTitle")}>
        <Stack gap="md" mt="md">
          <Alert color="orange" icon={<IconAlertTriangle />} role="alert" data-testid="reset-invalid">
            {t("reset.invalid")}
          </Alert>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t("reset.requestNew")} →
          </Anchor>
        </Stack>
      </PublicCard>
    );
  }
  return (
    <PublicCard title={t("reset.title")} intro={t("reset.intro", { login })}>
      <Form method="post" {...getFormProps(form)}>
        <input type="text" name="username" value={login} autoComplete="username" readOnly hidden />
        <Stack gap="md">
          <FormErrors id={form.errorId} errors={form.errors} />
          <NewPasswordFields password={fields.password} confirm={fields.confirm} label={t("admin.user.newPassword")} />
          <Button type="submit" fullWidth loading={navigation.state === "submitting"}>
            {t("reset.submit")}
          </Button>
        </Stack>
      </Form>
    </PublicCard>
  );
}
