import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Button, Stack } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { IconInfoCircle, IconMailCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { PublicCard } from "~/components/account/public-card";
import { Field } from "~/components/admin/fields";
import { FormErrors } from "~/components/field-error";
import { RESET_VALID_HOURS } from "~/domain/accounts/account-tokens.server";
import { requestPasswordReset } from "~/domain/accounts/password-reset.server";
import { clientAddress } from "~/domain/auth/client-address.server";
import { encodeMessage } from "~/domain/editing/messages";
import { mailer } from "~/domain/mail/mailer.server";
import { database } from "~/db.server";
import { translator } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

const forgotSchema = z.object({
  identifier: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(254, "login.invalid"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  return {
    pageTitle: translator(await localeOf(request))("forgot.title"),
    available: mailer().configured,
    hours: RESET_VALID_HOURS,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  if (!mailer().configured) return data({ result: submission.reply(), sent: false }, { status: 404 });
  const outcome = await requestPasswordReset(await database(), mailer(), {
    identifier: submission.value.identifier,
    address: clientAddress(context),
  });
  if (outcome.status === "throttled") {
    const seconds = Math.max(1, Math.ceil((outcome.retryAt.getTime() - Date.now()) / 1000));
    const message =
      seconds < 120
        ? encodeMessage("signIn.throttledSeconds", { n: seconds })
        : encodeMessage("signIn.throttledMinutes", { n: Math.ceil(seconds / 60) });
    return data(
      { result: submission.reply({ formErrors: [message] }), sent: false },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
  // The mail goes out after the answer (delivery is not awaited): known and unknown logins answer alike.
  return data({ result: submission.reply({ resetForm: true }), sent: true });
}

export default function ForgotPasswordPage() {
  const { available, hours } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: reply?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const back = (
    <Anchor component={Link} to="/login" size="sm">
      ← {t("forgot.backToLogin")}
    </Anchor>
  );
  if (!available) {
    return (
      <PublicCard title={t("forgot.title")}>
        <Stack gap="md" mt="md">
          <Alert color="gray" icon={<IconInfoCircle />} data-testid="reset-unavailable">
            {t("forgot.unavailable")}
          </Alert>
          {back}
        </Stack>
      </PublicCard>
    );
  }
  return (
    <PublicCard title={t("forgot.title")} intro={t("forgot.intro")}>
      <Stack gap="md">
        {reply?.sent && (
          <Alert color="green" icon={<IconMailCheck />} role="status" data-testid="reset-sent">
            {t("forgot.sent", { hours })}
          </Alert>
        )}
        <Form method="post" {...getFormProps(form)}>
          <Stack gap="md">
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field
              field={fields.identifier}
              label={t("forgot.identifier")}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              withAsterisk
            />
            <Button type="submit" fullWidth loading={navigation.state === "submitting"}>
              {t("forgot.submit")}
            </Button>
          </Stack>
        </Form>
        {back}
      </Stack>
    </PublicCard>
  );
}
