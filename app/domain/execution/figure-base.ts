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

/** Row numbers grouped by a key, each group in the rows' own order: group g is order[start[g] … start[g + 1]). */
interface RowGroups {
  order: Int32Array;
  start: Int32Array;
}

function groupRows(keys: Int32Array, groupCount: number): RowGroups {
  const start = new Int32Array(groupCount + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i]! + 1]!++;
  for (let group = 0; group < groupCount; group++) start[group + 1]! += start[group]!;
  const next = start.slice(0, groupCount);
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[next[keys[i]!]!++] = i;
  return { order, start };
}

/**
 * A road map's rows grouped by measure and by territory, made once per kept read: a section, a
 * department or a territory slice visits its own rows, not the road map's 150 000. Within a group rows
 * keep their order, so a share's entries still come by date.
 */
interface RowIndex {
  plansByMeasure: RowGroups;
  entriesByMeasure: RowGroups;
  plansByTerritory: RowGroups;
  entriesByTerritory: RowGroups;
  territoryCount: number;
  /** 1 where a measure's plan is held, in part or whole, by territories other than its own. */
  split: Uint8Array;
}

const indexes = new WeakMap<RoadMapRows, RowIndex>();

function rowIndexOf(rows: RoadMapRows): RowIndex {
  let index = indexes.get(rows);
  if (index) return index;
  const { plans, entries, measures } = rows;
  let territoryCount = 0;
  for (const column of [plans.territory, entries.territory])
    for (let i = 0; i < column.length; i++) territoryCount = Math.max(territoryCount, column[i]! + 1);
  const split = new Uint8Array(measures.length);
  for (let i = 0; i < plans.measure.length; i++)
    if (plans.territory[i] !== measures[plans.measure[i]!]!.territoryId) split[plans.measure[i]!] = 1;
  index = {
    plansByMeasure: groupRows(plans.measure, measures.length),
    entriesByMeasure: groupRows(entries.measure, measures.length),
    plansByTerritory: groupRows(plans.territory, territoryCount),
    entriesByTerritory: groupRows(entries.territory, territoryCount),
    territoryCount,
    split,
  };
  indexes.set(rows, index);
  return index;
}

/** The rows of the given groups, group by group; null when that is every row anyway. */
function rowsOf(groups: RowGroups, keys: Iterable<number>, groupCount: number): Int32Array | null {
  let count = 0;
  for (const key of keys) if (key >= 0 && key < groupCount) count += groups.start[key + 1]! - groups.start[key]!;
  if (count === groups.order.length) return null;
  const picked = new Int32Array(count);
  let at = 0;
  for (const key of keys) {
    if (key < 0 || key >= groupCount) continue;
    picked.set(groups.order.subarray(groups.start[key]!, groups.start[key + 1]!), at);
    at += groups.start[key + 1]! - groups.start[key]!;
  }
  return picked;
}

/** The bytes of a read's row index (made here if it was not yet): what the kept rows' budget counts for it. */
export function rowIndexBytes(rows: RoadMapRows): number {
  const index = rowIndexOf(rows);
  const groups = [index.plansByMeasure, index.entriesByMeasure, index.plansByTerritory, index.entriesByTerritory];
  return groups.reduce(
    (bytes, group) => bytes + group.order.byteLength + group.start.byteLength,
    index.split.byteLength,
  );
}

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
  const index = rowIndexOf(rows);
  const inScope: Array<BaseMeasure | undefined> = rows.measures.map((measure, place) => {
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
      split: index.split[place] === 1,
    };
  });
  // Which rows to visit: a slice's territories' or the scope's measures', whichever are fewer.
  const measuresInScope: number[] = [];
  inScope.forEach((measure, place) => measure && measuresInScope.push(place));
  const byMeasure =
    measuresInScope.length < rows.measures.length
      ? {
          plans: rowsOf(index.plansByMeasure, measuresInScope, rows.measures.length),
          entries: rowsOf(index.entriesByMeasure, measuresInScope, rows.measures.length),
        }
      : null;
  const byTerritory = slice
    ? {
        plans: rowsOf(index.plansByTerritory, slice, index.territoryCount),
        entries: rowsOf(index.entriesByTerritory, slice, index.territoryCount),
      }
    : null;
  const visitedCount = (choice: typeof byMeasure) =>
    choice
      ? (choice.plans?.length ?? rows.plans.measure.length) + (choice.entries?.length ?? rows.entries.measure.length)
      : Infinity;
  const visited = visitedCount(byTerritory) < visitedCount(byMeasure) ? byTerritory : byMeasure;
  const planRows = visited?.plans ?? null;
  const entryRows = visited?.entries ?? null;

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
  const planCount = planRows ? planRows.length : plans.measure.length;
  for (let k = 0; k < planCount; k++) {
    const i = planRows ? planRows[k]! : k;
    const measureIndex = plans.measure[i]!;
    const measure = inScope[measureIndex];
    if (!measure) continue;
    const territoryId = plans.territory[i]!;
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
  const entryCount = entryRows ? entryRows.length : entries.measure.length;
  for (let k = 0; k < entryCount; k++) {
    const i = entryRows ? entryRows[k]! : k;
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
