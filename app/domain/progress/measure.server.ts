import type { Kysely } from "kysely";
import type { Database, LocalizedText, ReportStatus } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { canWriteProgress } from "~/domain/auth/permissions.server";
import { filesOfEntries, type EvidenceFileView } from "~/domain/evidence/evidence.server";
import { itemFigures, type MeasureStatus } from "~/domain/execution/execution";
import { closedQuarters, quarterKey } from "~/domain/periods/periods.server";
import {
  compareQuarters,
  nextQuarter,
  quarterEnd,
  quarterOf,
  quarterStart,
  type Quarter,
} from "~/domain/periods/quarter";
import { requireVisibleRoadMap, subtreeTerritoryIds } from "~/domain/roadmap/roadmap.server";

export interface QuarterRow {
  quarter: Quarter;
  plan: number;
  fact: number;
  peopleReached: number;
  cumulativePlan: number;
  cumulativeFact: number;
  /** Cumulative execution at the quarter's end (or today while it runs); null for a quarter still to come. */
  execution: number | null;
  status: MeasureStatus | null;
  report: ReportStatus | null;
  closed: boolean;
}

export interface EntryView {
  id: number;
  version: number;
  territoryId: number;
  territoryName: LocalizedText;
  entryDate: string;
  value: number;
  peopleReached: number | null;
  /** The base recorded with the fact (a share-of-base measure). */
  base: number | null;
  narrative: LocalizedText | null;
  evidenceLinks: string[];
  evidenceFiles: EvidenceFileView[];
  behindReason: LocalizedText | null;
  author: string;
  /** The entry's quarter is closed, or its report is submitted or accepted. */
  locked: boolean;
}

/** Everything the measure page shows, narrowed to the user's slice of the road map. */
export async function measureDetail(db: Kysely<Database>, principal: Principal, measureId: number, today: string) {
  const measure = await db
    .selectFrom("measure as m")
    .innerJoin("section as s", "s.id", "m.section_id")
    .innerJoin("department as d", "d.id", "m.responsible_department_id")
    .innerJoin("territory as t", "t.id", "m.territory_id")
    .select([
      "m.id",
      "m.road_map_id",
      "m.section_id",
      "s.parent_id as section_parent_id",
      "s.title as section_title",
      "s.number as section_number",
      "m.number",
      "m.title",
      "m.completion_form",
      "m.unit",
      "m.responsible_department_id",
      "d.name as department_name",
      "d.head_name as department_head",
      "m.territory_id",
      "t.name as territory_name",
      "m.deadline",
      "m.funding_source",
      "m.planned_funding",
      "m.weight",
      "m.control_state",
      "m.removed_on",
      "m.removed_reason",
      "m.version",
    ])
    .where("m.id", "=", measureId)
    .executeTakeFirst();
  if (!measure) throw new Response("Not found", { status: 404 });
  const roadMap = await requireVisibleRoadMap(db, principal, measure.road_map_id);
  const { sectionIds } = roadMap.view;
  if (sectionIds && !sectionIds.includes(measure.section_id) && !sectionIds.includes(measure.section_parent_id ?? -1)) {
    throw new Response("Not found", { status: 404 });
  }
  const slice = roadMap.view.territoryIds ? new Set(await subtreeTerritoryIds(db, roadMap.view.territoryIds)) : null;
  const inSlice = (territoryId: number) => !slice || slice.has(territoryId);

  const [plans, entries, coExecutors, deadlineChanges, reports, closed] = await Promise.all([
    db
      .selectFrom("measure_plan")
      .selectAll()
      .where("measure_id", "=", measureId)
      .orderBy("year")
      .orderBy("quarter")
      .execute(),
    db
      .selectFrom("progress_entry as e")
      .innerJoin("app_user as u", "u.id", "e.author_id")
      .innerJoin("territory as t", "t.id", "e.territory_id")
      .selectAll("e")
      .select(["u.display_name as author", "t.name as territory_name"])
      .where("e.measure_id", "=", measureId)
      .orderBy("e.entry_date", "desc")
      .orderBy("e.id", "desc")
      .execute(),
    db
      .selectFrom("measure_co_executor as c")
      .innerJoin("department as d", "d.id", "c.department_id")
      .select(["d.id", "d.name"])
      .where("c.measure_id", "=", measureId)
      .execute(),
    db
      .selectFrom("measure_deadline_change")
      .select(["previous_deadline", "new_deadline", "reason", "changed_at"])
      .where("measure_id", "=", measureId)
      .orderBy("changed_at")
      .execute(),
    db
      .selectFrom("department_report")
      .select(["year", "quarter", "status"])
      .where("road_map_id", "=", measure.road_map_id)
      .where("department_id", "=", measure.responsible_department_id)
      .execute(),
    closedQuarters(db, measure.road_map_id),
  ]);
  const shownPlans = plans.filter((p) => inSlice(p.territory_id));
  const shownEntries = entries.filter((e) => inSlice(e.territory_id));
  const files = await filesOfEntries(
    db,
    shownEntries.map((e) => e.id),
  );
  // A reader of a territory slice sees a measure the dashboard lists for the slice: one of its own
  // territory, or with a plan share or an entry there.
  if (slice && !inSlice(measure.territory_id) && shownPlans.length === 0 && shownEntries.length === 0) {
    throw new Response("Not found", { status: 404 });
  }
  const reportOf = (q: Quarter) => reports.find((r) => r.year === q.year && r.quarter === q.quarter)?.status ?? null;
  const lockedQuarter = (q: Quarter) =>
    closed.has(quarterKey(q)) || ["submitted", "accepted"].includes(reportOf(q) ?? "");

  // Quarters from the first planned or reported one to the last planned one, or today's.
  const points = [
    ...shownPlans.map((p) => ({ year: p.year, quarter: p.quarter as Quarter["quarter"] })),
    ...shownEntries.map((e) => quarterOf(e.entry_date)),
    quarterOf(today),
  ];
  const first = points.reduce((a, b) => (compareQuarters(a, b) <= 0 ? a : b));
  const last = points.reduce((a, b) => (compareQuarters(a, b) >= 0 ? a : b));
  const measureFacts = {
    id: measure.id,
    territoryId: measure.territory_id,
    weight: measure.weight,
    deadline: measure.deadline,
    removedOn: measure.removed_on,
  };
  const planRows = shownPlans.map((p) => ({
    measureId: p.measure_id,
    territoryId: p.territory_id,
    year: p.year,
    quarter: p.quarter,
    planned: p.planned,
  }));
  const entryRows = shownEntries.map((e) => ({
    measureId: e.measure_id,
    territoryId: e.territory_id,
    entryDate: e.entry_date,
    value: e.value,
    peopleReached: e.people_reached,
    reportStatus: null,
  }));
  const quarters: QuarterRow[] = [];
  let cumulativePlan = 0;
  let cumulativeFact = 0;
  for (let q = first; compareQuarters(q, last) <= 0; q = nextQuarter(q)) {
    const end = quarterEnd(q);
    const inQuarter = shownEntries.filter((e) => quarterKey(quarterOf(e.entry_date)) === quarterKey(q));
    const plan = shownPlans
      .filter((p) => p.year === q.year && p.quarter === q.quarter)
      .reduce((sum, p) => sum + p.planned, 0);
    const fact = inQuarter.reduce((sum, e) => sum + e.value, 0);
    cumulativePlan += plan;
    cumulativeFact += fact;
    const future = quarterStart(q) > today;
    const [item] = itemFigures({
      measures: [measureFacts],
      plans: planRows,
      entries: entryRows,
      asOf: { date: today < end ? today : end, includeCurrentQuarter: true, facts: "all" },
      thresholds: roadMap.thresholds,
    });
    quarters.push({
      quarter: q,
      plan,
      fact,
      peopleReached: inQuarter.reduce((sum, e) => sum + (e.people_reached ?? 0), 0),
      cumulativePlan,
      cumulativeFact,
      execution: future ? null : (item?.execution ?? null),
      status: future ? null : (item?.status ?? "on_track"),
      report: reportOf(q),
      closed: closed.has(quarterKey(q)),
    });
  }

  // An entry names one of the measure's shares, or the measure's own territory when it has none.
  const shareIds = [...new Set(shownPlans.map((p) => p.territory_id))];
  const entryTerritories = await db
    .selectFrom("territory")
    .select(["id", "name"])
    .where("id", "in", shareIds.length ? shareIds : [measure.territory_id])
    .orderBy("id")
    .execute();

  return {
    measure: {
      ...measure,
      coExecutors,
      deadlineChanges,
    },
    roadMap,
    quarters,
    entries: shownEntries.map((e): EntryView => ({
      id: e.id,
      version: e.version,
      territoryId: e.territory_id,
      territoryName: e.territory_name,
      entryDate: e.entry_date,
      value: e.value,
      peopleReached: e.people_reached,
      base: e.base,
      narrative: e.narrative,
      evidenceLinks: e.evidence_links,
      evidenceFiles: files.get(e.id) ?? [],
      behindReason: e.behind_reason,
      author: e.author,
      locked: lockedQuarter(quarterOf(e.entry_date)),
    })),
    entryTerritories: entryTerritories.filter((t) => inSlice(t.id)),
    canWrite: canWriteProgress(principal, measure.responsible_department_id),
    programmeYears: { start: roadMap.startYear, end: roadMap.endYear },
  };
}

export type MeasureDetail = Awaited<ReturnType<typeof measureDetail>>;
