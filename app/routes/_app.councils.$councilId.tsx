import { parseWithZod } from "@conform-to/zod/v4";
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors, useErrorText } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { MeetingFields } from "~/components/meetings/meeting-fields";
import { forbidden } from "~/domain/auth/permissions.server";
import { requirePrincipal } from "~/domain/auth/session.server";
import { invalid, type WriteReply } from "~/domain/editing/action.server";
import { attemptWrite } from "~/domain/editing/action.server";
import {
  councilMeetings,
  councilMembers,
  councilScope,
  createMeeting,
  requireReadableCouncil,
} from "~/domain/meetings/meetings.server";
import { canEditCouncil } from "~/domain/meetings/rules";
import { createMeetingSchema } from "~/domain/meetings/schemas";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatDate } from "~/i18n/format";
import { pickText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { idSchema } from "~/domain/ids";

const params = z.object({ councilId: idSchema });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title?.text ?? ""} · Oryndau` }];

export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const locale = await localeOf(request);
  const db = await database();
  const council = await requireReadableCouncil(db, principal, parsed.data.councilId);
  const [members, scope, meetings] = await Promise.all([
    councilMembers(db, council.id),
    councilScope(db, council.id),
    councilMeetings(db, council.id),
  ]);
  return {
    id: council.id,
    title: pickText(council.title, locale),
    organisation: pickText(council.organisation, locale),
    territory: pickText(council.territoryName, locale),
    canEdit: canEditCouncil(principal, council.id),
    today: todayIn(env().APP_TIME_ZONE),
    members: members.map((m) => ({ id: m.userId, name: m.name, position: m.position })),
    scope: scope.map((s) => ({
      key: `${s.roadMapId}:${s.sectionId ?? ""}`,
      roadMap: pickText(s.roadMapTitle, locale),
      section: s.sectionId ? `${s.number ?? ""} ${pickText(s.title, locale)?.text ?? ""}`.trim() : null,
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      number: m.number,
      date: m.meeting_date,
      status: m.status,
      asOf: m.as_of,
      place: pickText(m.place, locale),
    })),
  };
}

export async function action({ request, params: rawParams }: ActionFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const { councilId } = parsed.data;
  if (!canEditCouncil(principal, councilId)) throw forbidden();
  const submission = parseWithZod(await request.formData(), { schema: createMeetingSchema });
  if (submission.status !== "success") return invalid(submission);
  const db = await database();
  let meetingId = 0;
  const reply = await attemptWrite(submission, async () => {
    meetingId = await createMeeting(db, principal, councilId, submission.value);
  });
  return meetingId ? redirect(`/meetings/${meetingId}`) : reply;
}

export default function CouncilPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const error = (name: string) => errorText(reply?.result.error?.[name] ?? undefined);
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <div>
        <Text size="sm" c="dimmed">
          <Localized value={data.organisation} />
        </Text>
        <Title order={1}>
          <Localized value={data.title} />
        </Title>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t("meetings.members")}
          </Title>
          <List spacing={4}>
            {data.members.map((m) => (
              <List.Item key={m.id}>
                {m.name} — {t(`meetings.position.${m.position ?? "member"}`)}
              </List.Item>
            ))}
          </List>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t("meetings.scope")}
          </Title>
          <List spacing={4}>
            {data.scope.map((s) => (
              <List.Item key={s.key}>
                <Localized value={s.roadMap} />: {s.section ?? t("meetings.wholeRoadMap")}
              </List.Item>
            ))}
          </List>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t("meetings.meetings")}
        </Title>
        {data.meetings.length === 0 ? (
          <Text>{t("meetings.noMeetings")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("meetings.date")}</Table.Th>
                  <Table.Th>{t("meetings.number")}</Table.Th>
                  <Table.Th>{t("meetings.asOf")}</Table.Th>
                  <Table.Th>{t("dashboard.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.meetings.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/meetings/${m.id}`}>
                        {formatDate(locale, m.date)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{m.number ?? "—"}</Table.Td>
                    <Table.Td>{formatDate(locale, m.asOf)}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={m.status === "planned" ? "steppe" : "teal"}
                        style={{ textTransform: "none" }}
                      >
                        {t(`meetings.status.${m.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {data.canEdit && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t("meetings.newMeeting")}
          </Title>
          <Form method="post">
            <input type="hidden" name="intent" value="create-meeting" />
            <Stack gap="sm">
              <FormErrors errors={reply?.result.error?.[""] ?? undefined} />
              <MeetingFields values={{ meetingDate: data.today, asOf: data.today }} error={error} />
              <Checkbox name="includeCurrentQuarter" label={t("meetings.includeCurrentQuarter")} />
              <Group>
                <Button type="submit">{t("meetings.create")}</Button>
              </Group>
            </Stack>
          </Form>
        </Paper>
      )}
    </Stack>
  );
}
