import {
  itemFigures,
  type EntryRow,
  type MeasureFacts,
  type MeasureStatus,
  type PlanRow,
  type Thresholds,
} from "~/domain/execution/execution";
import { quarterEnd, quarterOf, quarterStart } from "~/domain/periods/quarter";

// What a progress entry must answer before it is saved, by one definition for the measure page, /my
// and the quarter sheet: a fact that looks like a slip asks to be confirmed, and a measure left behind
// or overdue by the entry asks for a reason. Pure: the server supplies the measure's plans and entries
// (the new entry among them).

/** A quarter whose fact reaches this many times its plan asks for a confirmation. */
export const IMPLAUSIBLE_MULTIPLE = 3;

/** Why a fact asks to be confirmed: nothing was planned for its quarter, or it reaches 3× the plan. */
export type PlausibilityConcern = "noPlan" | "farPastPlan";

/** Whether a fact, once saved, would leave its quarter implausible; a zero fact never is. */
export function plausibilityConcern(input: {
  value: number;
  quarterPlan: number;
  quarterFact: number;
}): PlausibilityConcern | null {
  if (!(input.value > 0)) return null;
  if (!(input.quarterPlan > 0)) return "noPlan";
  return input.quarterFact >= IMPLAUSIBLE_MULTIPLE * input.quarterPlan ? "farPastPlan" : null;
}

/** Where the measure (or its share in the entry's territory) stands once the entry is saved. */
export interface EntryStanding {
  /** Status as of the entry's date, counting the plan of the quarter the entry reports on. */
  status: MeasureStatus;
  plan: number;
  fact: number;
  execution: number | null;
  quarterPlan: number;
  quarterFact: number;
  yearPlan: number;
}

/**
 * The measure's figures with the entry saved, by the execution definition itself (itemFigures): as of
 * the entry's date, the entry's quarter included — an entry reports on its quarter, so a measure short
 * of that quarter's plan is behind «in the current quarter too». A share of a split plan is judged on
 * its own territory's plan and facts.
 */
export function entryStanding(input: {
  measure: MeasureFacts;
  plans: PlanRow[];
  entries: EntryRow[];
  territoryId: number;
  entryDate: string;
  thresholds: Thresholds;
}): EntryStanding {
  const { measure, territoryId, entryDate } = input;
  const slice = territoryId === measure.territoryId ? null : new Set([territoryId]);
  const figures = (asOf: { date: string; from?: string }) => {
    const items = itemFigures({
      measures: [measure],
      plans: input.plans,
      entries: input.entries,
      asOf: { ...asOf, includeCurrentQuarter: true, facts: "all" },
      thresholds: input.thresholds,
      territoryIds: slice,
    });
    return items.find((item) => slice === null || item.territoryId === territoryId);
  };
  const quarter = quarterOf(entryDate);
  const toDate = figures({ date: entryDate });
  const inQuarter = figures({ date: quarterEnd(quarter), from: quarterStart(quarter) });
  return {
    status: toDate?.status ?? "on_track",
    plan: toDate?.plan ?? 0,
    fact: toDate?.fact ?? 0,
    execution: toDate?.execution ?? null,
    quarterPlan: inQuarter?.plan ?? 0,
    quarterFact: inQuarter?.fact ?? 0,
    yearPlan: toDate?.yearPlan ?? 0,
  };
}

/** A question the form puts to the user; `field` is the row's field prefix («» or «rows[2].»). */
export type EntryQuestion =
  | {
      kind: "confirm";
      field: string;
      concern: PlausibilityConcern;
      /** The user confirmed this very figure: asked again only so that the form keeps showing it. */
      answered: boolean;
      /** The fact as it will be stored. */
      value: number;
      quarterPlan: number;
      quarterFact: number;
      yearPlan: number;
    }
  | {
      kind: "reason";
      field: string;
      status: "behind" | "overdue";
      asOf: string;
      plan: number;
      fact: number;
      execution: number | null;
      deadline: string;
      amber: number;
    };

/**
 * What an entry is asked: a confirmation of an implausible fact (answered or not), a reason when it
 * leaves the measure behind or overdue and none is given.
 */
export function entryQuestions(
  standing: EntryStanding,
  entry: { value: number; confirmedValue?: number; hasReason: boolean; entryDate: string },
  measure: { deadline: string; amber: number },
  field: string,
): EntryQuestion[] {
  const questions: EntryQuestion[] = [];
  const concern = plausibilityConcern({
    value: entry.value,
    quarterPlan: standing.quarterPlan,
    quarterFact: standing.quarterFact,
  });
  if (concern) {
    questions.push({
      kind: "confirm",
      field,
      concern,
      answered: entry.confirmedValue === entry.value,
      value: entry.value,
      quarterPlan: standing.quarterPlan,
      quarterFact: standing.quarterFact,
      yearPlan: standing.yearPlan,
    });
  }
  if ((standing.status === "behind" || standing.status === "overdue") && !entry.hasReason) {
    questions.push({
      kind: "reason",
      field,
      status: standing.status,
      asOf: entry.entryDate,
      plan: standing.plan,
      fact: standing.fact,
      execution: standing.execution,
      deadline: measure.deadline,
      amber: measure.amber,
    });
  }
  return questions;
}

/** Whether a save must wait for the user: an unconfirmed figure or a missing reason. */
export const mustAnswer = (questions: EntryQuestion[]) =>
  questions.some((question) => question.kind === "reason" || !question.answered);
