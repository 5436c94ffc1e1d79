import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Stack, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IconArrowLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PreferencesForm } from "~/components/notifications/preferences-form";
import { requirePrincipal } from "~/domain/auth/session.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { mailPreferences, preferencesSchema, savePreferences, userEmail } from "~/domain/notifications/center.server";
import { NOTIFICATION_KINDS } from "~/domain/notifications/kinds";
import { database } from "~/db.server";
import { translator } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const db = await database();
  const [preferences, email] = await Promise.all([mailPreferences(db, principal.id), userEmail(db, principal.id)]);
  return {
    pageTitle: translator(await localeOf(request))("notifications.settings"),
    email,
    preferences: NOTIFICATION_KINDS.map((kind) => ({ kind, email: preferences[kind] })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requirePrincipal(request);
  const submission = parseWithZod(await request.formData(), { schema: preferencesSchema });
  if (submission.status !== "success") return invalid(submission);
  const db = await database();
  return attemptWrite(submission, () => savePreferences(db, principal.id, submission.value.email), {
    redirectTo: "/notifications/settings",
    flash: { key: "saved" },
  });
}

/** The form's own errors and those of its checkboxes (an unknown kind), shown together above them. */
function errorsOf(reply: WriteReply | undefined): string[] | undefined {
  const errors = [...(reply?.result.error?.[""] ?? []), ...(reply?.result.error?.email ?? [])];
  return errors.length ? errors : undefined;
}

export default function NotificationSettingsPage() {
  const { preferences, email } = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640} mx="auto">
      <Title order={1} size="h3">
        {t("notifications.settings")}
      </Title>
      <PreferencesForm preferences={preferences} email={email} errors={errorsOf(reply)} />
      <Button
        component={Link}
        to="/notifications"
        variant="subtle"
        size="sm"
        leftSection={<IconArrowLeft size={16} />}
        style={{ alignSelf: "flex-start" }}
      >
        {t("notifications.back")}
      </Button>
    </Stack>
  );
}
