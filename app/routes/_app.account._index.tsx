import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IconCheck, IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmailPanel } from "~/components/account/email-panel";
import { SessionList } from "~/components/account/session-list";
import { emailStatus, requestEmailChange } from "~/domain/accounts/account-email.server";
import { changeEmailSchema } from "~/domain/accounts/email-schema";
import { destroyUserSession, requireUserSession, sessionLimits } from "~/domain/auth/session.server";
import { endOwnSession, listSessions } from "~/domain/auth/sessions.server";
import { describeUserAgent } from "~/domain/auth/user-agent";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { mailer } from "~/domain/mail/mailer.server";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatDateTime } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

const NOTICES = ["ended", "gone", "email-sent"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { principal, sessionId } = await requireUserSession(request);
  const locale = await localeOf(request);
  const limits = sessionLimits();
  const db = await database();
  const [sessions, address] = await Promise.all([
    listSessions(db, principal.id, limits),
    emailStatus(db, principal.id),
  ]);
  const when = (moment: Date) => formatDateTime(locale, moment, env().APP_TIME_ZONE);
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    pageTitle: translator(locale)("sessions.title"),
    limits,
    notice: NOTICES.find((known) => known === notice) ?? null,
    email: {
      email: address.email,
      pending: address.pending && { email: address.pending.email, until: when(address.pending.expiresAt) },
      canMail: mailer().configured,
    },
    sessions: sessions.map((session) => {
      const { browser, system } = describeUserAgent(session.user_agent);
      return {
        id: session.id,
        device: [browser, system].filter(Boolean).join(" · ") || null,
        opened: when(session.created_at),
        lastSeen: when(session.last_seen_at),
        current: session.id === sessionId,
      };
    }),
  };
}

const endSessionSchema = z.object({ intent: z.literal("end-session"), sessionId: z.coerce.number().int().positive() });

export async function action({ request }: ActionFunctionArgs) {
  const { principal, sessionId } = await requireUserSession(request);
  const formData = await request.formData();
  if (formData.get("intent") === "change-email") {
    const submission = parseWithZod(formData, { schema: changeEmailSchema });
    if (submission.status !== "success") return invalid(submission);
    const db = await database();
    return attemptWrite(submission, () => requestEmailChange(db, mailer(), principal, submission.value), {
      redirectTo: "/account?notice=email-sent",
    });
  }
  const parsed = endSessionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  // Ending the session one is using is signing out.
  if (parsed.data.sessionId === sessionId) return destroyUserSession(request);
  const ended = await endOwnSession(await database(), principal.id, parsed.data.sessionId);
  return redirect(`/account?notice=${ended ? "ended" : "gone"}`);
}

export default function AccountPage() {
  const { sessions, limits, notice, email } = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const notices = { ended: "sessions.ended", gone: "sessions.gone", "email-sent": "email.sent" } as const;
  return (
    <Stack gap="md" maw={760} mx="auto">
      <Title order={1} size="h3">
        {t("sessions.title")}
      </Title>
      {notice && (
        <Alert
          color={notice === "gone" ? "gray" : "green"}
          icon={notice === "gone" ? <IconInfoCircle /> : <IconCheck />}
          role="status"
        >
          {t(notices[notice])}
        </Alert>
      )}
      <Text size="sm">{t("sessions.intro")}</Text>
      <Text size="sm" c="dimmed">
        {t("sessions.limits", { idle: limits.idleHours, days: limits.maxDays })}
      </Text>
      <SessionList sessions={sessions} />
      <EmailPanel {...email} lastResult={reply?.saved ? undefined : reply?.result} />
      <Anchor component={Link} to="/account/password" size="sm">
        {t("account.menu")} →
      </Anchor>
    </Stack>
  );
}
