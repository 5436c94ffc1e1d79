import type { Kysely } from "kysely";
import type { Database, LocalizedText } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { DEFAULT_THRESHOLDS, ragOf } from "~/domain/execution/execution";
import { mapOfChildren } from "~/domain/geo/boundaries.server";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { translator } from "~/i18n/i18n";
import { markedText } from "~/i18n/marked";
import { pickText, type Locale } from "~/i18n/locales";
import {
  agendaOf,
  attendeesOf,
  councilMembers,
  decisionsOf,
  departmentOptions,
  linkOptions,
  liveFigures,
  mayFollowUp,
  meetingSnapshot,
  previousDecisions,
  requireReadableCouncil,
  requireReadableMeeting,
  type DepartmentDecision,
} from "./meetings.server";
import { canEditCouncil, changedFigures, decisionState, meetingEditable, type LinkFigures } from "./rules";

// A meeting as its page, its slides, its printed minutes and its PDF show it: record text in the
// reader's language, the frozen figures (or, before the meeting is held, the live ones) with the
// live ones beside them, and the minutes' texts filled in from the meeting where nobody wrote them.

type Decision = Awaited<ReturnType<typeof decisionsOf>>[number];

function decisionView(principal: Principal, decision: Decision, locale: Locale, today: string, timeZone: string) {
  return {
    id: decision.id,
    version: decision.version,
    kind: decision.kind,
    body: pickText(decision.body, locale),
    department: pickText(decision.departmentName, locale),
    deadline: decision.deadline,
    status: decision.status,
    state: decisionState(decision.status, decision.deadline, today),
    agendaItemId: decision.agendaItemId,
    meetingId: decision.meetingId,
    meetingDate: decision.meetingDate,
    measureNumbers: decision.measureNumbers ?? [],
    followUps: decision.followUps.map((f) => ({
      id: f.id,
      note: pickText(f.note, locale),
      author: f.author,
      at: formatDateTime(locale, f.createdAt, timeZone),
    })),
    mayFollowUp: mayFollowUp(principal, {
      responsible_department_id: decision.departmentId,
      council_id: decision.councilId,
    }),
  };
}
export type DecisionView = ReturnType<typeof decisionView>;

function linkView(frozen: LinkFigures, live: LinkFigures | null, locale: Locale) {
  const thresholds = frozen.thresholds ?? DEFAULT_THRESHOLDS;
  return {
    key: `${frozen.kind}:${frozen.refId}`,
    kind: frozen.kind,
    refId: frozen.refId,
    number: frozen.number,
    title: pickText(frozen.title, locale),
    figures: frozen.figures,
    thresholds,
    status: frozen.status,
    series: frozen.series,
    // The frozen territory comparison, rated with the frozen thresholds: the map and its table share these.
    territories: (frozen.territories ?? []).map((row) => ({
      id: row.territoryId,
      name: pickText(row.name, locale),
      execution: row.figures.execution,
      rag: ragOf(row.figures.execution, thresholds),
    })),
    live: live?.figures ?? null,
    changed: live ? changedFigures(frozen.figures, live.figures) : [],
  };
}
export type LinkView = ReturnType<typeof linkView>;

export async function meetingView(
  db: Kysely<Database>,
  principal: Principal,
  meetingId: number,
  locale: Locale,
  today: string,
  timeZone: string,
) {
  const meeting = await requireReadableMeeting(db, principal, meetingId);
  const t = translator(locale);
  const [council, attendees, agenda, decisions, previous, snapshot, live, members] = await Promise.all([
    requireReadableCouncil(db, principal, meeting.council_id),
    attendeesOf(db, meeting.id),
    agendaOf(db, meeting.id),
    decisionsOf(db, meeting.id),
    previousDecisions(db, meeting),
    meetingSnapshot(db, meeting.id),
    liveFigures(db, meeting),
    councilMembers(db, meeting.council_id),
  ]);
  const held = meeting.status !== "planned";
  const canEdit = canEditCouncil(principal, meeting.council_id);
  const editable = canEdit ? meetingEditable(meeting.status) : { agenda: false, minutes: false };
  const [options, departments] = editable.minutes
    ? await Promise.all([linkOptions(db, meeting.council_id), departmentOptions(db, meeting.council_id)])
    : [null, []];
  const asOfText = formatDate(locale, meeting.as_of);
  const decisionViews = decisions.map((d) => decisionView(principal, d, locale, today, timeZone));

  const items = agenda.map((item) => {
    const liveLinks = live.get(item.id)?.links ?? [];
    const shownLinks = held ? (snapshot.get(item.id)?.links ?? []) : liveLinks;
    const links = shownLinks.map((link, index) => {
      const liveLink = liveLinks.find((l) => l.kind === link.kind && l.refId === link.refId) ?? liveLinks[index];
      return linkView(link, held ? (liveLink ?? null) : null, locale);
    });
    const title = pickText(item.title, locale);
    const speakerPosition = pickText(item.speaker_position, locale);
    const speaker = [item.speaker_name, markedText(t, speakerPosition)].filter(Boolean).join(", ");
    const figureLines = links
      .filter((link) => link.figures)
      .map((link) =>
        t("meetings.generated.figures", {
          name: [link.number, markedText(t, link.title)].filter(Boolean).join(" "),
          asOf: asOfText,
          execution: formatExecution(t, locale, link.figures!.execution),
          yearExecution: formatExecution(t, locale, link.figures!.yearExecution),
        }),
      );
    const itemDecisions = decisionViews.filter((d) => d.agendaItemId === item.id);
    const generated = {
      heard: [
        speaker ? t("meetings.generated.heard", { speaker, title: markedText(t, title) }) : markedText(t, title),
        ...figureLines,
      ].join("\n"),
      spoke: "",
      decided: itemDecisions
        .map((d, index) => `${index + 1}. ${t(`meetings.kind.${d.kind}`)}: ${markedText(t, d.body)}`)
        .join("\n"),
    };
    const written = (value: LocalizedText | null) => pickText(value, locale)?.text ?? null;
    return {
      id: item.id,
      version: item.version,
      position: item.position,
      title,
      speakerName: item.speaker_name,
      speakerPosition,
      links,
      protocol: {
        heard: written(item.heard) ?? generated.heard,
        spoke: written(item.spoke) ?? generated.spoke,
        decided: written(item.decided) ?? generated.decided,
      },
      raw: {
        heard: item.heard ?? {},
        spoke: item.spoke ?? {},
        decided: item.decided ?? {},
      },
    };
  });

  // One map serves every territory comparison of the meeting: they all compare the council's territories.
  const compared = items.some((item) => item.links.some((link) => link.territories.length > 0));
  const territoryMap = compared ? await mapOfChildren(db, council.territory_id, locale) : null;
  const secretary = members.find((m) => m.position === "secretary");
  return {
    meeting: {
      id: meeting.id,
      councilId: meeting.council_id,
      version: meeting.version,
      number: meeting.number,
      date: meeting.meeting_date,
      place: pickText(meeting.place, locale),
      placeRaw: meeting.place ?? {},
      chairName: meeting.chair_name,
      secretaryName: secretary?.name ?? null,
      status: meeting.status,
      asOf: meeting.as_of,
      includeCurrentQuarter: meeting.include_current_quarter,
      frozenAt: meeting.frozen_at ? formatDateTime(locale, meeting.frozen_at, timeZone) : null,
      title: meeting.number
        ? t("meetings.meetingNumbered", { number: meeting.number, date: formatDate(locale, meeting.meeting_date) })
        : t("meetings.meetingTitle", { date: formatDate(locale, meeting.meeting_date) }),
    },
    council: {
      id: council.id,
      title: pickText(council.title, locale),
      organisation: pickText(council.organisation, locale),
    },
    canEdit,
    editable,
    attendees: attendees.map((a) => ({
      id: a.id,
      name: a.full_name,
      position: pickText(a.position, locale),
      kind: a.kind,
    })),
    agenda: items,
    territoryMap,
    decisions: decisionViews,
    previousDecisions: previous.map((d) => decisionView(principal, d, locale, today, timeZone)),
    options: options && {
      sections: options.sections.map((s) => ({
        value: `section:${s.id}`,
        label: `${s.number ?? ""} ${pickText(s.title, locale)?.text ?? ""}`.trim(),
      })),
      measures: options.measures.map((m) => ({
        id: m.id,
        value: `measure:${m.id}`,
        label: `${m.number} ${pickText(m.title, locale)?.text ?? ""}`,
      })),
      indicators: options.indicators.map((k) => ({
        value: `indicator:${k.id}`,
        label: `${k.code ?? ""} ${pickText(k.title, locale)?.text ?? ""}`.trim(),
      })),
      departments: departments.map((d) => ({ value: String(d.id), label: pickText(d.name, locale)?.text ?? "" })),
    },
  };
}
export type MeetingView = Awaited<ReturnType<typeof meetingView>>;

/** Plain numbers for the slides and the PDF, formatted once on the server. */
export function figureTexts(locale: Locale, link: LinkView, year: number) {
  const f = link.figures;
  if (!f) return null;
  const t = translator(locale);
  return {
    execution: formatExecution(t, locale, f.execution),
    noPlan: f.execution === null,
    yearExecution: formatExecution(t, locale, f.yearExecution),
    yearLine: t("meetings.yearPlanDone", {
      year,
      plan: formatNumber(locale, f.yearPlan),
      fact: formatNumber(locale, f.yearFact),
    }),
    plan: formatNumber(locale, f.plan),
    fact: formatNumber(locale, f.fact),
    peopleReached: formatNumber(locale, f.peopleReached, 0),
  };
}

/** The open decisions a department's officers must act on (`departmentDecisionsQuery`), the overdue ones first. */
export function departmentDecisionViews(
  principal: Principal,
  rows: DepartmentDecision[],
  locale: Locale,
  today: string,
  timeZone: string,
) {
  const decisions = rows.map((d) => decisionView(principal, d, locale, today, timeZone));
  const rank = (d: DecisionView) => (d.state === "overdue" ? 0 : 1);
  return decisions.sort((a, b) => rank(a) - rank(b) || (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999"));
}
