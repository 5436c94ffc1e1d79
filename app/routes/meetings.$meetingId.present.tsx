import { ActionIcon, Box, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IconArrowLeft, IconChevronLeft, IconChevronRight, IconMaximize } from "@tabler/icons-react";
import { useCallback, useEffect, useState, type CSSProperties, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { LanguageSwitcher } from "~/components/language-switcher";
import { Localized } from "~/components/localized";
import { AgendaChart } from "~/components/meetings/agenda-chart";
import { DecisionStateBadge } from "~/components/meetings/decision-state";
import { requirePrincipal } from "~/domain/auth/session.server";
import { figureTexts, meetingView } from "~/domain/meetings/meeting-view.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatDate } from "~/i18n/format";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { idSchema } from "~/domain/ids";

const params = z.object({ meetingId: idSchema });
const DECISIONS_PER_SLIDE = 4;
const FIGURES_PER_SLIDE = 3;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting.title ?? ""} · Oryndau` }];

/** The meeting as full-screen slides for a projector: the same (frozen) figures as its page, in large type. */
export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const locale = await localeOf(request);
  const { APP_TIME_ZONE } = env();
  const view = await meetingView(
    await database(),
    principal,
    parsed.data.meetingId,
    locale,
    todayIn(APP_TIME_ZONE),
    APP_TIME_ZONE,
  );
  const year = Number(view.meeting.asOf.slice(0, 4));
  return {
    meeting: view.meeting,
    council: view.council,
    agenda: view.agenda.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      speakerName: item.speakerName,
      speakerPosition: item.speakerPosition,
      links: item.links,
      texts: item.links.map((link) => ({ key: link.key, texts: figureTexts(locale, link, year) })),
    })),
    previousDecisions: view.previousDecisions,
    decisions: view.decisions,
    year,
  };
}

const slideStyle: CSSProperties = {
  width: "100vw",
  height: "100vh",
  padding: "4vh 5vw 9vh",
  display: "flex",
  flexDirection: "column",
  gap: "3vh",
  background: "#fff",
  overflow: "hidden",
};

function Slide({ children, label }: { children: ReactNode; label: string }) {
  return (
    <section style={slideStyle} aria-roledescription="slide" aria-label={label}>
      {children}
    </section>
  );
}

function chunk<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export default function PresentPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { meeting } = data;
  const asOfLine = meeting.frozenAt
    ? t("meetings.frozenNote", { asOf: formatDate(locale, meeting.asOf), frozenAt: meeting.frozenAt })
    : t("meetings.plannedNote", { asOf: formatDate(locale, meeting.asOf) });
  const heading = { fontSize: "4.2vh", lineHeight: 1.2 } as const;

  const slides: Array<{ key: string; label: string; body: ReactNode }> = [
    {
      key: "title",
      label: meeting.title,
      body: (
        <Stack justify="center" h="100%" gap="3vh">
          <Text style={{ fontSize: "3vh" }} c="dimmed">
            <Localized value={data.council.organisation} />
          </Text>
          <Title order={1} style={{ fontSize: "7vh", lineHeight: 1.1 }}>
            <Localized value={data.council.title} />
          </Title>
          <Text style={{ fontSize: "4.5vh" }} fw={600}>
            {meeting.title}
          </Text>
          {meeting.place && (
            <Text style={{ fontSize: "3.2vh" }}>
              <Localized value={meeting.place} />
            </Text>
          )}
          <Text style={{ fontSize: "3vh" }} c="teal.9" fw={600}>
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
          <Title order={2} style={{ fontSize: "6vh" }}>
            {t("meetings.slides.agenda")}
          </Title>
          <Stack gap="3vh">
            {data.agenda.map((item) => (
              <div key={item.id}>
                <Text style={{ fontSize: "4vh", lineHeight: 1.25 }} fw={600}>
                  {item.position}. <Localized value={item.title} />
                </Text>
                {item.speakerName && (
                  <Text style={{ fontSize: "3vh" }} c="dimmed">
                    {item.speakerName}
                    {item.speakerPosition && (
                      <>
                        , <Localized value={item.speakerPosition} />
                      </>
                    )}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        </>
      ),
    },
    ...data.agenda.map((item) => ({
      key: `item-${item.id}`,
      label: `${item.position}. ${item.title?.text ?? ""}`,
      body: (
        <>
          <div>
            <Title order={2} style={heading}>
              {item.position}. <Localized value={item.title} />
            </Title>
            {item.speakerName && (
              <Text style={{ fontSize: "2.8vh" }} c="dimmed">
                {item.speakerName}
                {item.speakerPosition && (
                  <>
                    , <Localized value={item.speakerPosition} />
                  </>
                )}
              </Text>
            )}
          </div>
          <SimpleGrid cols={Math.min(Math.max(item.links.length, 1), FIGURES_PER_SLIDE)} spacing="3vw">
            {item.links.slice(0, FIGURES_PER_SLIDE).map((link) => {
              const texts = item.texts.find((entry) => entry.key === link.key)?.texts ?? null;
              return (
                <div key={link.key}>
                  <Text style={{ fontSize: "2.5vh", lineHeight: 1.2 }} fw={600} lineClamp={2}>
                    {link.number && `${link.number}. `}
                    {link.title?.text}
                  </Text>
                  {texts ? (
                    <>
                      <Text style={{ fontSize: "2.1vh", lineHeight: 1.2 }} c="dimmed" mt="1vh">
                        {t("figures.dueToDate")}
                      </Text>
                      <Text
                        style={{ fontSize: texts.noPlan ? "3.5vh" : "8vh", lineHeight: 1.05 }}
                        fw={800}
                        c="blue.9"
                        className="tabular"
                        data-testid="slide-execution"
                      >
                        {texts.execution}
                      </Text>
                      <Text style={{ fontSize: "2.3vh", lineHeight: 1.3 }}>
                        {t("figures.yearPlan", { year: data.year })}: <b>{texts.yearExecution}</b>
                        <br />
                        {texts.yearLine}
                      </Text>
                    </>
                  ) : (
                    <Text style={{ fontSize: "2.3vh" }} c="dimmed">
                      {t("meetings.noFigures")}
                    </Text>
                  )}
                </div>
              );
            })}
          </SimpleGrid>
          <Box style={{ flex: 1, minHeight: 0, width: "62vw", alignSelf: "center" }}>
            <AgendaChart
              id={`slide-${item.id}`}
              links={item.links}
              locale={locale}
              title={t("meetings.chartTitle", { title: item.title?.text ?? "" })}
              large
            />
          </Box>
          <Text style={{ fontSize: "2.2vh" }} c="dimmed">
            {asOfLine}
            <br />
            <span style={{ fontSize: "1.8vh" }} data-testid="slide-hint">
              {t("figures.dueToDate")}: {t("figures.dueToDateHint", { date: formatDate(locale, data.meeting.asOf) })}
            </span>
          </Text>
        </>
      ),
    })),
    ...chunk(data.previousDecisions, DECISIONS_PER_SLIDE).map((decisions, index) => ({
      key: `previous-${index}`,
      label: t("meetings.previousDecisions"),
      body: (
        <>
          <Title order={2} style={heading}>
            {t("meetings.previousDecisions")}
          </Title>
          <Stack gap="2.5vh">
            {decisions.map((d) => (
              <Group key={d.id} justify="space-between" wrap="nowrap" align="flex-start" gap="2vw">
                <div>
                  <Text style={{ fontSize: "2.9vh", lineHeight: 1.3 }}>
                    <Localized value={d.body} />
                  </Text>
                  <Text style={{ fontSize: "2.2vh" }} c="dimmed">
                    {d.department?.text ?? "—"}
                    {d.deadline && ` · ${t("meetings.deadline")}: ${formatDate(locale, d.deadline)}`}
                  </Text>
                </div>
                <DecisionStateBadge state={d.state} size="xl" />
              </Group>
            ))}
          </Stack>
        </>
      ),
    })),
    ...chunk(data.decisions, DECISIONS_PER_SLIDE).map((decisions, index) => ({
      key: `decisions-${index}`,
      label: t("meetings.decisions"),
      body: (
        <>
          <Title order={2} style={heading}>
            {t("meetings.decisions")}
          </Title>
          <Stack gap="2.5vh">
            {decisions.map((d) => (
              <div key={d.id}>
                <Text style={{ fontSize: "2.2vh" }} fw={700} tt="uppercase" c="dimmed">
                  {t(`meetings.kind.${d.kind}`)}
                </Text>
                <Text style={{ fontSize: "2.9vh", lineHeight: 1.3 }}>
                  <Localized value={d.body} />
                </Text>
                <Text style={{ fontSize: "2.2vh" }} c="dimmed">
                  {d.department?.text ?? "—"}
                  {d.deadline && ` · ${t("meetings.deadline")}: ${formatDate(locale, d.deadline)}`}
                </Text>
              </div>
            ))}
          </Stack>
        </>
      ),
    })),
    {
      key: "end",
      label: t("meetings.slides.end"),
      body: (
        <Stack justify="center" align="center" h="100%">
          <Title order={2} style={{ fontSize: "7vh" }}>
            {t("meetings.slides.end")}
          </Title>
        </Stack>
      ),
    },
  ];

  const [index, setIndex] = useState(0);
  const last = slides.length - 1;
  const go = useCallback((next: number) => setIndex(Math.max(0, Math.min(last, next))), [last]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && target.closest("input, textarea, select")) return;
      const moves: Record<string, () => void> = {
        ArrowRight: () => go(index + 1),
        ArrowDown: () => go(index + 1),
        PageDown: () => go(index + 1),
        " ": () => go(index + 1),
        ArrowLeft: () => go(index - 1),
        ArrowUp: () => go(index - 1),
        PageUp: () => go(index - 1),
        Home: () => go(0),
        End: () => go(last),
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        move();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, index, last]);

  const slide = slides[index]!;
  return (
    <main aria-label={t("meetings.slides.label")} style={{ position: "relative" }}>
      <div data-testid="slide" data-slide={index + 1}>
        <Slide label={slide.label}>{slide.body}</Slide>
      </div>
      <Group
        justify="space-between"
        style={{
          position: "fixed",
          left: 0,
          right: 0,
          bottom: 0,
          padding: "1vh 2vw",
          background: "rgba(248,249,250,0.92)",
          borderTop: "1px solid #dee2e6",
        }}
      >
        <Group gap="xs">
          <ActionIcon
            component={Link}
            to={`/meetings/${meeting.id}`}
            variant="subtle"
            size="lg"
            aria-label={t("meetings.slides.exit")}
          >
            <IconArrowLeft size={20} />
          </ActionIcon>
          <LanguageSwitcher />
        </Group>
        <Group gap="xs">
          <ActionIcon
            variant="light"
            size="lg"
            onClick={() => go(index - 1)}
            disabled={index === 0}
            aria-label={t("meetings.slides.previous")}
          >
            <IconChevronLeft size={20} />
          </ActionIcon>
          <Text fw={700} className="tabular" aria-live="polite" data-testid="slide-counter">
            {t("meetings.slides.of", { current: index + 1, total: slides.length })}
          </Text>
          <ActionIcon
            variant="light"
            size="lg"
            onClick={() => go(index + 1)}
            disabled={index === last}
            aria-label={t("meetings.slides.next")}
          >
            <IconChevronRight size={20} />
          </ActionIcon>
        </Group>
        <Group gap="xs">
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {t("meetings.slides.keys")}
          </Text>
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={() => void document.documentElement.requestFullscreen?.()}
            aria-label={t("meetings.slides.fullscreen")}
          >
            <IconMaximize size={20} />
          </ActionIcon>
        </Group>
      </Group>
    </main>
  );
}
