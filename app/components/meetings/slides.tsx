import { SimpleGrid, Stack, Text, Title, Box, Group } from "@mantine/core";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { Localized } from "~/components/localized";
import { AgendaChart } from "~/components/meetings/agenda-chart";
import { DecisionStateBadge } from "~/components/meetings/decision-state";
import { MeetingMap } from "~/components/map/compared-maps";
import type { figureTexts, MeetingView } from "~/domain/meetings/meeting-view.server";
import { formatDate } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";

const DECISIONS_PER_SLIDE = 4;
const FIGURES_PER_SLIDE = 3;

/** What the presentation shows of a meeting (the loader's reply). */
export interface PresentedMeeting {
  meeting: MeetingView["meeting"];
  council: MeetingView["council"];
  agenda: Array<
    Pick<MeetingView["agenda"][number], "id" | "position" | "title" | "speakerName" | "speakerPosition" | "links"> & {
      texts: Array<{ key: string; texts: ReturnType<typeof figureTexts> }>;
    }
  >;
  previousDecisions: MeetingView["previousDecisions"];
  decisions: MeetingView["decisions"];
  /** The council's territories, drawn for every territory comparison; null when the agenda has none. */
  territoryMap: MeetingView["territoryMap"];
  year: number;
}

export interface Slide {
  key: string;
  label: string;
  body: ReactNode;
}

/** A type size for the projector (a share of the height) that a narrow screen (a phone) scales down to its width. */
const size = (vh: number) => `min(${vh}vh, ${Math.round(vh * 160) / 100}vw)`;

const heading = { fontSize: size(4.2), lineHeight: 1.2 } as const;

function chunk<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

type SlideDecision = Pick<MeetingView["decisions"][number], "body" | "department" | "deadline">;

/** A decision on a slide: its kind (when given) over its text, then the department and the deadline. */
function DecisionText({
  decision,
  t,
  locale,
  kind,
}: {
  decision: SlideDecision;
  t: TFunction;
  locale: Locale;
  kind?: string;
}) {
  return (
    <div>
      {kind && (
        <Text style={{ fontSize: size(2.2) }} fw={700} tt="uppercase" c="dimmed">
          {kind}
        </Text>
      )}
      <Text style={{ fontSize: size(2.9), lineHeight: 1.3 }}>
        <Localized value={decision.body} />
      </Text>
      <Text style={{ fontSize: size(2.2) }} c="dimmed">
        {decision.department?.text ?? "—"}
        {decision.deadline && ` · ${t("meetings.deadline")}: ${formatDate(locale, decision.deadline)}`}
      </Text>
    </div>
  );
}

/** Who reports on an agenda item: the name, then the position in the reader's language. */
function Speaker({
  item,
  fontSize,
}: {
  item: Pick<PresentedMeeting["agenda"][number], "speakerName" | "speakerPosition">;
  fontSize: string;
}) {
  if (!item.speakerName) return null;
  return (
    <Text style={{ fontSize }} c="dimmed">
      {item.speakerName}
      {item.speakerPosition && (
        <>
          , <Localized value={item.speakerPosition} />
        </>
      )}
    </Text>
  );
}

/** Slides of decisions under one heading, a few to a slide so that the projector's type stays large. */
function decisionSlides<D>(key: string, label: string, decisions: D[], row: (decision: D) => ReactNode): Slide[] {
  return chunk(decisions, DECISIONS_PER_SLIDE).map((page, index) => ({
    key: `${key}-${index}`,
    label,
    body: (
      <>
        <Title order={2} style={heading}>
          {label}
        </Title>
        <Stack gap="2.5vh">{page.map(row)}</Stack>
      </>
    ),
  }));
}

/** The meeting's slides in order: title, agenda, one per agenda item, decisions followed up, decisions, end. */
export function meetingSlides(data: PresentedMeeting, t: TFunction, locale: Locale): Slide[] {
  const { meeting } = data;
  const asOfLine = meeting.frozenAt
    ? t("meetings.frozenNote", { asOf: formatDate(locale, meeting.asOf), frozenAt: meeting.frozenAt })
    : t("meetings.plannedNote", { asOf: formatDate(locale, meeting.asOf) });

  return [
    {
      key: "title",
      label: meeting.title,
      body: (
        <Stack justify="center" h="100%" gap="3vh">
          <Text style={{ fontSize: size(3) }} c="dimmed">
            <Localized value={data.council.organisation} />
          </Text>
          <Title order={1} style={{ fontSize: size(7), lineHeight: 1.1 }}>
            <Localized value={data.council.title} />
          </Title>
          <Text style={{ fontSize: size(4.5) }} fw={600}>
            {meeting.title}
          </Text>
          {meeting.place && (
            <Text style={{ fontSize: size(3.2) }}>
              <Localized value={meeting.place} />
            </Text>
          )}
          <Text style={{ fontSize: size(3) }} c="teal.9" fw={600}>
            {asOfLine}
          </Text>
        </Stack>
      ),
    },
    {
      key: "agenda",
      label: t("meetings.slides.agenda"),
      body: (
        <>
          <Title order={2} style={{ fontSize: size(6) }}>
            {t("meetings.slides.agenda")}
          </Title>
          <Stack gap="3vh">
            {data.agenda.map((item) => (
              <div key={item.id}>
                <Text style={{ fontSize: size(4), lineHeight: 1.25 }} fw={600}>
                  {item.position}. <Localized value={item.title} />
                </Text>
                <Speaker item={item} fontSize={size(3)} />
              </div>
            ))}
          </Stack>
        </>
      ),
    },
    ...data.agenda.flatMap((item) => [
      {
        key: `item-${item.id}`,
        label: `${item.position}. ${item.title?.text ?? ""}`,
        body: (
          <>
            <div>
              <Title order={2} style={heading}>
                {item.position}. <Localized value={item.title} />
              </Title>
              <Speaker item={item} fontSize={size(2.8)} />
            </div>
            <SimpleGrid
              cols={{ base: 1, sm: Math.min(Math.max(item.links.length, 1), FIGURES_PER_SLIDE) }}
              spacing="3vw"
              verticalSpacing="2vh"
            >
              {item.links.slice(0, FIGURES_PER_SLIDE).map((link) => {
                const texts = item.texts.find((entry) => entry.key === link.key)?.texts ?? null;
                return (
                  <div key={link.key}>
                    <Text style={{ fontSize: size(2.5), lineHeight: 1.2 }} fw={600} lineClamp={2}>
                      {link.number && `${link.number}. `}
                      {link.title?.text}
                    </Text>
                    {texts ? (
                      <>
                        <Text style={{ fontSize: size(2.1), lineHeight: 1.2 }} c="dimmed" mt="1vh">
                          {t("figures.dueToDate")}
                        </Text>
                        <Text
                          style={{ fontSize: texts.noPlan ? size(3.5) : size(8), lineHeight: 1.05 }}
                          fw={800}
                          c="blue.9"
                          className="tabular"
                          data-testid="slide-execution"
                        >
                          {texts.execution}
                        </Text>
                        <Text style={{ fontSize: size(2.3), lineHeight: 1.3 }}>
                          {t("figures.yearPlan", { year: data.year })}: <b>{texts.yearExecution}</b>
                          <br />
                          {texts.yearLine}
                        </Text>
                      </>
                    ) : (
                      <Text style={{ fontSize: size(2.3) }} c="dimmed">
                        {t("meetings.noFigures")}
                      </Text>
                    )}
                  </div>
                );
              })}
            </SimpleGrid>
            <Box className="slide-chart">
              <AgendaChart
                id={`slide-${item.id}`}
                links={item.links}
                locale={locale}
                title={t("meetings.chartTitle", { title: item.title?.text ?? "" })}
                large
              />
            </Box>
            <Text style={{ fontSize: size(2.2) }} c="dimmed">
              {asOfLine}
              <br />
              <span style={{ fontSize: size(1.8) }} data-testid="slide-hint">
                {t("figures.dueToDate")}: {t("figures.dueToDateHint", { date: formatDate(locale, data.meeting.asOf) })}
              </span>
            </Text>
          </>
        ),
      },
      // A territory comparison follows its item on a slide of its own: the map needs the room.
      ...item.links
        .filter((link) => data.territoryMap && link.territories.length > 0)
        .map((link) => ({
          key: `map-${item.id}-${link.key}`,
          label: `${item.position}. ${t("geoMap.executionTitle")}`,
          body: (
            <>
              <Title order={2} style={heading}>
                {item.position}. <Localized value={item.title} />
              </Title>
              <Box className="slide-map">
                <MeetingMap
                  id={`slide-map-${item.id}-${link.refId}`}
                  title={`${t("geoMap.executionTitle")} — ${link.number ? `${link.number}. ` : ""}${link.title?.text ?? ""}`}
                  map={data.territoryMap!}
                  rows={link.territories}
                  thresholds={link.thresholds}
                />
              </Box>
              <Text style={{ fontSize: size(2.2) }} c="dimmed">
                {asOfLine}
              </Text>
            </>
          ),
        })),
    ]),
    ...decisionSlides("previous", t("meetings.previousDecisions"), data.previousDecisions, (d) => (
      <Group key={d.id} justify="space-between" wrap="nowrap" align="flex-start" gap="2vw">
        <DecisionText decision={d} t={t} locale={locale} />
        <DecisionStateBadge state={d.state} size="xl" />
      </Group>
    )),
    ...decisionSlides("decisions", t("meetings.decisions"), data.decisions, (d) => (
      <DecisionText key={d.id} decision={d} t={t} locale={locale} kind={t(`meetings.kind.${d.kind}`)} />
    )),
    {
      key: "end",
      label: t("meetings.slides.end"),
      body: (
        <Stack justify="center" align="center" h="100%">
          <Title order={2} style={{ fontSize: size(7) }}>
            {t("meetings.slides.end")}
          </Title>
        </Stack>
      ),
    },
  ];
}
