import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "~db/schema";
import { quarterOf } from "~/domain/periods/quarter";
import { programmeQuarters, type AsOf, type FactBasis, type MeasureStatus, type Thresholds } from "./execution";

// The figures of execution.ts computed in the database, for speed. Same rules, same names;
// tests/integration/execution.test.ts shows that both give the same numbers.

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

interface RawFigures {
  execution: number | null;
  year_execution: number | null;
  plan: number;
  fact: number;
  year_plan: number;
  year_fact: number;
  people_reached: number;
  counted: number;
  done: number;
  on_track: number;
  behind: number;
  overdue: number;
  removed: number;
}

/**
 * The SQL twin of entryCounts(): an entry counts by the state of its department's quarterly report.
 * The reports that count are few (departments × quarters of one road map); entries join them by
 * equality on their quarter columns.
 */
function countedReports(roadMapId: number, basis: FactBasis) {
  const statuses = basis === "accepted" ? ["accepted"] : ["accepted", "submitted"];
  return sql`
    counted_report AS MATERIALIZED (
      SELECT department_id, year, quarter FROM department_report
       WHERE road_map_id = ${roadMapId} AND status = ANY(${statuses}::text[])
    ),`;
}

function countedEntries(basis: FactBasis) {
  if (basis === "all") return sql``;
  return sql`JOIN counted_report r ON r.department_id = fq.department_id AND r.year = fq.year AND r.quarter = fq.quarter`;
}

/**
 * Items of a road map with their window figures and status: the SQL twin of itemFigures().
 * `sliced` counts one item per measure and share territory (a territory slice, or a breakdown by
 * territory): every territory holding a share of a split plan, or the measure's own territory when
 * its plan is not split; otherwise one item per measure. Deadline, weight and control state are those
 * in force on D (measure_term, joined by its range).
 */
function itemsQuery(scope: ExecutionScope, asOf: AsOf, thresholds: Thresholds, sliced: boolean) {
  const territoryFilter = scope.territoryIds !== null;
  const territoryIds = scope.territoryIds ?? [];
  const filters = [
    scope.sectionIds &&
      sql`AND (s.id = ANY(${scope.sectionIds}::int[]) OR s.parent_id = ANY(${scope.sectionIds}::int[]))`,
    scope.departmentIds && sql`AND m.responsible_department_id = ANY(${scope.departmentIds}::int[])`,
    scope.measureIds && sql`AND m.id = ANY(${scope.measureIds}::int[])`,
  ].filter((filter): filter is RawBuilder<unknown> => Boolean(filter));
  const inSlice = (column: string) =>
    territoryFilter ? sql`AND ${sql.ref(column)} = ANY(${territoryIds}::int[])` : sql``;
  const itemTerritory = (column: string) => (sliced ? sql.ref(column) : sql`NULL::int`);
  const d = sql`${asOf.date}::date`;
  const d0 = sql`${asOf.from ?? "0001-01-01"}::date`;
  const { year, quarter } = quarterOf(asOf.date);
  const yearStart = sql`${`${year}-01-01`}::date`;

  return sql`
    ${asOf.facts === "all" ? sql`` : countedReports(scope.roadMapId, asOf.facts)}
    scoped_measure AS MATERIALIZED (
      SELECT m.id, m.road_map_id, m.responsible_department_id, mt.weight::float8 AS weight, mt.deadline, mt.removed,
             m.territory_id, m.section_id, coalesce(s.parent_id, s.id) AS top_section_id,
             -- The road map's order: sections as placed, measures by number read as numbers (2.10 after 2.9).
             ARRAY[coalesce(parent.position, s.position), CASE WHEN s.parent_id IS NULL THEN -1 ELSE s.position END] AS section_order,
             (SELECT array_agg(lpad(part, 10, '0') ORDER BY n)
                FROM unnest(regexp_split_to_array(m.number, '[.-]')) WITH ORDINALITY AS parts(part, n)) AS number_order
        FROM measure m JOIN section s ON s.id = m.section_id
        JOIN measure_term mt ON mt.measure_id = m.id AND mt.valid_from <= ${d} AND mt.valid_until > ${d}
        LEFT JOIN section parent ON parent.id = s.parent_id
       WHERE m.road_map_id = ${scope.roadMapId} ${sql.join(filters, sql` `)}
    ),
    plan_share AS (
      SELECT p.measure_id, ${itemTerritory("p.territory_id")} AS territory_id,
             sum(p.planned::float8) FILTER (WHERE (p.ends_on <= ${d}
                                           OR (${asOf.includeCurrentQuarter}::boolean AND p.year = ${year} AND p.quarter = ${quarter}))
                                          AND p.ends_on >= ${d0}) AS plan,
             sum(p.planned::float8) AS total_plan,
             sum(p.planned::float8) FILTER (WHERE p.year = ${year}) AS year_plan
        FROM scoped_measure sm JOIN measure_plan p ON p.measure_id = sm.id
       WHERE TRUE ${inSlice("p.territory_id")}
       GROUP BY 1, 2
    ),
    -- Sums in double precision: exact at these magnitudes (quantities have at most 15 significant
    -- digits), and several times faster than numeric over a road map's 100 000 entries.
    -- Entries summed per measure, share and quarter first; the quarter's report then decides whether
    -- its facts count (joining the few reports to these sums keeps the plan linear in the entries).
    fact_quarter AS MATERIALIZED (
      SELECT e.measure_id, ${itemTerritory("e.territory_id")} AS territory_id, e.year, e.quarter,
             sm.responsible_department_id AS department_id,
             sum(e.value::float8) FILTER (WHERE e.entry_date >= ${d0}) AS fact,
             sum(e.value::float8) AS fact_to_date,
             sum(e.value::float8) FILTER (WHERE e.entry_date >= ${yearStart}) AS year_fact,
             sum(e.people_reached) FILTER (WHERE e.entry_date >= ${d0}) AS people_reached
        FROM scoped_measure sm JOIN progress_entry e ON e.measure_id = sm.id
       WHERE e.entry_date <= ${d} ${inSlice("e.territory_id")}
       GROUP BY 1, 2, 3, 4, 5
    ),
    fact_share AS (
      SELECT fq.measure_id, fq.territory_id,
             sum(fq.fact) AS fact, sum(fq.fact_to_date) AS fact_to_date,
             sum(fq.year_fact) AS year_fact, sum(fq.people_reached) AS people_reached
        FROM fact_quarter fq ${countedEntries(asOf.facts)}
       GROUP BY 1, 2
    ),
    item_key AS (
      ${
        sliced
          ? sql`SELECT measure_id, territory_id FROM plan_share
                UNION
                SELECT sm.id, sm.territory_id FROM scoped_measure sm
                 WHERE NOT EXISTS (SELECT FROM measure_plan p WHERE p.measure_id = sm.id AND p.territory_id <> sm.territory_id)
                       ${inSlice("sm.territory_id")}`
          : sql`SELECT id AS measure_id, NULL::int AS territory_id FROM scoped_measure`
      }
    ),
    item AS (
      SELECT sm.id AS measure_id, k.territory_id, sm.weight, sm.deadline, sm.section_id, sm.top_section_id,
             sm.responsible_department_id, sm.section_order, sm.number_order,
             coalesce(ps.plan, 0) AS plan,
             coalesce(ps.total_plan, 0) AS total_plan,
             coalesce(ps.year_plan, 0) AS year_plan,
             coalesce(fs.fact, 0) AS fact,
             coalesce(fs.fact_to_date, 0) AS fact_to_date,
             coalesce(fs.year_fact, 0) AS year_fact,
             coalesce(fs.people_reached, 0) AS people_reached,
             sm.removed,
             sm.deadline < ${d} AS past_deadline
        FROM item_key k
        JOIN scoped_measure sm ON sm.id = k.measure_id
        LEFT JOIN plan_share ps ON ps.measure_id = k.measure_id ${sliced ? sql`AND ps.territory_id = k.territory_id` : sql``}
        LEFT JOIN fact_share fs ON fs.measure_id = k.measure_id ${sliced ? sql`AND fs.territory_id = k.territory_id` : sql``}
    ),
    rated_all AS (
      SELECT item.*,
             CASE WHEN plan > 0 THEN least(fact / plan, 1) END AS execution,
             CASE WHEN year_plan > 0 THEN least(year_fact / year_plan, 1) END AS year_execution,
             CASE
               WHEN removed THEN 'removed'
               WHEN total_plan > 0 AND fact_to_date >= total_plan THEN 'done'
               WHEN past_deadline THEN 'overdue'
               WHEN plan > 0 AND least(fact / plan, 1) * 100 < ${thresholds.amber} THEN 'behind'
               ELSE 'on_track'
             END AS status
        FROM item
    ),
    rated AS (
      SELECT * FROM rated_all
       WHERE ${scope.statuses ? sql`status = ANY(${scope.statuses}::text[])` : sql`TRUE`}
    )`;
}

/** The aggregate columns of a group of rated items: weighted mean of capped execution, totals, status counts. */
const figureColumns = sql`
  sum(weight * execution) FILTER (WHERE NOT removed AND execution IS NOT NULL)
    / nullif(sum(weight) FILTER (WHERE NOT removed AND execution IS NOT NULL), 0) AS execution,
  sum(weight * year_execution) FILTER (WHERE NOT removed AND year_execution IS NOT NULL)
    / nullif(sum(weight) FILTER (WHERE NOT removed AND year_execution IS NOT NULL), 0) AS year_execution,
  coalesce(sum(plan) FILTER (WHERE NOT removed), 0) AS plan,
  coalesce(sum(fact) FILTER (WHERE NOT removed), 0) AS fact,
  coalesce(sum(year_plan) FILTER (WHERE NOT removed), 0) AS year_plan,
  coalesce(sum(year_fact) FILTER (WHERE NOT removed), 0) AS year_fact,
  coalesce(sum(people_reached) FILTER (WHERE NOT removed), 0) AS people_reached,
  count(*) FILTER (WHERE NOT removed AND execution IS NOT NULL)::int AS counted,
  count(*) FILTER (WHERE status = 'done')::int AS done,
  count(*) FILTER (WHERE status = 'on_track')::int AS on_track,
  count(*) FILTER (WHERE status = 'behind')::int AS behind,
  count(*) FILTER (WHERE status = 'overdue')::int AS overdue,
  count(*) FILTER (WHERE status = 'removed')::int AS removed`;

function figuresOf(row: RawFigures): ExecutionFigures {
  return {
    execution: row.execution,
    yearExecution: row.year_execution,
    plan: row.plan,
    fact: row.fact,
    yearPlan: row.year_plan,
    yearFact: row.year_fact,
    peopleReached: row.people_reached,
    counted: row.counted,
    statusCounts: {
      done: row.done,
      on_track: row.on_track,
      behind: row.behind,
      overdue: row.overdue,
      removed: row.removed,
    },
  };
}

/** Execution per section and subsection, and of the whole scope (the row with no section). */
export async function sectionExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
): Promise<SectionExecutionRow[]> {
  const { rows } = await sql<RawFigures & { top_section_id: number | null; section_id: number | null; level: number }>`
    WITH ${itemsQuery(scope, asOf, thresholds, scope.territoryIds !== null)}
    SELECT top_section_id, section_id, grouping(top_section_id, section_id)::int AS level, ${figureColumns}
      FROM rated
     GROUP BY GROUPING SETS ((top_section_id, section_id), (top_section_id), ())
  `.execute(db);
  return rows.map((row) => ({
    topSectionId: row.level === 3 ? null : row.top_section_id,
    sectionId: row.level === 0 ? row.section_id : null,
    ...figuresOf(row),
  }));
}

/** Execution per responsible department. */
export async function departmentExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
): Promise<GroupExecutionRow[]> {
  const { rows } = await sql<RawFigures & { group_id: number }>`
    WITH ${itemsQuery(scope, asOf, thresholds, scope.territoryIds !== null)}
    SELECT responsible_department_id AS group_id, ${figureColumns}
      FROM rated GROUP BY responsible_department_id
  `.execute(db);
  return rows.map((row) => ({ groupId: row.group_id, ...figuresOf(row) }));
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
  const { rows } = await sql<RawFigures & { group_id: number }>`
    WITH ${itemsQuery(scope, asOf, thresholds, true)},
    parent AS (SELECT array_length(path, 1) AS depth FROM territory WHERE id = ${parentId}),
    placed AS (
      SELECT rated.*, coalesce(t.path[parent.depth + 1], ${parentId}) AS group_id
        FROM rated JOIN territory t ON t.id = rated.territory_id CROSS JOIN parent
       WHERE t.path @> ARRAY[${parentId}]::int[]
    )
    SELECT group_id, ${figureColumns} FROM placed GROUP BY group_id
  `.execute(db);
  return rows.map((row) => ({ groupId: row.group_id, ...figuresOf(row) }));
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
  const { rows } = await sql<{
    measure_id: number;
    territory_id: number | null;
    deadline: string;
    weight: number;
    plan: number;
    fact: number;
    total_plan: number;
    year_plan: number;
    year_fact: number;
    people_reached: number;
    execution: number | null;
    status: MeasureStatus;
  }>`
    WITH ${itemsQuery(scope, asOf, thresholds, scope.territoryIds !== null)}
    SELECT measure_id, territory_id, deadline, weight, plan, fact, total_plan, year_plan, year_fact, people_reached,
           execution, status
      FROM rated ORDER BY section_order, number_order, measure_id, territory_id
  `.execute(db);
  return rows.map((row) => ({
    measureId: row.measure_id,
    territoryId: row.territory_id,
    deadline: row.deadline,
    weight: row.weight,
    plan: row.plan,
    fact: row.fact,
    totalPlan: row.total_plan,
    yearPlan: row.year_plan,
    yearFact: row.year_fact,
    peopleReached: row.people_reached,
    execution: row.execution,
    status: row.status,
  }));
}

export interface QuarterPointRow {
  year: number;
  quarter: number;
  quarterExecution: number | null;
  cumulativeExecution: number | null;
  plannedProgress: number | null;
  actualProgress: number | null;
}

/** The SQL twin of quarterSeries(): the road map quarter by quarter, over the programme's quarters. */
export async function quarterSeriesExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
  quarters: Array<{ year: number; quarter: number }>,
): Promise<QuarterPointRow[]> {
  const sliced = scope.territoryIds !== null;
  const territoryIds = scope.territoryIds ?? [];
  const last = quarterOf(asOf.date);
  const sameItem = (alias: string) => (sliced ? sql`AND ${sql.ref(`${alias}.territory_id`)} = si.territory_id` : sql``);
  const { rows } = await sql<{
    year: number;
    quarter: number;
    quarter_execution: number | null;
    cumulative_execution: number | null;
    planned_progress: number | null;
    actual_progress: number | null;
  }>`
    WITH ${itemsQuery(scope, asOf, thresholds, sliced)},
    series_item AS (SELECT measure_id, territory_id, weight, total_plan FROM rated WHERE NOT removed),
    quarter_list AS (
      SELECT * FROM unnest(${quarters.map((q) => q.year)}::int[], ${quarters.map((q) => q.quarter)}::int[])
        AS list(year, quarter)
    ),
    plan_quarter AS (
      SELECT p.measure_id, ${sliced ? sql`p.territory_id` : sql`NULL::int`} AS territory_id, p.year, p.quarter,
             sum(p.planned::float8) AS plan
        FROM scoped_measure sm JOIN measure_plan p ON p.measure_id = sm.id
       WHERE TRUE ${sliced ? sql`AND p.territory_id = ANY(${territoryIds}::int[])` : sql``}
       GROUP BY 1, 2, 3, 4
    ),
    counted_fact_quarter AS (
      SELECT fq.measure_id, fq.territory_id, fq.year, fq.quarter, sum(fq.fact_to_date) AS fact
        FROM fact_quarter fq ${countedEntries(asOf.facts)}
       GROUP BY 1, 2, 3, 4
    ),
    grid AS (
      SELECT si.measure_id, si.territory_id, si.weight, si.total_plan, ql.year, ql.quarter,
             coalesce(pq.plan, 0) AS plan, coalesce(fq.fact, 0) AS fact
        FROM series_item si CROSS JOIN quarter_list ql
        LEFT JOIN plan_quarter pq
          ON pq.measure_id = si.measure_id ${sameItem("pq")} AND pq.year = ql.year AND pq.quarter = ql.quarter
        LEFT JOIN counted_fact_quarter fq
          ON fq.measure_id = si.measure_id ${sameItem("fq")} AND fq.year = ql.year AND fq.quarter = ql.quarter
    ),
    running AS (
      SELECT grid.*,
             sum(plan) OVER item_time AS cumulative_plan,
             sum(fact) OVER item_time AS cumulative_fact
        FROM grid
      WINDOW item_time AS (PARTITION BY measure_id, territory_id ORDER BY year, quarter)
    )
    SELECT year, quarter,
           sum(weight * least(fact / plan, 1)) FILTER (WHERE plan > 0)
             / nullif(sum(weight) FILTER (WHERE plan > 0), 0) AS quarter_execution,
           sum(weight * least(cumulative_fact / cumulative_plan, 1)) FILTER (WHERE cumulative_plan > 0)
             / nullif(sum(weight) FILTER (WHERE cumulative_plan > 0), 0) AS cumulative_execution,
           sum(weight * least(cumulative_plan / total_plan, 1)) FILTER (WHERE total_plan > 0)
             / nullif(sum(weight) FILTER (WHERE total_plan > 0), 0) AS planned_progress,
           sum(weight * least(cumulative_fact / total_plan, 1)) FILTER (WHERE total_plan > 0)
             / nullif(sum(weight) FILTER (WHERE total_plan > 0), 0) AS actual_progress
      FROM running
     GROUP BY year, quarter
     ORDER BY year, quarter
  `.execute(db);
  const known = (row: { year: number; quarter: number }) =>
    row.year < last.year || (row.year === last.year && row.quarter <= last.quarter);
  const byQuarter = new Map(rows.map((row) => [`${row.year}-${row.quarter}`, row]));
  return quarters.map(({ year, quarter }) => {
    const row = byQuarter.get(`${year}-${quarter}`);
    return {
      year,
      quarter,
      quarterExecution: row && known(row) ? row.quarter_execution : null,
      cumulativeExecution: row && known(row) ? row.cumulative_execution : null,
      plannedProgress: row?.planned_progress ?? null,
      actualProgress: row && known(row) ? row.actual_progress : null,
    };
  });
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
