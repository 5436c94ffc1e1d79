import { Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IconArrowLeft, IconFileTypePdf, IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Localized } from "~/components/localized";
import { AgendaChart } from "~/components/meetings/agenda-chart";
import { requirePrincipal } from "~/domain/auth/session.server";
import { meetingView } from "~/domain/meetings/meeting-view.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { idSchema } from "~/domain/ids";

const params = z.object({ meetingId: idSchema });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting.title ?? ""} · Oryndau` }];

/** The minutes on A4 paper, in the official order, with the frozen figures as an annex. */
export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const locale = await localeOf(request);
  const { APP_TIME_ZONE } = env();
  return meetingView(await database(), principal, parsed.data.meetingId, locale, todayIn(APP_TIME_ZONE), APP_TIME_ZONE);
}

export default function ProtocolPage() {
  const view = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { meeting } = view;
  const general = view.decisions.filter((d) => d.agendaItemId === null);
  return (
    <div className="print-page">
      <Group justify="space-between" className="no-print" mb="md">
        <Button
          component={Link}
          to={`/meetings/${meeting.id}`}
          variant="subtle"
          leftSection={<IconArrowLeft size={16} />}
        >
          {meeting.title}
        </Button>
        <Group gap="xs">
          <Button
            component="a"
            href={`/meetings/${meeting.id}/protocol.pdf`}
            variant="light"
            leftSection={<IconFileTypePdf size={16} />}
          >
            PDF
          </Button>
          <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
            {t("dashboard.print")}
          </Button>
        </Group>
      </Group>
      <Stack gap="sm">
        <div style={{ textAlign: "center" }}>
          <Text fw={700}>
            <Localized value={view.council.organisation} />
          </Text>
          <Text>
            <Localized value={view.council.title} />
          </Text>
          <Title order={1} size="h2" mt="md">
            {t("meetings.pdf.title")}
            {meeting.number && ` № ${meeting.number}`}
          </Title>
          {meeting.status !== "minutes_approved" && (
            <Text size="xs" c="dimmed">
              {t("meetings.pdf.draft")}
            </Text>
          )}
        </div>
        <Group justify="space-between">
          <Text>{formatDate(locale, meeting.date)}</Text>
          <Text data-testid="protocol-place">
            <Localized value={meeting.place} />
          </Text>
        </Group>
        <Text>
          <b>{t("meetings.pdf.chaired")}:</b> {meeting.chairName ?? "—"}
        </Text>
        <div>
          <Text fw={700}>{t("meetings.pdf.present")}:</Text>
          {view.attendees.map((a) => (
            <Text key={a.id}>
              — {a.name}
              {a.position && (
                <>
                  , <Localized value={a.position} />
                </>
              )}
            </Text>
          ))}
        </div>
        <div>
          <Text fw={700} ta="center">
            {t("meetings.pdf.agendaHeading")}:
          </Text>
          {view.agenda.map((item) => (
            <Text key={item.id}>
              {item.position}. <Localized value={item.title} />
              {item.speakerName && (
                <span data-testid="protocol-speaker">
                  {" ("}
                  {item.speakerName}
                  {item.speakerPosition && (
                    <>
                      , <Localized value={item.speakerPosition} />
                    </>
                  )}
                  {")"}
                </span>
              )}
            </Text>
          ))}
        </div>
        {view.agenda.map((item) => (
          <section key={item.id}>
            <Text fw={700}>
              {item.position}. <Localized value={item.title} />
            </Text>
            {(["heard", "spoke", "decided"] as const).map((part) =>
              item.protocol[part].trim() ? (
                <div key={part}>
                  <Text fw={700} size="sm">
                    {t(`meetings.${part}`)}:
                  </Text>
                  <Text style={{ whiteSpace: "pre-line" }}>{item.protocol[part]}</Text>
                </div>
              ) : null,
            )}
          </section>
        ))}
        {general.length > 0 && (
          <section>
            <Text fw={700}>{t("meetings.decided")}:</Text>
            {general.map((d, index) => (
              <Text key={d.id}>
                {index + 1}. {t(`meetings.kind.${d.kind}`)}: <Localized value={d.body} />
              </Text>
            ))}
          </section>
        )}
        <Stack gap="xs" mt="lg">
          <Text>
            {t("meetings.pdf.signatureChair")} ____________________ {meeting.chairName}
          </Text>
          <Text>
            {t("meetings.pdf.signatureSecretary")} ____________________{" "}
            <span data-testid="protocol-secretary">{meeting.secretaryName}</span>
          </Text>
        </Stack>
        <section style={{ breakBefore: "page" }}>
          <Title order={2} size="h3" mt="xl">
            {t("meetings.pdf.annex")}
          </Title>
          <Text size="sm" mb="sm">
            {meeting.frozenAt
              ? t("meetings.pdf.asOfLine", { asOf: formatDate(locale, meeting.asOf), frozenAt: meeting.frozenAt })
              : t("meetings.plannedNote", { asOf: formatDate(locale, meeting.asOf) })}
          </Text>
          {view.agenda.map((item) => (
            <div key={item.id}>
              <Text fw={700}>
                {item.position}. {item.title?.text}
              </Text>
              <Table verticalSpacing={2}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("meetings.links")}</Table.Th>
                    <Table.Th ta="right">{t("figures.dueToDate")}</Table.Th>
                    <Table.Th ta="right">{t("figures.yearPlan", { year: Number(meeting.asOf.slice(0, 4)) })}</Table.Th>
                    <Table.Th ta="right">{t("meetings.plan")}</Table.Th>
                    <Table.Th ta="right">{t("meetings.fact")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {item.links.map((link) => (
                    <Table.Tr key={link.key}>
                      <Table.Td>
                        {link.number && `${link.number}. `}
                        {link.title?.text}
                      </Table.Td>
                      <Table.Td ta="right">
                        {link.figures ? formatExecution(t, locale, link.figures.execution) : t("meetings.noFigures")}
                      </Table.Td>
                      <Table.Td ta="right">
                        {link.figures && formatExecution(t, locale, link.figures.yearExecution)}
                      </Table.Td>
                      <Table.Td ta="right">{link.figures && formatNumber(locale, link.figures.yearPlan)}</Table.Td>
                      <Table.Td ta="right">{link.figures && formatNumber(locale, link.figures.yearFact)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <AgendaChart
                id={`protocol-${item.id}`}
                links={item.links}
                locale={locale}
                title={t("meetings.chartTitle", { title: item.title?.text ?? "" })}
              />
            </div>
          ))}
        </section>
      </Stack>
    </div>
  );
}
