import { Alert, Anchor, Button, Stack } from "@mantine/core";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PublicCard } from "~/components/account/public-card";
import { confirmEmailChange, findEmailChange } from "~/domain/accounts/account-email.server";
import { mailer } from "~/domain/mail/mailer.server";
import { database } from "~/db.server";
import { translator } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.pageTitle ?? ""} · Oryndau` },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findEmailChange(await database(), params.token);
  // Opening the link only shows it: the button confirms, so that a mail scanner's visit uses nothing up.
  return data(
    { pageTitle: translator(await localeOf(request))("email.confirmTitle"), change: found },
    { status: found ? 200 : 404 },
  );
}

export async function action({ params }: ActionFunctionArgs) {
  const outcome = await confirmEmailChange(await database(), mailer(), params.token);
  return data(outcome, { status: outcome.status === "confirmed" ? 200 : outcome.status === "taken" ? 409 : 404 });
}

export default function ConfirmEmailPage() {
  const { change } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const toAccount = (
    <Anchor component={Link} to="/account" size="sm">
      {t("email.toAccount")} →
    </Anchor>
  );
  if (outcome?.status === "confirmed") {
    return (
      <PublicCard title={t("email.confirmTitle")}>
        <Stack gap="md" mt="md">
          <Alert color="green" icon={<IconCheck />} role="status" data-testid="email-confirmed">
            {t("email.confirmed", { email: outcome.email })}
          </Alert>
          {toAccount}
        </Stack>
      </PublicCard>
    );
  }
  if (!change || outcome) {
    return (
      <PublicCard title={t("email.confirmTitle")}>
        <Stack gap="md" mt="md">
          <Alert color="orange" icon={<IconAlertTriangle />} role="alert" data-testid="email-link-invalid">
            {t(outcome?.status === "taken" ? "email.takenOnConfirm" : "email.invalidLink")}
          </Alert>
          {toAccount}
        </Stack>
      </PublicCard>
    );
  }
  return (
    <PublicCard
      title={t("email.confirmTitle")}
      intro={t("email.confirmIntro", { login: change.login, email: change.email })}
    >
      <Form method="post">
        <Button type="submit" fullWidth loading={navigation.state === "submitting"}>
          {t("email.confirmSubmit")}
        </Button>
      </Form>
    </PublicCard>
  );
}
