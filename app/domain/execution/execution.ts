import type { ControlState, ReportStatus } from "~db/schema";
import { quarterEnd, quarterOf } from "~/domain/periods/quarter";

// The reference implementation of DESIGN.md's numbers. The dashboard computes the same figures in
// SQL for speed (execution.server.ts); tests show that both agree.

export type MeasureStatus = "done" | "on_track" | "behind" | "overdue" | "removed";
export type Rag = "green" | "amber" | "red";

export interface Thresholds {
  /** Percentages: green at or above `green`, amber at or above `amber`, red below. */
  green: number;
  amber: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { green: 100, amber: 80 };

export interface MeasureFacts {
  id: number;
  /** Where the measure is carried out; its shares (plans, entries) lie there or below. */
  territoryId: number;
  /** The current weight, deadline and removal; `history` says what was in force before. */
  weight: number;
  deadline: string;
  removedOn: string | null;
  history?: MeasureHistory;
}

/** A measure's dated changes, each with the day it took effect, in the order they were made. */
export interface MeasureHistory {
  deadlines: Array<{ changedOn: string; previousDeadline: string }>;
  weights: Array<{ changedOn: string; previousWeight: number }>;
  control: Array<{ changedOn: string; controlState: ControlState }>;
}

/** What was in force for a measure on a day. */
export interface TermsInForce {
  deadline: string;
  weight: number;
  removed: boolean;
}

/**
 * The deadline, weight and control state in force on `date`: what the first change after that day
 * replaced, or the current value when nothing changed later. Without control changes a measure is
 * removed from its removal day on.
 */
export function termsInForce(measure: MeasureFacts, date: string): TermsInForce {
  const next = <T extends { changedOn: string }>(changes: T[] | undefined) =>
    [...(changes ?? [])]
      .sort((a, b) => (a.changedOn < b.changedOn ? -1 : a.changedOn > b.changedOn ? 1 : 0))
      .find((change) => change.changedOn > date);
  const deadline = next(measure.history?.deadlines);
  const weight = next(measure.history?.weights);
  const control = next(measure.history?.control);
  return {
    deadline: deadline ? deadline.previousDeadline : measure.deadline,
    weight: weight ? weight.previousWeight : measure.weight,
    removed: control ? control.controlState === "on_control" : measure.removedOn !== null && measure.removedOn <= date,
  };
}

export interface PlanRow {
  measureId: number;
  territoryId: number;
  year: number;
  quarter: number;
  planned: number;
}

export interface EntryRow {
  measureId: number;
  territoryId: number;
  entryDate: string;
  value: number;
  peopleReached: number | null;
  /** The state of the quarterly report that holds the entry (its department's, for its quarter). */
  reportStatus: ReportStatus | null;
}

/**
 * Which facts count: only those of accepted quarterly reports (what councils see by default), also
 * those submitted but not yet accepted, or every entry (what a department sees of its own work).
 */
export type FactBasis = "accepted" | "submitted" | "all";

export function entryCounts(reportStatus: ReportStatus | null, basis: FactBasis): boolean {
  if (basis === "all") return true;
  if (basis === "submitted") return reportStatus === "accepted" || reportStatus === "submitted";
  return reportStatus === "accepted";
}

export interface AsOf {
  /** The «as of» date D. */
  date: string;
  /** Count the plan of the quarter that contains D even though it has not ended. */
  includeCurrentQuarter: boolean;
  facts: FactBasis;
  /** The window's first day (a quarter range's start); the window starts with the programme when absent. */
  from?: string;
}

/** One item of a percentage: a measure, or in a territory slice a measure's share in one territory. */
export interface ItemFigures {
  measureId: number;
  territoryId: number | null;
  /** The measure's deadline and weight in force on D. */
  deadline: string;
  weight: number;
  /** Plan of the as-of window: quarters ended by D (and the current one when chosen). */
  plan: number;
  /** Fact of every entry dated in the window (on or before D). */
  fact: number;
  /** Fact of every entry dated on or before D, whatever the window: what decides that a measure is done. */
  factToDate: number;
  /** Plan of every quarter of the measure, whatever its date. */
  totalPlan: number;
  /** Plan of the calendar year of D. */
  yearPlan: number;
  /** Fact of the entries of the calendar year of D, dated on or before D. */
  yearFact: number;
  /** People reached by the entries of the window. */
  peopleReached: number;
  /** min(fact / plan, 1), or null when nothing was planned in the window. */
  execution: number | null;
  status: MeasureStatus;
}

export interface GroupFigures {
  /** Weighted mean of the items' execution; null when no item has a plan in the window. */
  execution: number | null;
  /** The same against the whole year's plan of the year of D. */
  yearExecution: number | null;
  plan: number;
  fact: number;
  yearPlan: number;
  yearFact: number;
  peopleReached: number;
  /** Items that count toward `execution` (plan in the window, on control). */
  counted: number;
  statusCounts: Record<MeasureStatus, number>;
}

/** Does a quarter's plan belong to the as-of window? */
export function planInWindow(year: number, quarter: number, asOf: AsOf): boolean {
  const q = { year, quarter: quarter as 1 | 2 | 3 | 4 };
  if (asOf.from && quarterEnd(q) < asOf.from) return false;
  if (quarterEnd(q) <= asOf.date) return true;
  if (!asOf.includeCurrentQuarter) return false;
  const current = quarterOf(asOf.date);
  return current.year === year && current.quarter === quarter;
}

/** Measure execution for a window: min(fact / plan, 1); no plan in the window means it does not count. */
export function executionRatio(fact: number, plan: number): number | null {
  if (!(plan > 0)) return null;
  return Math.min(fact / plan, 1);
}

export function ragOf(execution: number | null, thresholds: Thresholds = DEFAULT_THRESHOLDS): Rag | null {
  if (execution === null) return null;
  const percent = execution * 100;
  if (percent >= thresholds.green) return "green";
  if (percent >= thresholds.amber) return "amber";
  return "red";
}

export function statusOf(
  item: { plan: number; fact: number; factToDate: number; totalPlan: number },
  measure: MeasureFacts,
  asOf: AsOf,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): MeasureStatus {
  return statusInForce(item, termsInForce(measure, asOf.date), asOf, thresholds);
}

/** statusOf() for terms already known (the database reads them from measure_term). */
export function statusInForce(
  item: { plan: number; fact: number; factToDate: number; totalPlan: number },
  terms: TermsInForce,
  asOf: AsOf,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): MeasureStatus {
  if (terms.removed) return "removed";
  if (item.totalPlan > 0 && item.factToDate >= item.totalPlan) return "done";
  if (terms.deadline < asOf.date) return "overdue";
  const execution = executionRatio(item.fact, item.plan);
  if (execution !== null && execution * 100 < thresholds.amber) return "behind";
  return "on_track";
}

/** The sums an item's figures are made of. */
export type ItemSums = Omit<ItemFigures, "execution" | "status" | "deadline" | "weight">;

/** An item's figures from its sums and the terms in force on D. */
export function ratedItem(sums: ItemSums, terms: TermsInForce, asOf: AsOf, thresholds?: Thresholds): ItemFigures {
  return {
    ...sums,
    deadline: terms.deadline,
    weight: terms.weight,
    execution: executionRatio(sums.fact, sums.plan),
    status: statusInForce(sums, terms, asOf, thresholds),
  };
}

/**
 * Figures of every item. Without `territoryIds` an item is a whole measure; with them (a territory
 * slice) it is a measure's share in one territory of the slice, with that share's plan and that
 * territory's facts. A measure whose plan is split (held, in part or whole, by territories other than
 * its own) has one item per territory holding a share; its own territory counts only if it holds one.
 * A measure whose plan is not split is one item at its own territory, even with no plan or entry yet
 * (it can still be overdue). Facts in territories that are not items do not count in a slice.
 */
export function itemFigures(input: {
  measures: MeasureFacts[];
  plans: PlanRow[];
  entries: EntryRow[];
  asOf: AsOf;
  thresholds?: Thresholds;
  territoryIds?: ReadonlySet<number> | null;
}): ItemFigures[] {
  const { asOf, territoryIds } = input;
  const year = Number(asOf.date.slice(0, 4));
  const items = new Map<string, ItemSums>();
  const keyOf = (measureId: number, territoryId: number) => `${measureId}:${territoryIds ? territoryId : ""}`;
  const itemFor = (measureId: number, territoryId: number) => {
    const slicedTerritory = territoryIds ? territoryId : null;
    const key = keyOf(measureId, territoryId);
    let item = items.get(key);
    if (!item) {
      item = {
        measureId,
        territoryId: slicedTerritory,
        plan: 0,
        fact: 0,
        factToDate: 0,
        totalPlan: 0,
        yearPlan: 0,
        yearFact: 0,
        peopleReached: 0,
      };
      items.set(key, item);
    }
    return item;
  };
  const inSlice = (territoryId: number) => !territoryIds || territoryIds.has(territoryId);
  const ownTerritory = new Map(input.measures.map((measure) => [measure.id, measure.territoryId]));
  const split = new Set(
    input.plans.filter((row) => row.territoryId !== ownTerritory.get(row.measureId)).map((row) => row.measureId),
  );

  for (const measure of input.measures) {
    if (!split.has(measure.id) && inSlice(measure.territoryId)) itemFor(measure.id, measure.territoryId);
  }

  for (const row of input.plans) {
    if (!inSlice(row.territoryId)) continue;
    const item = itemFor(row.measureId, row.territoryId);
    item.totalPlan += row.planned;
    if (planInWindow(row.year, row.quarter, asOf)) item.plan += row.planned;
    if (row.year === year) item.yearPlan += row.planned;
  }
  for (const row of input.entries) {
    if (row.entryDate > asOf.date || !entryCounts(row.reportStatus, asOf.facts)) continue;
    const item = items.get(keyOf(row.measureId, row.territoryId));
    if (!item) continue;
    item.factToDate += row.value;
    if (Number(row.entryDate.slice(0, 4)) === year) item.yearFact += row.value;
    if (asOf.from && row.entryDate < asOf.from) continue;
    item.fact += row.value;
    item.peopleReached += row.peopleReached ?? 0;
  }

  const measures = new Map(input.measures.map((measure) => [measure.id, measure]));
  return [...items.values()].flatMap((item) => {
    const measure = measures.get(item.measureId);
    if (!measure) return [];
    return [ratedItem(item, termsInForce(measure, asOf.date), asOf, input.thresholds)];
  });
}

/**
 * Execution of a group (section, department, territory, road map) = weighted mean of its items'
 * execution, each capped at 100 %, so over-delivery on one never hides a miss on another. Each item
 * weighs what its measure weighed on D, unless `weightOf` says otherwise.
 * Items removed from control count only in the status counts.
 */
export function groupFigures(items: ItemFigures[], weightOf?: (measureId: number) => number): GroupFigures {
  const statusCounts: Record<MeasureStatus, number> = { done: 0, on_track: 0, behind: 0, overdue: 0, removed: 0 };
  let weighted = 0;
  let weights = 0;
  let yearWeighted = 0;
  let yearWeights = 0;
  const totals = { plan: 0, fact: 0, yearPlan: 0, yearFact: 0, peopleReached: 0 };
  for (const item of items) {
    statusCounts[item.status] += 1;
    if (item.status === "removed") continue;
    totals.plan += item.plan;
    totals.fact += item.fact;
    totals.yearPlan += item.yearPlan;
    totals.yearFact += item.yearFact;
    totals.peopleReached += item.peopleReached;
    const weight = weightOf ? weightOf(item.measureId) : item.weight;
    if (item.execution !== null) {
      weighted += weight * item.execution;
      weights += weight;
    }
    const yearExecution = executionRatio(item.yearFact, item.yearPlan);
    if (yearExecution !== null) {
      yearWeighted += weight * yearExecution;
      yearWeights += weight;
    }
  }
  return {
    execution: weights > 0 ? weighted / weights : null,
    yearExecution: yearWeights > 0 ? yearWeighted / yearWeights : null,
    ...totals,
    counted: items.filter((item) => item.status !== "removed" && item.execution !== null).length,
    statusCounts,
  };
}

/** Every quarter of a programme's years, first to last: what a road map's series run over. */
export function programmeQuarters(programme: { startYear: number; endYear: number }) {
  return Array.from({ length: (programme.endYear - programme.startYear + 1) * 4 }, (_, index) => ({
    year: programme.startYear + Math.floor(index / 4),
    quarter: (index % 4) + 1,
  }));
}

export interface QuarterPoint {
  year: number;
  quarter: number;
  /** Execution within the quarter: weighted mean of min(fact / plan, 1) over items planned in it. */
  quarterExecution: number | null;
  /** Execution as of the quarter's end: the same over the plan and facts from the start to it. */
  cumulativeExecution: number | null;
  /** Share of the whole plan due by the quarter's end: where the road map should be by then. */
  plannedProgress: number | null;
  /** Share of the whole plan done by the quarter's end (each item capped at its whole plan). */
  actualProgress: number | null;
}

/**
 * The road map quarter by quarter, for its chart: the items of itemFigures() that are on control as
 * of D (and pass `keep`), their plans by quarter and their facts by quarter up to D. Facts after D
 * are not known, so the fact series stop at D's quarter.
 */
export function quarterSeries(input: {
  measures: MeasureFacts[];
  plans: PlanRow[];
  entries: EntryRow[];
  asOf: AsOf;
  thresholds?: Thresholds;
  territoryIds?: ReadonlySet<number> | null;
  quarters: Array<{ year: number; quarter: number }>;
  keep?: (item: ItemFigures) => boolean;
}): QuarterPoint[] {
  const items = itemFigures(input).filter((item) => item.status !== "removed" && (input.keep?.(item) ?? true));
  const sliced = Boolean(input.territoryIds);
  const keyOf = (measureId: number, territoryId: number) => `${measureId}:${sliced ? territoryId : ""}`;
  const byItem = new Map(items.map((item) => [keyOf(item.measureId, item.territoryId ?? 0), item]));
  const planQ = new Map<string, number>();
  const factQ = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
  for (const row of input.plans) {
    const key = keyOf(row.measureId, row.territoryId);
    if (byItem.has(key)) add(planQ, `${key}|${row.year}-${row.quarter}`, row.planned);
  }
  for (const row of input.entries) {
    if (row.entryDate > input.asOf.date || !entryCounts(row.reportStatus, input.asOf.facts)) continue;
    const key = keyOf(row.measureId, row.territoryId);
    const { year, quarter } = quarterOf(row.entryDate);
    if (byItem.has(key)) add(factQ, `${key}|${year}-${quarter}`, row.value);
  }

  return seriesOfItems(
    [...byItem].map(([key, item]) => ({
      weight: item.weight,
      totalPlan: item.totalPlan,
      plans: input.quarters.map(({ year, quarter }) => planQ.get(`${key}|${year}-${quarter}`) ?? 0),
      facts: input.quarters.map(({ year, quarter }) => factQ.get(`${key}|${year}-${quarter}`) ?? 0),
    })),
    input.quarters,
    input.asOf.date,
  );
}

/** An item of a series: its weight, its whole plan, and its plan and counted fact in each quarter of the list. */
export interface SeriesItem {
  weight: number;
  totalPlan: number;
  plans: ArrayLike<number>;
  facts: ArrayLike<number>;
}

/**
 * The series of quarterSeries() from items whose plans and facts are already summed by quarter (in
 * the order of `quarters`). Facts after D are not known, so the fact series stop at D's quarter.
 */
export function seriesOfItems(
  items: SeriesItem[],
  quarters: Array<{ year: number; quarter: number }>,
  asOfDate: string,
): QuarterPoint[] {
  const last = quarterOf(asOfDate);
  const runningPlan = new Float64Array(items.length);
  const runningFact = new Float64Array(items.length);
  const mean = (weighted: number, total: number) => (total > 0 ? weighted / total : null);
  return quarters.map(({ year, quarter }, index) => {
    const known = year < last.year || (year === last.year && quarter <= last.quarter);
    // Weighted sums and weights of the four ratios, plain locals: this loop runs items × quarters times.
    let quarterSum = 0;
    let quarterWeights = 0;
    let cumulativeSum = 0;
    let cumulativeWeights = 0;
    let plannedSum = 0;
    let plannedWeights = 0;
    let actualSum = 0;
    let actualWeights = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const { weight } = item;
      const plan = item.plans[index] ?? 0;
      const fact = item.facts[index] ?? 0;
      const toDatePlan = (runningPlan[i]! += plan);
      const toDateFact = (runningFact[i]! += fact);
      const ofQuarter = executionRatio(fact, plan);
      if (ofQuarter !== null) {
        quarterSum += weight * ofQuarter;
        quarterWeights += weight;
      }
      const cumulative = executionRatio(toDateFact, toDatePlan);
      if (cumulative !== null) {
        cumulativeSum += weight * cumulative;
        cumulativeWeights += weight;
      }
      const planned = executionRatio(toDatePlan, item.totalPlan);
      if (planned !== null) {
        plannedSum += weight * planned;
        plannedWeights += weight;
      }
      const actual = executionRatio(toDateFact, item.totalPlan);
      if (actual !== null) {
        actualSum += weight * actual;
        actualWeights += weight;
      }
    }
    return {
      year,
      quarter,
      quarterExecution: known ? mean(quarterSum, quarterWeights) : null,
      cumulativeExecution: known ? mean(cumulativeSum, cumulativeWeights) : null,
      plannedProgress: mean(plannedSum, plannedWeights),
      actualProgress: known ? mean(actualSum, actualWeights) : null,
    };
  });
}
