import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IconSnowflake } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ConflictAlert } from "~/components/conflict-alert";
import { Localized } from "~/components/localized";
import { AgendaItemCard } from "~/components/meetings/agenda-item-card";
import { AgendaItemForm } from "~/components/meetings/agenda-item-form";
import { AttendeesPanel } from "~/components/meetings/attendees-panel";
import { DecisionForm } from "~/components/meetings/decision-form";
import { DecisionList } from "~/components/meetings/decision-list";
import { useIntentErrors } from "~/components/meetings/intent-errors";
import { MeetingActions } from "~/components/meetings/meeting-actions";
import { MeetingDetailsForm } from "~/components/meetings/meeting-details-form";
import { requirePrincipal } from "~/domain/auth/session.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { runMeetingIntent } from "~/domain/meetings/meeting-action.server";
import { meetingView } from "~/domain/meetings/meeting-view.server";
import { requireReadableMeeting } from "~/domain/meetings/meetings.server";
import { meetingIntentSchema } from "~/domain/meetings/schemas";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatDate } from "~/i18n/format";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { idSchema } from "~/domain/ids";

const params = z.object({ meetingId: idSchema });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting.title ?? ""} · Oryndau` }];

function meetingIdOf(rawParams: unknown): number {
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data.meetingId;
}

export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const meetingId = meetingIdOf(rawParams);
  const locale = await localeOf(request);
  const { APP_TIME_ZONE } = env();
  const today = todayIn(APP_TIME_ZONE);
  const view = await meetingView(await database(), principal, meetingId, locale, today, APP_TIME_ZONE);
  return { ...view, timeZone: APP_TIME_ZONE, today };
}

export async function action({ request, params: rawParams }: ActionFunctionArgs) {
  const principal = await requirePrincipal(request);
  const meetingId = meetingIdOf(rawParams);
  const db = await database();
  await requireReadableMeeting(db, principal, meetingId);
  const submission = parseWithZod(await request.formData(), { schema: meetingIntentSchema });
  if (submission.status !== "success") return invalid(submission);
  const today = todayIn(env().APP_TIME_ZONE);
  return attemptWrite(submission, () => runMeetingIntent(db, principal, meetingId, submission.value, today), {
    redirectTo: `/meetings/${meetingId}`,
    flash: { key: "meetingSaved" },
  });
}

export default function MeetingPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors = useIntentErrors(reply);
  const { meeting, editable, options } = data;
  const held = meeting.status !== "planned";

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      {reply?.conflict && <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />}
      <div>
        <Anchor component={Link} to={`/councils/${data.council.id}`} size="sm">
          <Localized value={data.council.title} />
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1}>{meeting.title}</Title>
          <Badge size="lg" variant="light" color={held ? "teal" : "steppe"} style={{ textTransform: "none" }}>
            {t(`meetings.status.${meeting.status}`)}
          </Badge>
        </Group>
        <Text c="dimmed" data-testid="meeting-place">
          {meeting.place && (
            <>
              <Localized value={meeting.place} />
              {" · "}
            </>
          )}
          {meeting.chairName && `${t("meetings.chair")}: ${meeting.chairName}`}
        </Text>
      </div>

      <Alert
        color={held ? "teal" : "steppe"}
        icon={held ? <IconSnowflake size={18} /> : undefined}
        data-testid="figures-note"
      >
        {held
          ? t("meetings.frozenNote", { asOf: formatDate(locale, meeting.asOf), frozenAt: meeting.frozenAt ?? "" })
          : t("meetings.plannedNote", { asOf: formatDate(locale, meeting.asOf) })}
      </Alert>

      <MeetingActions meeting={meeting} editable={editable} canEdit={data.canEdit} today={data.today} errors={errors} />
      {editable.agenda && <MeetingDetailsForm meeting={meeting} errors={errors} />}
      <AttendeesPanel attendees={data.attendees} editable={editable.minutes} errors={errors} />

      <Title order={2}>{t("meetings.agenda")}</Title>
      {data.agenda.length === 0 && <Text>{t("meetings.noAgenda")}</Text>}
      {errors.formError("move-agenda-item")}
      {data.agenda.map((item, index) => (
        <AgendaItemCard
          key={item.id}
          item={item}
          first={index === 0}
          last={index === data.agenda.length - 1}
          held={held}
          asOf={meeting.asOf}
          editable={editable}
        />
      ))}
      {editable.agenda && options && <AgendaItemForm options={options} count={data.agenda.length} errors={errors} />}

      <Title order={2}>{t("meetings.decisions")}</Title>
      {data.decisions.length === 0 && <Text>{t("meetings.noDecisions")}</Text>}
      <DecisionList decisions={data.decisions} canSetStatus={data.canEdit} />
      {editable.minutes && options && (
        <DecisionForm options={options} agenda={data.agenda} count={data.decisions.length} errors={errors} />
      )}

      <Title order={2}>{t("meetings.previousDecisions")}</Title>
      {data.previousDecisions.length === 0 && <Text>{t("meetings.noPreviousDecisions")}</Text>}
      <DecisionList decisions={data.previousDecisions} canSetStatus={data.canEdit} showMeeting />
    </Stack>
  );
}
