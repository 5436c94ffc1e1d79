import type { CouncilPosition, DecisionStatus, MeetingStatus } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import type { ExecutionFigures } from "~/domain/execution/execution.server";
import type { MeasureStatus, Thresholds } from "~/domain/execution/execution";
import type { LocalizedText } from "~/i18n/locales";

// The rules of councils and meetings that need no database: who may read and edit, what a
// decision's status is on a given day, and which frozen figures differ from the live ones.

/** Council members of one council edit its meetings; admins edit every council's. */
export function canEditCouncil(principal: Principal, councilId: number): boolean {
  return principal.assignments.some((a) => a.role === "admin" || (a.role === "council" && a.councilId === councilId));
}

/** Readers of a council's meetings: its members and admins, and viewers who read everything. */
export function canReadCouncil(principal: Principal, councilId: number): boolean {
  return (
    canEditCouncil(principal, councilId) ||
    principal.assignments.some((a) => a.role === "viewer" && a.territoryPath === null)
  );
}

/** Councils the user may open: null = every council. */
export function readableCouncilIds(principal: Principal): number[] | null {
  if (principal.assignments.some((a) => a.role === "admin" || (a.role === "viewer" && a.territoryPath === null))) {
    return null;
  }
  return principal.assignments.flatMap((a) => (a.role === "council" && a.councilId !== null ? [a.councilId] : []));
}

export function councilPositionOf(principal: Principal, councilId: number): CouncilPosition | null {
  return principal.assignments.find((a) => a.role === "council" && a.councilId === councilId)?.councilPosition ?? null;
}

/** What may still change in a meeting of each status. */
export function meetingEditable(status: MeetingStatus) {
  return {
    /** Date, place, as-of date, agenda and its links: only before the figures are frozen. */
    agenda: status === "planned",
    /** Attendees, the protocol's texts and the decisions: until the minutes are approved. */
    minutes: status !== "minutes_approved",
  };
}

export type DecisionState = "open" | "done" | "overdue" | "withdrawn";

/** A decision still open after its deadline is overdue; the stored status never says so itself. */
export function decisionState(status: DecisionStatus, deadline: string | null, today: string): DecisionState {
  if (status === "open" && deadline !== null && deadline < today) return "overdue";
  return status;
}

/** A section's execution in one territory directly below the council's, as frozen with the meeting. */
export interface TerritoryFigures {
  territoryId: number;
  /** The name the meeting saw. */
  name: LocalizedText;
  figures: ExecutionFigures;
}

/** One figure of an agenda item, frozen in the meeting's snapshot. */
export interface LinkFigures {
  kind: "section" | "measure" | "indicator";
  refId: number;
  roadMapId: number | null;
  number: string | null;
  title: LocalizedText;
  /** null for an indicator: its KPI figures are not part of road-map execution. */
  figures: ExecutionFigures | null;
  /** The programme's RAG thresholds when frozen, so that the colours stay what the meeting saw. */
  thresholds?: Thresholds;
  /** A measure's own status as of the date. */
  status: MeasureStatus | null;
  /** A section's series over the programme's quarters, as the dashboard's chart shows them (programmeSeries). */
  series: Array<{
    year: number;
    quarter: number;
    quarterExecution: number | null;
    cumulativeExecution: number | null;
    plannedProgress: number | null;
    actualProgress: number | null;
  }>;
  /**
   * A section's territory comparison: its execution in each territory below the council's (the
   * dashboard's territory table). Absent from measures and indicators, and from snapshots frozen
   * before the comparison existed: those meetings did not see it.
   */
  territories?: TerritoryFigures[];
}

export interface AgendaFigures {
  asOf: string;
  includeCurrentQuarter: boolean;
  links: LinkFigures[];
}

const COMPARED = ["execution", "yearExecution", "plan", "fact", "yearPlan", "yearFact", "peopleReached"] as const;
export type ComparedFigure = (typeof COMPARED)[number];

/** Which figures of a link the live data now gives differently from the frozen snapshot. */
export function changedFigures(frozen: ExecutionFigures | null, live: ExecutionFigures | null): ComparedFigure[] {
  if (!frozen || !live) return frozen === live ? [] : [...COMPARED];
  return COMPARED.filter((key) => {
    const a = frozen[key];
    const b = live[key];
    if (a === null || b === null) return a !== b;
    return Math.abs(a - b) > 1e-9;
  });
}
