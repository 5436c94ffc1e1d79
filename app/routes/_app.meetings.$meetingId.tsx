import { parseWithZod } from "@conform-to/zod/v4";
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Divider,
  Group,
  NativeSelect,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { IconFileTypePdf, IconLock, IconPlayerPlay, IconPrinter, IconSnowflake } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ConflictAlert } from "~/components/conflict-alert";
import { FormErrors, useErrorText } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { AgendaChart } from "~/components/meetings/agenda-chart";
import { DecisionList } from "~/components/meetings/decision-list";
import { FigureTable } from "~/components/meetings/figure-table";
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
  const errorText = useErrorText();
  const { meeting, editable, options } = data;
  const held = meeting.status !== "planned";
  const repliedIntent = reply?.result.initialValue?.intent;
  const error = (intent: string, name: string) =>
    repliedIntent === intent ? errorText(reply?.result.error?.[name] ?? undefined) : undefined;
  const formError = (intent: string) =>
    repliedIntent === intent ? <FormErrors errors={reply?.result.error?.[""] ?? undefined} /> : null;

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
        <Text c="dimmed">
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

      <Group gap="sm">
        <Button component={Link} to={`/meetings/${meeting.id}/present`} leftSection={<IconPlayerPlay size={16} />}>
          {t("meetings.present")}
        </Button>
        <Button
          component={Link}
          to={`/meetings/${meeting.id}/protocol`}
          variant="light"
          leftSection={<IconPrinter size={16} />}
        >
          {t("meetings.protocol")}
        </Button>
        <Button
          component="a"
          href={`/meetings/${meeting.id}/protocol.pdf`}
          variant="light"
          leftSection={<IconFileTypePdf size={16} />}
          download
        >
          {t("meetings.protocolPdf")}
        </Button>
      </Group>

      {editable.agenda && (
        <Paper withBorder p="md">
          <Form method="post">
            <input type="hidden" name="intent" value="hold" />
            <input type="hidden" name="version" value={meeting.version} />
            {formError("hold")}
            {data.today < meeting.date ? (
              <Text size="sm">{t("meetings.holdNotYet", { date: formatDate(locale, meeting.date) })}</Text>
            ) : (
              <Stack gap="xs">
                <Text size="sm">{t("meetings.holdHint", { asOf: formatDate(locale, meeting.asOf) })}</Text>
                <Group justify="space-between">
                  <Checkbox
                    name="confirmFreeze"
                    required
                    label={t("meetings.holdConfirm", { asOf: formatDate(locale, meeting.asOf) })}
                  />
                  <Button type="submit" color="teal" leftSection={<IconSnowflake size={16} />}>
                    {t("meetings.hold")}
                  </Button>
                </Group>
              </Stack>
            )}
          </Form>
        </Paper>
      )}
      {meeting.status === "held" && data.canEdit && (
        <Form method="post">
          <input type="hidden" name="intent" value="approve-minutes" />
          <input type="hidden" name="version" value={meeting.version} />
          {formError("approve-minutes")}
          <Button type="submit" variant="outline" leftSection={<IconLock size={16} />}>
            {t("meetings.approve")}
          </Button>
        </Form>
      )}

      {editable.agenda && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t("meetings.details")}
          </Title>
          <Form method="post">
            <input type="hidden" name="intent" value="update-details" />
            <input type="hidden" name="version" value={meeting.version} />
            <Stack gap="sm">
              {formError("update-details")}
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <TextInput
                  name="meetingDate"
                  type="date"
                  label={t("meetings.date")}
                  required
                  defaultValue={meeting.date}
                  error={error("update-details", "meetingDate")}
                />
                <TextInput
                  name="asOf"
                  type="date"
                  label={t("meetings.asOf")}
                  required
                  defaultValue={meeting.asOf}
                  error={error("update-details", "asOf")}
                />
                <TextInput
                  name="number"
                  label={t("meetings.number")}
                  defaultValue={meeting.number ?? ""}
                  maxLength={40}
                  error={error("update-details", "number")}
                />
                <TextInput
                  name="chairName"
                  label={t("meetings.chair")}
                  defaultValue={meeting.chairName ?? ""}
                  maxLength={200}
                  error={error("update-details", "chairName")}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  name="placeKk"
                  label={t("meetings.placeKk")}
                  defaultValue={meeting.placeRaw.kk ?? ""}
                  maxLength={300}
                />
                <TextInput
                  name="placeRu"
                  label={t("meetings.placeRu")}
                  defaultValue={meeting.placeRaw.ru ?? ""}
                  maxLength={300}
                />
              </SimpleGrid>
              <Group justify="space-between">
                <Checkbox
                  name="includeCurrentQuarter"
                  label={t("meetings.includeCurrentQuarter")}
                  defaultChecked={meeting.includeCurrentQuarter}
                />
                <Button type="submit" variant="light">
                  {t("meetings.saveDetails")}
                </Button>
              </Group>
            </Stack>
          </Form>
        </Paper>
      )}

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t("meetings.attendees")}
        </Title>
        <Stack gap={4}>
          {data.attendees.map((a) => (
            <Group key={a.id} gap="xs" justify="space-between" wrap="nowrap">
              <Text size="sm">
                <b>{a.name}</b>
                {a.position && (
                  <>
                    {", "}
                    <Localized value={a.position} />
                  </>
                )}{" "}
                <Text component="span" size="xs" c="dimmed">
                  ({t(`meetings.${a.kind}`)})
                </Text>
              </Text>
              {editable.minutes && (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-attendee" />
                  <input type="hidden" name="attendeeId" value={a.id} />
                  <Button
                    type="submit"
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={`${t("meetings.remove")}: ${a.name}`}
                  >
                    {t("meetings.remove")}
                  </Button>
                </Form>
              )}
            </Group>
          ))}
        </Stack>
        {editable.minutes && (
          <Form method="post" key={`attendees-${data.attendees.length}`}>
            <input type="hidden" name="intent" value="add-attendee" />
            <Divider my="sm" />
            {formError("add-attendee")}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                name="fullName"
                label={t("meetings.fullName")}
                required
                maxLength={200}
                error={error("add-attendee", "fullName")}
              />
              <TextInput name="positionKk" label={t("meetings.positionKk")} maxLength={300} />
              <TextInput name="positionRu" label={t("meetings.positionRu")} maxLength={300} />
            </SimpleGrid>
            <Button type="submit" variant="light" mt="xs">
              {t("meetings.addAttendee")}
            </Button>
          </Form>
        )}
      </Paper>

      <Title order={2}>{t("meetings.agenda")}</Title>
      {data.agenda.length === 0 && <Text>{t("meetings.noAgenda")}</Text>}
      {data.agenda.map((item) => (
        <Paper key={item.id} withBorder p="md" data-testid="agenda-item">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={3} size="h4">
                {item.position}. <Localized value={item.title} />
              </Title>
              {item.speakerName && (
                <Text size="sm" c="dimmed">
                  {t("meetings.speaker")}: {item.speakerName}
                  {item.speakerPosition && (
                    <>
                      , <Localized value={item.speakerPosition} />
                    </>
                  )}
                </Text>
              )}
            </div>
            {editable.agenda && (
              <Form method="post">
                <input type="hidden" name="intent" value="remove-agenda-item" />
                <input type="hidden" name="agendaItemId" value={item.id} />
                <Button type="submit" size="xs" variant="subtle" color="red">
                  {t("meetings.remove")}
                </Button>
              </Form>
            )}
          </Group>
          {/* At its drawn width: scaled up to a wide page its labels would outgrow the text around it. */}
          <Box maw={760}>
            <AgendaChart
              id={`agenda-${item.id}`}
              links={item.links}
              locale={locale}
              title={t("meetings.chartTitle", { title: item.title?.text ?? "" })}
            />
          </Box>
          <FigureTable links={item.links} held={held} asOf={meeting.asOf} />
          {held && editable.minutes && (
            <Form method="post">
              <input type="hidden" name="intent" value="save-protocol-item" />
              <input type="hidden" name="agendaItemId" value={item.id} />
              <input type="hidden" name="version" value={item.version} />
              <Divider my="sm" label={t("meetings.protocolEdit")} labelPosition="left" />
              <Text size="xs" c="dimmed" mb={4}>
                {t("meetings.generatedHint")}
              </Text>
              {(["heard", "spoke", "decided"] as const).map((part) => (
                <SimpleGrid key={part} cols={{ base: 1, sm: 2 }} mb="xs">
                  <Textarea
                    name={`${part}Kk`}
                    label={t(`meetings.${part}Kk`)}
                    defaultValue={item.raw[part].kk ?? ""}
                    placeholder={locale === "kk" ? item.protocol[part] : undefined}
                    autosize
                    minRows={2}
                    maxLength={8000}
                  />
                  <Textarea
                    name={`${part}Ru`}
                    label={t(`meetings.${part}Ru`)}
                    defaultValue={item.raw[part].ru ?? ""}
                    placeholder={locale === "ru" ? item.protocol[part] : undefined}
                    autosize
                    minRows={2}
                    maxLength={8000}
                  />
                </SimpleGrid>
              ))}
              <Button type="submit" variant="light" size="xs">
                {t("meetings.saveProtocol")}
              </Button>
            </Form>
          )}
        </Paper>
      ))}
      {editable.agenda && options && (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {t("meetings.addAgendaItem")}
          </Title>
          <Form method="post" key={`agenda-${data.agenda.length}`}>
            <input type="hidden" name="intent" value="add-agenda-item" />
            <Stack gap="sm">
              {formError("add-agenda-item")}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  name="titleKk"
                  label={t("meetings.titleKk")}
                  maxLength={500}
                  error={error("add-agenda-item", "titleKk")}
                />
                <TextInput name="titleRu" label={t("meetings.titleRu")} maxLength={500} />
                <TextInput name="speakerName" label={t("meetings.speaker")} maxLength={200} />
                <TextInput name="speakerPositionKk" label={t("meetings.speakerPositionKk")} maxLength={300} />
              </SimpleGrid>
              <div role="group" aria-labelledby="links-label">
                <Text id="links-label" size="sm" fw={500}>
                  {t("meetings.links")}
                </Text>
                <ScrollArea.Autosize mah={260} type="auto">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
                    {options.sections.map((o) => (
                      <Checkbox
                        key={o.value}
                        name="links"
                        value={o.value}
                        label={`${t("meetings.linkSection")} ${o.label}`}
                      />
                    ))}
                    {options.measures.map((o) => (
                      <Checkbox
                        key={o.value}
                        name="links"
                        value={o.value}
                        label={`${t("meetings.linkMeasure")} ${o.label}`}
                      />
                    ))}
                    {options.indicators.map((o) => (
                      <Checkbox
                        key={o.value}
                        name="links"
                        value={o.value}
                        label={`${t("meetings.linkIndicator")} ${o.label}`}
                      />
                    ))}
                  </SimpleGrid>
                </ScrollArea.Autosize>
                <FormErrors
                  errors={repliedIntent === "add-agenda-item" ? (reply?.result.error?.links ?? undefined) : undefined}
                />
              </div>
              <Group>
                <Button type="submit">{t("meetings.addAgendaItem")}</Button>
              </Group>
            </Stack>
          </Form>
        </Paper>
      )}

      <Title order={2}>{t("meetings.decisions")}</Title>
      {data.decisions.length === 0 && <Text>{t("meetings.noDecisions")}</Text>}
      <DecisionList decisions={data.decisions} canSetStatus={data.canEdit} />
      {editable.minutes && options && (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {t("meetings.addDecision")}
          </Title>
          <Form method="post" key={`decisions-${data.decisions.length}`}>
            <input type="hidden" name="intent" value="add-decision" />
            <Stack gap="sm">
              {formError("add-decision")}
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <NativeSelect
                  name="kind"
                  label={t("meetings.kindLabel")}
                  data={[
                    { value: "proposal", label: t("meetings.kind.proposal") },
                    { value: "instruction", label: t("meetings.kind.instruction") },
                  ]}
                />
                <NativeSelect
                  name="departmentId"
                  label={t("meetings.department")}
                  data={[{ value: "", label: t("meetings.noDepartment") }, ...options.departments]}
                  error={error("add-decision", "departmentId")}
                />
                <TextInput
                  name="deadline"
                  type="date"
                  label={t("meetings.deadline")}
                  error={error("add-decision", "deadline")}
                />
                <NativeSelect
                  name="agendaItemId"
                  label={t("meetings.agendaItem")}
                  data={[
                    { value: "", label: "—" },
                    ...data.agenda.map((item) => ({
                      value: String(item.id),
                      label: `${item.position}. ${item.title?.text ?? ""}`,
                    })),
                  ]}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Textarea
                  name="bodyKk"
                  label={t("meetings.bodyKk")}
                  autosize
                  minRows={2}
                  maxLength={4000}
                  error={error("add-decision", "bodyKk")}
                />
                <Textarea name="bodyRu" label={t("meetings.bodyRu")} autosize minRows={2} maxLength={4000} />
              </SimpleGrid>
              <NativeSelect
                name="measureIds"
                label={t("meetings.measures")}
                data={[
                  { value: "", label: "—" },
                  ...options.measures.map((m) => ({ value: String(m.id), label: m.label })),
                ]}
                error={error("add-decision", "measureIds")}
              />
              <Group>
                <Button type="submit">{t("meetings.addDecision")}</Button>
              </Group>
            </Stack>
          </Form>
        </Paper>
      )}

      <Title order={2}>{t("meetings.previousDecisions")}</Title>
      {data.previousDecisions.length === 0 && <Text>{t("meetings.noPreviousDecisions")}</Text>}
      <DecisionList decisions={data.previousDecisions} canSetStatus={data.canEdit} showMeeting />
    </Stack>
  );
}
