import type { ReportStatus } from "~db/schema";
import { entryCounts, planInWindow, type AsOf, type ItemSums, type TermsInForce, type Thresholds } from "./execution";

// A road map's rows as they are, whatever the date asked for (RoadMapRows, read once per revision by
// road-map-rows.server.ts), and the figure base of one scope and date made from them in one pass
// (baseOf). The rules of which plan and which entry count are execution.ts's own.

/** A measure's terms over a span of days [from, until), as measure_term holds them. */
export interface TermSpan extends TermsInForce {
  from: string;
  until: string;
}

export interface RowsMeasure {
  id: number;
  territoryId: number;
  departmentId: number;
  sectionId: number;
  /** The section's parent, or null for a top-level section. */
  parentSectionId: number | null;
  topSectionId: number;
  /** Its place in the road map's order. */
  place: number;
  terms: TermSpan[];
}

/**
 * Every plan row and every entry of a road map's measures, column by column: index i of each array
 * is one row. `measure` is the index of the row's measure in `measures`.
 */
export interface RoadMapRows {
  roadMapId: number;
  measures: RowsMeasure[];
  plans: { measure: Int32Array; territory: Int32Array; quarterCode: Int32Array; planned: Float64Array };
  /** Entries in the order of their measure, then their date. `day`: days since 2000-01-01. */
  entries: {
    measure: Int32Array;
    territory: Int32Array;
    day: Int32Array;
    quarterCode: Int32Array;
    value: Float64Array;
    people: Float64Array;
  };
  /** The state of each quarterly report, by department and quarter code (reportKey). */
  reports: Map<number, ReportStatus>;
}

/** A quarter as one number: year × 4 + quarter − 1. */
export const quarterCode = (year: number, quarter: number) => year * 4 + quarter - 1;
export const reportKey = (departmentId: number, code: number) => departmentId * 100_000 + code;
const DAY_ZERO = Date.UTC(2000, 0, 1);
/** Days from 2000-01-01 to an ISO date. */
export const dayNumber = (isoDate: string) => Math.round((Date.parse(`${isoDate}T00:00:00Z`) - DAY_ZERO) / 86_400_000);

/** A measure of the scope with what was in force for it on D. */
export interface BaseMeasure {
  id: number;
  territoryId: number;
  departmentId: number;
  sectionId: number;
  topSectionId: number;
  /** Its place in the road map's order. */
  place: number;
  terms: TermsInForce;
  /** Its plan is held, in part or whole, by territories other than its own. */
  split: boolean;
}

/** What one territory holds of a measure: its plan rows, its counted entries, or both. */
export interface BaseShare {
  measure: BaseMeasure;
  territoryId: number;
  hasPlan: boolean;
  sums: Omit<ItemSums, "measureId" | "territoryId">;
  /** Plan and counted fact by quarter, as pairs: quarter code, value. */
  planQuarters: number[];
  factQuarters: number[];
}

export interface BaseScope {
  territoryIds: number[] | null;
  sectionIds: number[] | null;
  departmentIds?: number[] | null;
  measureIds?: number[] | null;
}

/**
 * The one pass over a scope's rows that every figure is aggregated from: each share of each measure
 * with its window sums and its plan and counted fact quarter by quarter. Computed once per scope and
 * date, then grouped in any way (figuresOf): sections, departments, territories, the list, the series.
 */
export interface FigureBase<S extends BaseScope = BaseScope> {
  scope: S;
  asOf: AsOf;
  thresholds: Thresholds;
  /** In the road map's order. */
  measures: BaseMeasure[];
  shares: BaseShare[];
}

const inList = (ids: number[] | null | undefined) => (ids ? new Set(ids) : null);

/**
 * The figure base of a scope on D from a road map's rows: the measures in the scope with their terms
 * in force on D; every share of their plan (in the slice or not: whether a plan is split depends on
 * all of them); the entries dated on or before D, in the slice, that count by their quarter's report.
 */
export function baseOf<S extends BaseScope>(
  rows: RoadMapRows,
  scope: S,
  asOf: AsOf,
  thresholds: Thresholds,
): FigureBase<S> {
  const sections = inList(scope.sectionIds);
  const departments = inList(scope.departmentIds);
  const measureIds = inList(scope.measureIds);
  const slice = inList(scope.territoryIds);
  const inScope: Array<BaseMeasure | undefined> = rows.measures.map((measure) => {
    if (sections && !sections.has(measure.sectionId) && !sections.has(measure.parentSectionId ?? -1)) return undefined;
    if (departments && !departments.has(measure.departmentId)) return undefined;
    if (measureIds && !measureIds.has(measure.id)) return undefined;
    const terms = measure.terms.find((span) => span.from <= asOf.date && span.until > asOf.date);
    if (!terms) return undefined;
    return {
      id: measure.id,
      territoryId: measure.territoryId,
      departmentId: measure.departmentId,
      sectionId: measure.sectionId,
      topSectionId: measure.topSectionId,
      place: measure.place,
      terms: { deadline: terms.deadline, weight: terms.weight, removed: terms.removed },
      split: false,
    };
  });

  const shares = new Map<number, BaseShare>();
  const shareOf = (measureIndex: number, measure: BaseMeasure, territoryId: number) => {
    // Territory ids stay far below a million.
    const key = measureIndex * 1_000_000 + territoryId;
    let share = shares.get(key);
    if (!share) {
      share = {
        measure,
        territoryId,
        hasPlan: false,
        sums: { plan: 0, fact: 0, factToDate: 0, totalPlan: 0, yearPlan: 0, yearFact: 0, peopleReached: 0 },
        planQuarters: [],
        factQuarters: [],
      };
      shares.set(key, share);
    }
    return share;
  };

  const year = Number(asOf.date.slice(0, 4));
  const windowOf = new Map<number, boolean>();
  const inWindow = (code: number) => {
    let known = windowOf.get(code);
    if (known === undefined) {
      known = planInWindow(Math.floor(code / 4), (code % 4) + 1, asOf);
      windowOf.set(code, known);
    }
    return known;
  };
  const { plans } = rows;
  for (let i = 0; i < plans.measure.length; i++) {
    const measureIndex = plans.measure[i]!;
    const measure = inScope[measureIndex];
    if (!measure) continue;
    const territoryId = plans.territory[i]!;
    if (territoryId !== measure.territoryId) measure.split = true;
    if (slice && !slice.has(territoryId)) continue;
    const share = shareOf(measureIndex, measure, territoryId);
    const code = plans.quarterCode[i]!;
    const planned = plans.planned[i]!;
    share.hasPlan = true;
    if (inWindow(code)) share.sums.plan += planned;
    share.sums.totalPlan += planned;
    if (Math.floor(code / 4) === year) share.sums.yearPlan += planned;
    share.planQuarters.push(code, planned);
  }

  const d = dayNumber(asOf.date);
  const d0 = asOf.from ? dayNumber(asOf.from) : -Infinity;
  const yearStart = dayNumber(`${year}-01-01`);
  const counted = new Map<number, boolean>();
  const counts = (departmentId: number, code: number) => {
    const key = reportKey(departmentId, code);
    let known = counted.get(key);
    if (known === undefined) {
      known = entryCounts(rows.reports.get(key) ?? null, asOf.facts);
      counted.set(key, known);
    }
    return known;
  };
  const { entries } = rows;
  for (let i = 0; i < entries.measure.length; i++) {
    const day = entries.day[i]!;
    if (day > d) continue;
    const measureIndex = entries.measure[i]!;
    const measure = inScope[measureIndex];
    if (!measure) continue;
    const territoryId = entries.territory[i]!;
    if (slice && !slice.has(territoryId)) continue;
    const code = entries.quarterCode[i]!;
    if (!counts(measure.departmentId, code)) continue;
    const share = shareOf(measureIndex, measure, territoryId);
    const value = entries.value[i]!;
    const { sums, factQuarters } = share;
    if (day >= d0) {
      sums.fact += value;
      sums.peopleReached += entries.people[i]!;
    }
    sums.factToDate += value;
    if (day >= yearStart) sums.yearFact += value;
    // Entries come by date, so a share's quarters come in order and each is one pair.
    const last = factQuarters.length - 2;
    if (last >= 0 && factQuarters[last] === code) factQuarters[last + 1]! += value;
    else factQuarters.push(code, value);
  }

  const measures = inScope
    .filter((measure): measure is BaseMeasure => measure !== undefined)
    .sort((a, b) => a.place - b.place);
  return { scope, asOf, thresholds, measures, shares: [...shares.values()] };
}
