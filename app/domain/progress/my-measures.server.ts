import type { Kysely } from "kysely";
import type { Database, LocalizedText, MeasureUnit, ReportStatus } from "~db/schema";
import { itemFigures, type MeasureStatus } from "~/domain/execution/execution";
import { cachedFigures } from "~/domain/execution/figures-cache.server";
import { closedQuarters, quarterKey } from "~/domain/periods/periods.server";
import { quarterEnd, quarterStart, type Quarter } from "~/domain/periods/quarter";

export interface MyMeasure {
  id: number;
  number: string;
  title: LocalizedText;
  unit: MeasureUnit;
  deadline: string;
  roadMapId: number;
  roadMapTitle: LocalizedText;
  departmentId: number;
  sectionId: number;
  territoryId: number;
  /** Territories of the measure's shares, for the entry form (the measure's own when not shared). */
  shareTerritories: Array<{ id: number; name: LocalizedText }>;
  quarterPlan: number;
  quarterFact: number;
  quarterEntries: number;
  /**
   * The quarter's saved entries, oldest first, with the version an edit starts from; only for the
   * measures asked for (see `departmentQuarters`), empty for the others.
   */
  savedEntries: Array<{
    id: number;
    version: number;
    entryDate: string;
    value: number;
    territoryId: number;
    fromSheet: boolean;
    /** What the reviewer judges: the narrative, the reason if behind, the evidence. */
    narrative: LocalizedText | null;
    behindReason: LocalizedText | null;
    evidenceLinks: string[];
  }>;
  /** Cumulative execution and status at the quarter's end, or today while it runs. */
  execution: number | null;
  status: MeasureStatus;
  /** The quarter has ended, something was planned in it, and nothing was entered. */
  reportMissing: boolean;
}

export interface DepartmentQuarter {
  roadMapId: number;
  roadMapTitle: LocalizedText;
  departmentId: number;
  departmentName: LocalizedText;
  report: { id: number; status: ReportStatus; version: number; comment: string | null } | null;
  closed: boolean;
  measures: MyMeasure[];
}

/** The measures whose saved entries (with their narratives) are read: every one, or only these. */
export type SavedEntriesOf = "all" | ReadonlySet<number>;

/**
 * The measures a department reports on, grouped by road map, with their figures for one quarter.
 * Facts here are every entry, submitted or not: it is the department's own working view. Figures
 * need only each entry's date, place and value; the quarter's entries themselves (narratives,
 * reasons, evidence) are read for `savedEntriesOf` only, so that a long list stays cheap.
 */
export async function departmentQuarters(
  db: Kysely<Database>,
  departmentIds: number[],
  quarter: Quarter,
  today: string,
  savedEntriesOf: SavedEntriesOf = "all",
): Promise<DepartmentQuarter[]> {
  if (departmentIds.length === 0) return [];
  const measures = await db
    .selectFrom("measure as m")
    .innerJoin("road_map as rm", "rm.id", "m.road_map_id")
    .innerJoin("programme as p", "p.id", "rm.programme_id")
    .innerJoin("department as d", "d.id", "m.responsible_department_id")
    .innerJoin("territory as own", "own.id", "m.territory_id")
    .select([
      "own.name as territory_name",
      "m.id",
      "m.number",
      "m.title",
      "m.unit",
      "m.deadline",
      "m.weight",
      "m.removed_on",
      "m.territory_id",
      "m.section_id",
      "m.road_map_id",
      "rm.title as road_map_title",
      "p.rag_green",
      "p.rag_amber",
      "d.id as department_id",
      "d.name as department_name",
    ])
    .where("m.responsible_department_id", "in", departmentIds)
    .where("m.control_state", "=", "on_control")
    .where("p.start_year", "<=", quarter.year)
    .where("p.end_year", ">=", quarter.year)
    .orderBy("m.road_map_id")
    .orderBy("m.id")
    .execute();
  if (measures.length === 0) return [];
  const measureIds = measures.map((m) => m.id);
  const end = quarterEnd(quarter);
  const start = quarterStart(quarter);
  const detailIds = savedEntriesOf === "all" ? measureIds : measureIds.filter((id) => savedEntriesOf.has(id));
  const roadMapIds = [...new Set(measures.map((m) => m.road_map_id))];
  const asOfDate = today < end ? today : end;
  const [figureGroups, savedRows, reports, territories, closed] = await Promise.all([
    Promise.all(
      roadMapIds.map((roadMapId) => {
        const own = measures.filter((m) => m.road_map_id === roadMapId);
        return quarterFigures(db, roadMapId, departmentIds, own, quarter, asOfDate);
      }),
    ),
    detailIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom("progress_entry")
          .select([
            "id",
            "measure_id",
            "version",
            "entry_date",
            "value",
            "territory_id",
            "import_batch_id",
            "narrative",
            "behind_reason",
            "evidence_links",
          ])
          .where("measure_id", "in", detailIds)
          .where("entry_date", ">=", start)
          .where("entry_date", "<=", end)
          .orderBy("entry_date")
          .orderBy("id")
          .execute(),
    db
      .selectFrom("department_report")
      .select(["id", "road_map_id", "department_id", "status", "version", "review_comment"])
      .where("department_id", "in", departmentIds)
      .where("year", "=", quarter.year)
      .where("quarter", "=", quarter.quarter)
      .execute(),
    db
      .selectFrom("measure_plan as p")
      .innerJoin("territory as t", "t.id", "p.territory_id")
      .select(["p.measure_id", "t.id", "t.name"])
      .distinct()
      .where("p.measure_id", "in", measureIds)
      .execute(),
    Promise.all(roadMapIds.map(async (id) => [id, await closedQuarters(db, id)] as const)),
  ]);

  const closedByRoadMap = new Map(closed);
  const figures = new Map(figureGroups.flat().map((figure) => [figure.measureId, figure]));
  const savedOf = groupBy(savedRows, (e) => e.measure_id);
  const sharesOf = groupBy(territories, (t) => t.measure_id);

  const groups = new Map<string, DepartmentQuarter>();
  for (const measure of measures) {
    const item = figures.get(measure.id);
    const quarterPlan = item?.quarterPlan ?? 0;
    const quarterEntries = item?.quarterEntries ?? 0;
    const shares = (sharesOf.get(measure.id) ?? []).map((t) => ({ id: t.id, name: t.name }));

    const key = `${measure.road_map_id}:${measure.department_id}`;
    let group = groups.get(key);
    if (!group) {
      const report = reports.find(
        (r) => r.road_map_id === measure.road_map_id && r.department_id === measure.department_id,
      );
      group = {
        roadMapId: measure.road_map_id,
        roadMapTitle: measure.road_map_title,
        departmentId: measure.department_id,
        departmentName: measure.department_name,
        report: report
          ? { id: report.id, status: report.status, version: report.version, comment: report.review_comment }
          : null,
        closed: closedByRoadMap.get(measure.road_map_id)!.has(quarterKey(quarter)),
        measures: [],
      };
      groups.set(key, group);
    }
    group.measures.push({
      id: measure.id,
      number: measure.number,
      title: measure.title,
      unit: measure.unit,
      deadline: measure.deadline,
      roadMapId: measure.road_map_id,
      roadMapTitle: measure.road_map_title,
      departmentId: measure.department_id,
      sectionId: measure.section_id,
      territoryId: measure.territory_id,
      shareTerritories: shares.length ? shares : [{ id: measure.territory_id, name: measure.territory_name }],
      quarterPlan,
      quarterFact: item?.quarterFact ?? 0,
      quarterEntries,
      savedEntries: (savedOf.get(measure.id) ?? []).map((e) => ({
        id: e.id,
        version: e.version,
        entryDate: e.entry_date,
        value: e.value,
        territoryId: e.territory_id,
        fromSheet: e.import_batch_id !== null,
        narrative: e.narrative,
        behindReason: e.behind_reason,
        evidenceLinks: e.evidence_links,
      })),
      execution: item?.execution ?? null,
      status: item?.status ?? "on_track",
      reportMissing: today > end && quarterPlan > 0 && quarterEntries === 0,
    });
  }
  return [...groups.values()];
}

interface MeasureQuarterFigures {
  measureId: number;
  quarterPlan: number;
  quarterFact: number;
  quarterEntries: number;
  execution: number | null;
  status: MeasureStatus;
}

/**
 * The quarter's plan, fact and entry count and the execution and status as of `asOfDate` of one road
 * map's measures of these departments, from every plan row and entry: the heavy part of the page
 * (a 500-measure department reads ≈ 15 000 rows), kept until the road map's revision moves.
 */
function quarterFigures(
  db: Kysely<Database>,
  roadMapId: number,
  departmentIds: number[],
  measures: Array<{
    id: number;
    territory_id: number;
    weight: number;
    deadline: string;
    removed_on: string | null;
    rag_green: number;
    rag_amber: number;
  }>,
  quarter: Quarter,
  asOfDate: string,
): Promise<MeasureQuarterFigures[]> {
  const measureIds = measures.map((m) => m.id);
  const key = { kind: "department-quarter", departmentIds, quarter, asOfDate, measureIds };
  return cachedFigures(db, roadMapId, key, async () => {
    const start = quarterStart(quarter);
    const end = quarterEnd(quarter);
    const [plans, entries] = await Promise.all([
      db
        .selectFrom("measure_plan")
        .select(["measure_id", "territory_id", "year", "quarter", "planned"])
        .where("measure_id", "in", measureIds)
        .execute(),
      db
        .selectFrom("progress_entry")
        .select(["measure_id", "territory_id", "entry_date", "value", "people_reached"])
        .where("measure_id", "in", measureIds)
        .execute(),
    ]);
    const items = itemFigures({
      measures: measures.map((m) => ({
        id: m.id,
        territoryId: m.territory_id,
        weight: m.weight,
        deadline: m.deadline,
        removedOn: m.removed_on,
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
        reportStatus: null,
      })),
      asOf: { date: asOfDate, includeCurrentQuarter: true, facts: "all" },
      thresholds: { green: measures[0]!.rag_green, amber: measures[0]!.rag_amber },
    });
    const itemOf = new Map(items.map((item) => [item.measureId, item]));
    const plansOf = groupBy(plans, (p) => p.measure_id);
    const entriesOf = groupBy(entries, (e) => e.measure_id);
    return measures.map((measure) => {
      const inQuarter = (entriesOf.get(measure.id) ?? []).filter((e) => e.entry_date >= start && e.entry_date <= end);
      const item = itemOf.get(measure.id);
      return {
        measureId: measure.id,
        quarterPlan: (plansOf.get(measure.id) ?? [])
          .filter((p) => p.year === quarter.year && p.quarter === quarter.quarter)
          .reduce((sum, p) => sum + p.planned, 0),
        quarterFact: inQuarter.reduce((sum, e) => sum + e.value, 0),
        quarterEntries: inQuarter.length,
        execution: item?.execution ?? null,
        status: item?.status ?? "on_track",
      };
    });
  });
}

function groupBy<T>(rows: T[], keyOf: (row: T) => number): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = grouped.get(key);
    if (list) list.push(row);
    else grouped.set(key, [row]);
  }
  return grouped;
}
