import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { baseOf, type BaseMeasure, type FigureBase as BaseOfScope } from "./figure-base";
import { roadMapRows } from "./road-map-rows.server";
import {
  groupFigures,
  programmeQuarters,
  ratedItem,
  seriesOfItems,
  type AsOf,
  type ItemFigures,
  type MeasureStatus,
  type Thresholds,
} from "./execution";

// The figures of execution.ts over a road map's rows: each share of each measure is summed once
// (figureBase), and execution.ts's own rules rate the items and aggregate them in every way a page
// asks for. tests/integration/execution.test.ts shows that both give the reference's numbers.

export interface ExecutionScope {
  roadMapId: number;
  /** A territory slice: only shares in these territories, one item per measure and territory. */
  territoryIds: number[] | null;
  /** Only measures of these sections (or of their subsections). */
  sectionIds: number[] | null;
  /** Only measures these departments are responsible for. */
  departmentIds?: number[] | null;
  /** Only items in these states. */
  statuses?: MeasureStatus[] | null;
  /** Only these measures (a KPI indicator's linked measures). */
  measureIds?: number[] | null;
}

export interface ExecutionFigures {
  execution: number | null;
  yearExecution: number | null;
  plan: number;
  fact: number;
  yearPlan: number;
  yearFact: number;
  peopleReached: number;
  counted: number;
  statusCounts: Record<MeasureStatus, number>;
}

export interface SectionExecutionRow extends ExecutionFigures {
  /** null on the road map's total row. */
  topSectionId: number | null;
  /** null on a top-level section's total row and on the road map's total row. */
  sectionId: number | null;
}

export interface GroupExecutionRow extends ExecutionFigures {
  /** The department, or the territory of the shares (a child of the sliced territory, or itself). */
  groupId: number;
}

export interface ItemRow {
  measureId: number;
  territoryId: number | null;
  /** The measure's deadline and weight in force on D. */
  deadline: string;
  weight: number;
  plan: number;
  fact: number;
  totalPlan: number;
  yearPlan: number;
  yearFact: number;
  peopleReached: number;
  execution: number | null;
  status: MeasureStatus;
}

/** Every figure of a scope on D is aggregated from its base: each share of each measure, summed once. */
export type FigureBase = BaseOfScope<ExecutionScope>;

/**
 * The figure base of a scope on D: a pass in memory over the road map's rows, which are read once
 * per revision of the road map (road-map-rows.server.ts) whatever the date, slice or filter.
 */
export async function figureBase(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
  revision?: number,
): Promise<FigureBase> {
  return baseOf(await roadMapRows(db, scope.roadMapId, revision), scope, asOf, thresholds);
}

/** An item of the base, rated, with its measure and its quarters. */
interface BaseItem extends ItemFigures {
  measure: BaseMeasure;
  planQuarters: number[][];
  factQuarters: number[][];
}

/**
 * The items of itemFigures() from a base. `sliced` counts one item per measure and share territory
 * (a territory slice, or a breakdown by territory): every territory holding a share of a split plan,
 * or the measure's own territory when its plan is not split; otherwise one item per measure, with all
 * of its plan and facts. Only items in the scope's states are kept.
 */
function itemsOf(base: FigureBase, sliced: boolean): BaseItem[] {
  const { asOf, thresholds, scope } = base;
  // Keyed by number (measure id × a million + territory id): territory ids stay far below a million.
  const items = new Map<number, BaseItem>();
  const itemFor = (measure: BaseMeasure, territoryId: number | null) => {
    const key = measure.id * 1_000_000 + (territoryId ?? 0);
    let item = items.get(key);
    if (!item) {
      item = {
        measureId: measure.id,
        territoryId,
        plan: 0,
        fact: 0,
        factToDate: 0,
        totalPlan: 0,
        yearPlan: 0,
        yearFact: 0,
        peopleReached: 0,
        deadline: measure.terms.deadline,
        weight: measure.terms.weight,
        execution: null,
        status: "on_track",
        measure,
        planQuarters: [],
        factQuarters: [],
      };
      items.set(key, item);
    }
    return item;
  };
  const slice = scope.territoryIds ? new Set(scope.territoryIds) : null;
  for (const measure of base.measures) {
    if (!sliced) itemFor(measure, null);
    else if (!measure.split && (!slice || slice.has(measure.territoryId))) itemFor(measure, measure.territoryId);
  }
  for (const share of base.shares) {
    const { measure } = share;
    const isItem = !sliced || share.hasPlan || (!measure.split && share.territoryId === measure.territoryId);
    if (!isItem) continue;
    const item = itemFor(measure, sliced ? share.territoryId : null);
    item.plan += share.sums.plan;
    item.fact += share.sums.fact;
    item.factToDate += share.sums.factToDate;
    item.totalPlan += share.sums.totalPlan;
    item.yearPlan += share.sums.yearPlan;
    item.yearFact += share.sums.yearFact;
    item.peopleReached += share.sums.peopleReached;
    item.planQuarters.push(share.planQuarters);
    item.factQuarters.push(share.factQuarters);
  }
  const rated: BaseItem[] = [];
  for (const item of items.values()) {
    const { execution, status } = ratedItem(item, item.measure.terms, asOf, thresholds);
    item.execution = execution;
    item.status = status;
    if (!scope.statuses || scope.statuses.includes(status)) rated.push(item);
  }
  return rated;
}

function figures(items: ItemFigures[]): ExecutionFigures {
  const { execution, yearExecution, plan, fact, yearPlan, yearFact, peopleReached, counted, statusCounts } =
    groupFigures(items);
  return { execution, yearExecution, plan, fact, yearPlan, yearFact, peopleReached, counted, statusCounts };
}

function groupsOf<K>(items: BaseItem[], key: (item: BaseItem) => K | undefined): Map<K, BaseItem[]> {
  const groups = new Map<K, BaseItem[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Execution per section and subsection, and of the whole scope (the row with no section). */
function sectionRows(items: BaseItem[]): SectionExecutionRow[] {
  return [
    { topSectionId: null, sectionId: null, ...figures(items) },
    ...[...groupsOf(items, (item) => item.measure.topSectionId)].map(([topSectionId, group]) => ({
      topSectionId,
      sectionId: null,
      ...figures(group),
    })),
    ...[...groupsOf(items, (item) => item.measure.sectionId)].map(([sectionId, group]) => ({
      topSectionId: group[0]!.measure.topSectionId,
      sectionId,
      ...figures(group),
    })),
  ];
}

function departmentRows(items: BaseItem[]): GroupExecutionRow[] {
  return [...groupsOf(items, (item) => item.measure.departmentId)].map(([groupId, group]) => ({
    groupId,
    ...figures(group),
  }));
}

/**
 * Every item a measure's share in one territory, counted in the child of the parent that holds it —
 * or in the parent itself for shares carried out at its own level. `below` maps each territory under
 * the parent (the parent included) to that group.
 */
function territoryRows(items: BaseItem[], below: Map<number, number>): GroupExecutionRow[] {
  return [...groupsOf(items, (item) => below.get(item.territoryId!))].map(([groupId, group]) => ({
    groupId,
    ...figures(group),
  }));
}

function itemRows(items: BaseItem[]): ItemRow[] {
  return [...items]
    .sort((a, b) => a.measure.place - b.measure.place || (a.territoryId ?? 0) - (b.territoryId ?? 0))
    .map((item) => ({
      measureId: item.measureId,
      territoryId: item.territoryId,
      deadline: item.deadline,
      weight: item.weight,
      plan: item.plan,
      fact: item.fact,
      totalPlan: item.totalPlan,
      yearPlan: item.yearPlan,
      yearFact: item.yearFact,
      peopleReached: item.peopleReached,
      execution: item.execution,
      status: item.status,
    }));
}

function seriesRows(items: BaseItem[], quarters: Array<{ year: number; quarter: number }>, date: string) {
  // Each quarter code's slot in the series, by array index from the first code: no map lookups.
  const codes = quarters.map(({ year, quarter }) => year * 4 + quarter - 1);
  const first = codes.length ? Math.min(...codes) : 0;
  const slotOf = new Int32Array(codes.length ? Math.max(...codes) - first + 1 : 0).fill(-1);
  codes.forEach((code, slot) => (slotOf[code - first] = slot));
  const counted = items.filter((item) => item.status !== "removed");
  // Every item's quarters in one buffer, each item a view of its part: a typed array of its own each
  // (two per item, 10 000 for a national road map) cost more in allocation and collection than the sums.
  const width = quarters.length;
  const buffer = new Float64Array(2 * counted.length * width);
  const spread = (lists: number[][], at: number) => {
    const values = buffer.subarray(at, at + width);
    for (const pairs of lists) {
      for (let i = 0; i < pairs.length; i += 2) {
        const slot = slotOf[pairs[i]! - first] ?? -1;
        if (slot >= 0) values[slot]! += pairs[i + 1]!;
      }
    }
    return values;
  };
  return seriesOfItems(
    counted.map((item, index) => ({
      weight: item.weight,
      totalPlan: item.totalPlan,
      plans: spread(item.planQuarters, 2 * index * width),
      facts: spread(item.factQuarters, (2 * index + 1) * width),
    })),
    quarters,
    date,
  );
}

/** Territories under `parentId` (itself included), each mapped to the child of `parentId` that holds it. */
export async function territoriesBelow(db: Kysely<Database>, parentId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("territory")
    .select(["id", "path"])
    .where(sql<boolean>`path @> ARRAY[${parentId}]::int[]`)
    .execute();
  const depth = rows.find((row) => row.id === parentId)?.path.length ?? 0;
  return new Map(rows.map((row) => [row.id, row.path[depth] ?? parentId]));
}

export interface RoadMapFigures {
  sections: SectionExecutionRow[];
  departments: GroupExecutionRow[];
  /** By territory below the request's `territoriesBelow`. */
  territories: GroupExecutionRow[];
  items: ItemRow[];
  series: QuarterPointRow[];
}

/**
 * Every figure a dashboard shows for one scope and date, from one base: the same items in every
 * table, chart and list. Territories are broken down below `territoriesBelow`; the series runs over
 * `quarters`.
 */
export async function roadMapFigures(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
  request: { territoriesBelow: number; quarters: Array<{ year: number; quarter: number }>; revision?: number },
): Promise<RoadMapFigures> {
  const [base, below] = await Promise.all([
    figureBase(db, scope, asOf, thresholds, request.revision),
    territoriesBelow(db, request.territoriesBelow),
  ]);
  return figuresOf(base, { territoriesBelow: below, quarters: request.quarters });
}

/** The figures of a base; a territory breakdown of a scope that is not a slice counts its shares. */
export function figuresOf(
  base: FigureBase,
  request: { territoriesBelow: Map<number, number>; quarters: Array<{ year: number; quarter: number }> },
): RoadMapFigures {
  const sliced = base.scope.territoryIds !== null;
  const items = itemsOf(base, sliced);
  const shareItems = sliced ? items : itemsOf(base, true);
  return {
    sections: sectionRows(items),
    departments: departmentRows(items),
    territories: territoryRows(shareItems, request.territoriesBelow),
    items: itemRows(items),
    series: seriesRows(items, request.quarters, base.asOf.date),
  };
}

/** Execution per section and subsection, and of the whole scope (the row with no section). */
export async function sectionExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
): Promise<SectionExecutionRow[]> {
  const base = await figureBase(db, scope, asOf, thresholds);
  return sectionRows(itemsOf(base, scope.territoryIds !== null));
}

/** Execution per responsible department. */
export async function departmentExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
): Promise<GroupExecutionRow[]> {
  const base = await figureBase(db, scope, asOf, thresholds);
  return departmentRows(itemsOf(base, scope.territoryIds !== null));
}

/**
 * Execution per territory below `parentId`: every item is a measure's share in one territory (as in
 * a territory slice), counted in the child of `parentId` that holds it — or in `parentId` itself for
 * shares carried out at its own level.
 */
export async function territoryExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
  parentId: number,
): Promise<GroupExecutionRow[]> {
  const [base, below] = await Promise.all([figureBase(db, scope, asOf, thresholds), territoriesBelow(db, parentId)]);
  return territoryRows(itemsOf(base, true), below);
}

/**
 * The items themselves (one per measure, or per measure and share in a slice), in the road map's
 * order, for lists and drill-downs.
 */
export async function itemExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
): Promise<ItemRow[]> {
  const base = await figureBase(db, scope, asOf, thresholds);
  return itemRows(itemsOf(base, scope.territoryIds !== null));
}

export interface QuarterPointRow {
  year: number;
  quarter: number;
  quarterExecution: number | null;
  cumulativeExecution: number | null;
  plannedProgress: number | null;
  actualProgress: number | null;
}

/** quarterSeries() over the base's items: the road map quarter by quarter, over the given quarters. */
export async function quarterSeriesExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
  quarters: Array<{ year: number; quarter: number }>,
): Promise<QuarterPointRow[]> {
  const base = await figureBase(db, scope, asOf, thresholds);
  return seriesRows(itemsOf(base, scope.territoryIds !== null), quarters, asOf.date);
}

/**
 * A road map's series as its charts show them, on the dashboard and in meeting snapshots alike: every
 * quarter of the programme, cumulated from its first.
 */
export function programmeSeries(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
  programme: { startYear: number; endYear: number },
): Promise<QuarterPointRow[]> {
  return quarterSeriesExecution(db, scope, asOf, thresholds, programmeQuarters(programme));
}
