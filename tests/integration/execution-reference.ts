import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import {
  groupFigures,
  itemFigures,
  quarterSeries,
  type AsOf,
  type ItemFigures,
  type Thresholds,
} from "~/domain/execution/execution";
import type {
  ExecutionFigures,
  ExecutionScope,
  GroupExecutionRow,
  ItemRow,
  QuarterPointRow,
  SectionExecutionRow,
} from "~/domain/execution/execution.server";

// The reference calculator's answers for the rows the SQL of execution.server.ts aggregates, in the
// same shapes, so that tests can compare them.

interface ReferenceMeasure {
  id: number;
  territory_id: number;
  weight: number;
  deadline: string;
  removed_on: string | null;
  section_id: number;
  parent_id: number | null;
  responsible_department_id: number;
}

export async function referenceItems(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
  territoryIds: number[] | null,
): Promise<{
  items: ItemFigures[];
  measures: Map<number, ReferenceMeasure>;
  input: Parameters<typeof itemFigures>[0];
}> {
  const all = await db
    .selectFrom("measure as m")
    .innerJoin("section as s", "s.id", "m.section_id")
    .select([
      "m.id",
      "m.territory_id",
      "m.weight",
      "m.deadline",
      "m.removed_on",
      "m.section_id",
      "s.parent_id",
      "m.responsible_department_id",
    ])
    .where("m.road_map_id", "=", scope.roadMapId)
    .execute();
  const inScope = all.filter(
    (m) =>
      (!scope.sectionIds ||
        scope.sectionIds.includes(m.section_id) ||
        (m.parent_id !== null && scope.sectionIds.includes(m.parent_id))) &&
      (!scope.departmentIds || scope.departmentIds.includes(m.responsible_department_id)),
  );
  const ids = inScope.map((m) => m.id);
  // The change logs as written, oldest first: the reference works out what was in force from them.
  const [deadlineChanges, weightChanges, controlChanges] = ids.length
    ? await Promise.all([
        db
          .selectFrom("measure_deadline_change")
          .select(["measure_id", "changed_on", "previous_deadline"])
          .where("measure_id", "in", ids)
          .orderBy("id")
          .execute(),
        db
          .selectFrom("measure_weight_change")
          .select(["measure_id", "changed_on", "previous_weight"])
          .where("measure_id", "in", ids)
          .orderBy("id")
          .execute(),
        db
          .selectFrom("measure_control_change")
          .select(["measure_id", "changed_on", "control_state"])
          .where("measure_id", "in", ids)
          .orderBy("id")
          .execute(),
      ])
    : [[], [], []];
  const plans = ids.length
    ? await db.selectFrom("measure_plan").selectAll().where("measure_id", "in", ids).execute()
    : [];
  const entries = ids.length
    ? await db
        .selectFrom("progress_entry as e")
        .innerJoin("measure as m", "m.id", "e.measure_id")
        .leftJoin("department_report as r", (join) =>
          join
            .onRef("r.road_map_id", "=", "m.road_map_id")
            .onRef("r.department_id", "=", "m.responsible_department_id")
            .on(
              sql<boolean>`r.year = extract(year FROM e.entry_date) AND r.quarter = extract(quarter FROM e.entry_date)`,
            ),
        )
        .select(["e.measure_id", "e.territory_id", "e.entry_date", "e.value", "e.people_reached", "r.status"])
        .where("e.measure_id", "in", ids)
        .execute()
    : [];

  const input = {
    measures: inScope.map((m) => ({
      id: m.id,
      territoryId: m.territory_id,
      weight: m.weight,
      deadline: m.deadline,
      removedOn: m.removed_on,
      history: {
        deadlines: deadlineChanges
          .filter((c) => c.measure_id === m.id)
          .map((c) => ({ changedOn: c.changed_on, previousDeadline: c.previous_deadline })),
        weights: weightChanges
          .filter((c) => c.measure_id === m.id)
          .map((c) => ({ changedOn: c.changed_on, previousWeight: c.previous_weight })),
        control: controlChanges
          .filter((c) => c.measure_id === m.id)
          .map((c) => ({ changedOn: c.changed_on, controlState: c.control_state })),
      },
    })),
    plans: plans.map((p) => ({
      measureId: p.measure_id,
      territoryId: p.territory_id,
      year: p.year,
      quarter: p.quarter,
      planned: p.planned,
    })),
    entries: entries.map((e) => ({
      measureId: e.measure_id,
      territoryId: e.territory_id,
      entryDate: e.entry_date,
      value: e.value,
      peopleReached: e.people_reached,
      reportStatus: e.status,
    })),
    asOf,
    thresholds,
    territoryIds: territoryIds ? new Set(territoryIds) : null,
  };
  const items = itemFigures(input);
  return {
    items: scope.statuses ? items.filter((item) => scope.statuses!.includes(item.status)) : items,
    measures: new Map(inScope.map((m) => [m.id, m])),
    input,
  };
}

/** A group's figures, each item weighed by its measure's weight in force on D. */
function figures(items: ItemFigures[]): ExecutionFigures {
  const { execution, yearExecution, plan, fact, yearPlan, yearFact, peopleReached, counted, statusCounts } =
    groupFigures(items);
  return { execution, yearExecution, plan, fact, yearPlan, yearFact, peopleReached, counted, statusCounts };
}

function groupBy<K>(items: ItemFigures[], key: (item: ItemFigures) => K): Map<K, ItemFigures[]> {
  const groups = new Map<K, ItemFigures[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export async function referenceSectionExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
): Promise<SectionExecutionRow[]> {
  const { items, measures } = await referenceItems(db, scope, asOf, thresholds, scope.territoryIds);
  const topOf = (item: ItemFigures) => {
    const m = measures.get(item.measureId)!;
    return m.parent_id ?? m.section_id;
  };
  return [
    { topSectionId: null, sectionId: null, ...figures(items) },
    ...[...groupBy(items, topOf)].map(([top, group]) => ({
      topSectionId: top,
      sectionId: null,
      ...figures(group),
    })),
    ...[...groupBy(items, (item) => `${topOf(item)}:${measures.get(item.measureId)!.section_id}`)].map(
      ([key, group]) => {
        const [top, section] = key.split(":").map(Number) as [number, number];
        return { topSectionId: top, sectionId: section, ...figures(group) };
      },
    ),
  ];
}

export async function referenceDepartmentExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
): Promise<GroupExecutionRow[]> {
  const { items, measures } = await referenceItems(db, scope, asOf, thresholds, scope.territoryIds);
  return [...groupBy(items, (item) => measures.get(item.measureId)!.responsible_department_id)].map(([id, group]) => ({
    groupId: id,
    ...figures(group),
  }));
}

export async function referenceTerritoryExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
  parentId: number,
): Promise<GroupExecutionRow[]> {
  const territories = await db.selectFrom("territory").select(["id", "path"]).execute();
  const below = territories.filter((t) => t.path.includes(parentId));
  const allowed = scope.territoryIds ? below.filter((t) => scope.territoryIds!.includes(t.id)) : below;
  const { items } = await referenceItems(
    db,
    scope,
    asOf,
    thresholds,
    allowed.map((t) => t.id),
  );
  const parentDepth = territories.find((t) => t.id === parentId)!.path.length;
  const childOf = (territoryId: number) => territories.find((t) => t.id === territoryId)!.path[parentDepth] ?? parentId;
  return [...groupBy(items, (item) => childOf(item.territoryId!))].map(([id, group]) => ({
    groupId: id,
    ...figures(group),
  }));
}

export async function referenceItemExecution(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
): Promise<ItemRow[]> {
  const { items } = await referenceItems(db, scope, asOf, thresholds, scope.territoryIds);
  return items.map((item) => ({
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

export async function referenceQuarterSeries(
  db: Kysely<Database>,
  scope: ExecutionScope,
  asOf: AsOf,
  thresholds: Thresholds,
  quarters: Array<{ year: number; quarter: number }>,
): Promise<QuarterPointRow[]> {
  const { input } = await referenceItems(db, scope, asOf, thresholds, scope.territoryIds);
  return quarterSeries({
    ...input,
    quarters,
    keep: scope.statuses ? (item) => scope.statuses!.includes(item.status) : undefined,
  });
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 1e9) / 1e9);

/** Rows in one order, numbers rounded past floating-point noise, for a deep comparison. */
export function comparable<Row extends object>(rows: Row[]): Row[] {
  return rows
    .map(
      (row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [key, typeof value === "number" ? round(value) : value]),
        ) as Row,
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
