import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "~db/schema";
import { quarterOf } from "~/domain/periods/quarter";
import {
  groupFigures,
  programmeQuarters,
  ratedItem,
  seriesOfItems,
  type AsOf,
  type FactBasis,
  type ItemFigures,
  type ItemSums,
  type MeasureStatus,
  type TermsInForce,
  type Thresholds,
} from "./execution";

// The figures of execution.ts over a road map's rows: the database sums each share of each measure
// once (figureBase), and execution.ts's own rules rate the items and aggregate them in every way a
// page asks for. tests/integration/execution.test.ts shows that both give the reference's numbers.

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

/**
 * The SQL twin of entryCounts(): an entry counts by the state of its department's quarterly report.
 * The reports that count are few (departments × quarters of one road map); entries join them by
 * equality on their quarter columns.
 */
function countedEntries(roadMapId: number, basis: FactBasis) {
  if (basis === "all") return sql``;
  const statuses = basis === "accepted" ? ["accepted"] : ["accepted", "submitted"];
  return sql`JOIN department_report r ON r.road_map_id = ${roadMapId} AND r.status = ANY(${statuses}::text[])
              AND r.department_id = m.responsible_department_id AND r.year = e.year AND r.quarter = e.quarter`;
}

/** A measure of the scope with what was in force for it on D. */
interface BaseMeasure {
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
interface BaseShare {
  measure: BaseMeasure;
  territoryId: number;
  hasPlan: boolean;
  sums: Omit<ItemSums, "measureId" | "territoryId">;
  /** Plan and counted fact by quarter, as pairs: quarter code (year × 4 + quarter − 1), value. */
  planQuarters: number[];
  factQuarters: number[];
}

/**
 * The one pass over a scope's rows that every figure is aggregated from: each share of each measure
 * with its window sums and its plan and counted fact quarter by quarter. Computed once per scope and
 * date, then grouped in any way (figuresOf): sections, departments, territories, the list, the series.
 */
export interface FigureBase {
  scope: ExecutionScope;
  asOf: AsOf;
  thresholds: Thresholds;
  measures: BaseMeasure[];
  shares: BaseShare[];
}

interface MeasureRow {
  id: number;
  territory_id: number;
  department_id: number;
  section_id: number;
  top_section_id: number;
  section_order: number[];
  number: string;
  weight: number;
  deadline: string;
  removed: boolean;
}

interface PlanShareRow {
  measure_id: number;
  territory_id: number;
  in_slice: boolean;
  plan: number | null;
  total_plan: number;
  year_plan: number | null;
  plan_q: string | null;
}

interface FactShareRow {
  measure_id: number;
  territory_id: number;
  fact: number | null;
  fact_to_date: number;
  year_fact: number | null;
  people_reached: number | null;
  fact_q: string;
}

function quarterPairs(text: string | null): number[] {
  if (!text) return [];
  const pairs: number[] = [];
  for (const part of text.split(",")) {
    const colon = part.indexOf(":");
    pairs.push(Number(part.slice(0, colon)), Number(part.slice(colon + 1)));
  }
  return pairs;
}

/**
 * The figure base of a scope: three statements, each reading its rows once with plain joins the
 * planner can estimate — the measures with their terms in force on D (measure_term, joined by its
 * range), their plan rows, their counted entries — summed by share (and by quarter for the series)
 * and run side by side. Plans and entries are read by a range of measure ids: a road map's measures
 * are numbered together, so one index range holds its rows.
 */
export async function figureBase(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
): Promise<FigureBase> {
  const filters = [
    scope.sectionIds &&
      sql`AND (s.id = ANY(${scope.sectionIds}::int[]) OR s.parent_id = ANY(${scope.sectionIds}::int[]))`,
    scope.departmentIds && sql`AND m.responsible_department_id = ANY(${scope.departmentIds}::int[])`,
    scope.measureIds && sql`AND m.id = ANY(${scope.measureIds}::int[])`,
  ].filter((filter): filter is RawBuilder<unknown> => Boolean(filter));
  const inScope = sql`m.road_map_id = ${scope.roadMapId} ${sql.join(filters, sql` `)}`;
  // Sections are joined only to filter by them: every measure has one.
  const measureTable = scope.sectionIds ? sql`measure m JOIN section s ON s.id = m.section_id` : sql`measure m`;
  // The id range is read first so that the planner sees its bounds as values and estimates the
  // rows in it (with a subquery it guesses, and picks per-measure probes).
  const {
    rows: [bounds],
  } = await sql<{ lo: number | null; hi: number | null }>`
    SELECT min(m.id) AS lo, max(m.id) AS hi FROM ${measureTable} WHERE ${inScope}
  `.execute(db);
  if (!bounds || bounds.lo === null || bounds.hi === null) return { scope, asOf, thresholds, measures: [], shares: [] };

  const territoryIds = scope.territoryIds;
  const inSlice = (column: string) =>
    territoryIds ? sql`${sql.ref(column)} = ANY(${territoryIds}::int[])` : sql`TRUE`;
  const d = sql`${asOf.date}::date`;
  const d0 = sql`${asOf.from ?? "0001-01-01"}::date`;
  const { year, quarter } = quarterOf(asOf.date);
  const yearStart = sql`${`${year}-01-01`}::date`;
  const inRange = (column: string) => sql`${sql.ref(column)} BETWEEN ${bounds.lo}::int AND ${bounds.hi}::int`;
  const scopedMeasure = sql`(SELECT m.id, m.territory_id, m.responsible_department_id FROM ${measureTable} WHERE ${inScope})`;

  const [measureRows, planRows, factRows] = await Promise.all([
    sql<MeasureRow>`
      SELECT m.id, m.territory_id, m.responsible_department_id AS department_id, m.section_id,
             coalesce(s.parent_id, s.id) AS top_section_id,
             ARRAY[coalesce(parent.position, s.position), CASE WHEN s.parent_id IS NULL THEN -1 ELSE s.position END] AS section_order,
             m.number, mt.weight::float8 AS weight, mt.deadline, mt.removed
        FROM measure m JOIN section s ON s.id = m.section_id
        JOIN measure_term mt ON mt.measure_id = m.id AND mt.valid_from <= ${d} AND mt.valid_until > ${d}
             AND ${inRange("mt.measure_id")}
        LEFT JOIN section parent ON parent.id = s.parent_id
       WHERE ${inScope}
    `.execute(db),
    // Every share of the plan, in the slice or not: whether a plan is split depends on all of them.
    // Sums in double precision: exact at these magnitudes (quantities have at most 15 significant
    // digits), and several times faster than numeric over a road map's 100 000 entries.
    sql<PlanShareRow>`
      SELECT p.measure_id, p.territory_id, ${inSlice("p.territory_id")} AS in_slice,
             sum(p.planned::float8) FILTER (WHERE (p.ends_on <= ${d}
                                           OR (${asOf.includeCurrentQuarter}::boolean AND p.year = ${year} AND p.quarter = ${quarter}))
                                          AND p.ends_on >= ${d0}) AS plan,
             sum(p.planned::float8) AS total_plan,
             sum(p.planned::float8) FILTER (WHERE p.year = ${year}) AS year_plan,
             string_agg((p.year * 4 + p.quarter - 1) || ':' || p.planned::float8, ',')
               FILTER (WHERE ${inSlice("p.territory_id")}) AS plan_q
        FROM measure_plan p JOIN ${scopedMeasure} m ON m.id = p.measure_id
       WHERE ${inRange("p.measure_id")}
       GROUP BY 1, 2
    `.execute(db),
    // Entries summed per share and quarter; the quarter's report decides whether its facts count.
    sql<FactShareRow>`
      SELECT measure_id, territory_id, sum(fact) AS fact, sum(fact_to_date) AS fact_to_date,
             sum(year_fact) AS year_fact, sum(people_reached) AS people_reached,
             string_agg(quarter_code || ':' || fact_to_date, ',') AS fact_q
        FROM (SELECT e.measure_id, e.territory_id, e.year * 4 + e.quarter - 1 AS quarter_code,
                     sum(e.value::float8) FILTER (WHERE e.entry_date >= ${d0}) AS fact,
                     sum(e.value::float8) AS fact_to_date,
                     sum(e.value::float8) FILTER (WHERE e.entry_date >= ${yearStart}) AS year_fact,
                     sum(e.people_reached) FILTER (WHERE e.entry_date >= ${d0}) AS people_reached
                FROM progress_entry e JOIN ${scopedMeasure} m ON m.id = e.measure_id
                ${countedEntries(scope.roadMapId, asOf.facts)}
               WHERE ${inRange("e.measure_id")} AND e.entry_date <= ${d} AND ${inSlice("e.territory_id")}
               GROUP BY 1, 2, 3) fact_quarter
       GROUP BY 1, 2
    `.execute(db),
  ]);

  const measures = new Map<number, BaseMeasure>();
  for (const row of measureRows.rows) {
    measures.set(row.id, {
      id: row.id,
      territoryId: row.territory_id,
      departmentId: row.department_id,
      sectionId: row.section_id,
      topSectionId: row.top_section_id,
      place: 0,
      terms: { deadline: row.deadline, weight: row.weight, removed: row.removed },
      split: false,
    });
  }
  const shares = new Map<string, BaseShare>();
  const shareOf = (measure: BaseMeasure, territoryId: number) => {
    const key = `${measure.id}:${territoryId}`;
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
  for (const row of planRows.rows) {
    const measure = measures.get(row.measure_id);
    if (!measure) continue;
    if (row.territory_id !== measure.territoryId) measure.split = true;
    if (!row.in_slice) continue;
    const share = shareOf(measure, row.territory_id);
    share.hasPlan = true;
    share.sums.plan = row.plan ?? 0;
    share.sums.totalPlan = row.total_plan;
    share.sums.yearPlan = row.year_plan ?? 0;
    share.planQuarters = quarterPairs(row.plan_q);
  }
  for (const row of factRows.rows) {
    const measure = measures.get(row.measure_id);
    if (!measure) continue;
    const share = shareOf(measure, row.territory_id);
    share.sums.fact = row.fact ?? 0;
    share.sums.factToDate = row.fact_to_date;
    share.sums.yearFact = row.year_fact ?? 0;
    share.sums.peopleReached = row.people_reached ?? 0;
    share.factQuarters = quarterPairs(row.fact_q);
  }
  return { scope, asOf, thresholds, measures: placed(measureRows.rows, measures), shares: [...shares.values()] };
}

/**
 * The measures in the road map's order: sections as placed, measures by number read as numbers
 * (2.10 after 2.9), then by id.
 */
function placed(rows: MeasureRow[], measures: Map<number, BaseMeasure>): BaseMeasure[] {
  // One string per measure that sorts as its parts would: each part ten characters wide and ended by
  // a character below every digit, so that 2 comes before 2.1.
  const part = (value: string) => `${value.padStart(10, "0").slice(0, 10)}\u0001`;
  const keyed = rows.map((row) => ({
    measure: measures.get(row.id)!,
    key: [...row.section_order.map((position) => String(position + 1)), ...row.number.split(/[.-]/)].map(part).join(""),
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.measure.id - b.measure.id));
  return keyed.map(({ measure }, index) => Object.assign(measure, { place: index }));
}

/** An item of the base, rated, with its measure and its quarters. */
interface BaseItem extends ItemFigures {
  measure: BaseMeasure;
  planQuarters: number[][];
  factQuarters: number[][];
}

const zeroSums = () => ({ plan: 0, fact: 0, factToDate: 0, totalPlan: 0, yearPlan: 0, yearFact: 0, peopleReached: 0 });

/**
 * The items of itemFigures() from a base. `sliced` counts one item per measure and share territory
 * (a territory slice, or a breakdown by territory): every territory holding a share of a split plan,
 * or the measure's own territory when its plan is not split; otherwise one item per measure, with all
 * of its plan and facts. Only items in the scope's states are kept.
 */
function itemsOf(base: FigureBase, sliced: boolean): BaseItem[] {
  const { asOf, thresholds, scope } = base;
  const items = new Map<string, BaseItem>();
  const itemFor = (measure: BaseMeasure, territoryId: number | null) => {
    const key = `${measure.id}:${territoryId ?? ""}`;
    let item = items.get(key);
    if (!item) {
      item = {
        measureId: measure.id,
        territoryId,
        ...zeroSums(),
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
  const rated = [...items.values()].map((item) =>
    Object.assign(item, ratedItem(item, item.measure.terms, asOf, thresholds)),
  );
  return scope.statuses ? rated.filter((item) => scope.statuses!.includes(item.status)) : rated;
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
  const indexOf = new Map(quarters.map(({ year, quarter }, index) => [year * 4 + quarter - 1, index]));
  const spread = (lists: number[][]) => {
    const values: number[] = new Array<number>(quarters.length).fill(0);
    for (const pairs of lists) {
      for (let i = 0; i < pairs.length; i += 2) {
        const index = indexOf.get(pairs[i]!);
        if (index !== undefined) values[index]! += pairs[i + 1]!;
      }
    }
    return values;
  };
  return seriesOfItems(
    items
      .filter((item) => item.status !== "removed")
      .map((item) => ({
        weight: item.weight,
        totalPlan: item.totalPlan,
        plans: spread(item.planQuarters),
        facts: spread(item.factQuarters),
      })),
    quarters,
    date,
  );
}

/** Territories under `parentId` (itself included), each mapped to the child of `parentId` that holds it. */
async function territoriesBelow(db: Kysely<Database>, parentId: number): Promise<Map<number, number>> {
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
  request: { territoriesBelow: number; quarters: Array<{ year: number; quarter: number }> },
): Promise<RoadMapFigures> {
  const [base, below] = await Promise.all([
    figureBase(db, scope, asOf, thresholds),
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
