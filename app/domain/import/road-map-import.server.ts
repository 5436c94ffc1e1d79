import { sql, type Kysely, type Transaction } from "kysely";
import { withActor } from "~db/actor";
import type { Database, LocalizedText } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { claimSubmission, recordSubmissionOutcome } from "~/domain/editing/submission.server";
import { claimVersion, type VersionedTable } from "~/domain/editing/versioned.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { closedQuarters } from "~/domain/periods/periods.server";
import type { KnownDepartment } from "./department-names";
import {
  planImport,
  type DepartmentRef,
  type ImportChoices,
  type ImportPlan,
  type ImportSummary,
  type RoadMapState,
} from "./import-plan";
import type { ReadResult } from "./road-map-sheet";
import type { UploadedFile } from "./uploads.server";

// The road-map import against the database: what a read file would change (the preview), and the
// change itself, all or nothing, in one transaction that first makes sure the road map is still as
// the preview saw it. Rows go in by the chunk, one query per table per chunk: a regional road map
// has thousands of measures.

type Db = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;

const CHUNK = 500;

export interface ImportPreview {
  plan: ImportPlan;
  roadMap: { id: number; title: LocalizedText; territoryId: number; startYear: number; endYear: number };
  /** Departments an executor may be mapped to (and the names of those the plan refers to). */
  departments: KnownDepartment[];
  /** Sections by the plan's keys, stored ones included: what a measure moves from and to. */
  sectionLabels: Record<string, { number: string | null; title: LocalizedText }>;
}

export interface ImportOutcome {
  batchId: number | null;
  summary: ImportSummary;
  /** The file changes nothing: nothing was written, not even a batch. */
  nothingChanged: boolean;
}

function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

async function roadMapOf(db: Db, roadMapId: number) {
  const roadMap = await db
    .selectFrom("road_map as rm")
    .innerJoin("programme as p", "p.id", "rm.programme_id")
    .innerJoin("territory as t", "t.id", "rm.territory_id")
    .leftJoin("road_map_revision as r", "r.road_map_id", "rm.id")
    .select(["rm.id", "rm.title", "rm.territory_id", "t.path", "p.start_year", "p.end_year", "r.revision"])
    .where("rm.id", "=", roadMapId)
    .executeTakeFirst();
  if (!roadMap) throw notFound();
  return roadMap;
}

/** Everything of a road map the import compares a file with. */
export async function loadRoadMapState(db: Db, roadMapId: number): Promise<RoadMapState> {
  const roadMap = await roadMapOf(db, roadMapId);
  const [sections, measures, coExecutors, plans, departments, entries, closed] = await Promise.all([
    db
      .selectFrom("section")
      .select(["id", "version", "number", "title", "parent_id", "position"])
      .where("road_map_id", "=", roadMapId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("measure")
      .select([
        "id",
        "version",
        "number",
        "section_id",
        "title",
        "completion_form",
        "unit",
        "responsible_department_id",
        "deadline",
        "deadline_text",
        "deadline_recurrence",
        "funding_source",
        "planned_funding",
      ])
      .where("road_map_id", "=", roadMapId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("measure_co_executor as c")
      .innerJoin("measure as m", "m.id", "c.measure_id")
      .select(["c.measure_id", "c.department_id"])
      .where("m.road_map_id", "=", roadMapId)
      .execute(),
    db
      .selectFrom("measure_plan as p")
      .innerJoin("measure as m", "m.id", "p.measure_id")
      .select(["p.id", "p.version", "p.measure_id", "p.year", "p.quarter", "p.planned"])
      .where("m.road_map_id", "=", roadMapId)
      .where("p.territory_id", "=", roadMap.territory_id)
      .execute(),
    // Departments of the road map's territory, of those above it and below it: the «Управление
    // культуры» of another oblast is not this one.
    db
      .selectFrom("department as d")
      .innerJoin("territory as t", "t.id", "d.territory_id")
      .select(["d.id", "d.name"])
      .where((eb) =>
        eb.or([
          eb("t.id", "in", roadMap.path),
          sql<boolean>`t.path @> ARRAY[${roadMap.territory_id}]::int[]`,
          eb(
            "d.id",
            "in",
            eb.selectFrom("measure").select("responsible_department_id").where("road_map_id", "=", roadMapId),
          ),
        ]),
      )
      .orderBy("d.id")
      .execute(),
    db
      .selectFrom("progress_entry as e")
      .innerJoin("measure as m", "m.id", "e.measure_id")
      .select(["e.id", "e.version", "e.source_key", "e.value", "e.entry_date", "e.people_reached", "e.narrative"])
      .where("m.road_map_id", "=", roadMapId)
      .where("e.source_key", "like", `roadmap:${roadMapId}:%`)
      .execute(),
    closedQuarters(db, roadMapId),
  ]);
  const coByMeasure = new Map<number, number[]>();
  for (const row of coExecutors)
    coByMeasure.set(row.measure_id, [...(coByMeasure.get(row.measure_id) ?? []), row.department_id]);
  const plansByMeasure = new Map<number, RoadMapState["measures"][number]["plans"]>();
  for (const plan of plans) {
    const list = plansByMeasure.get(plan.measure_id) ?? [];
    list.push({ id: plan.id, version: plan.version, year: plan.year, quarter: plan.quarter, planned: plan.planned });
    plansByMeasure.set(plan.measure_id, list);
  }
  return {
    roadMapId,
    territoryId: roadMap.territory_id,
    startYear: roadMap.start_year,
    endYear: roadMap.end_year,
    revision: Number(roadMap.revision ?? 0),
    sections: sections.map((s) => ({
      id: s.id,
      version: s.version,
      number: s.number,
      title: s.title,
      parentId: s.parent_id,
      position: s.position,
    })),
    measures: measures.map((m) => ({
      id: m.id,
      version: m.version,
      number: m.number,
      sectionId: m.section_id,
      title: m.title,
      completionForm: m.completion_form,
      unit: m.unit,
      responsibleDepartmentId: m.responsible_department_id,
      coExecutorIds: coByMeasure.get(m.id) ?? [],
      deadline: m.deadline,
      deadlineText: m.deadline_text,
      deadlineRecurrence: m.deadline_recurrence,
      fundingSource: m.funding_source,
      plannedFunding: m.planned_funding,
      plans: plansByMeasure.get(m.id) ?? [],
    })),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    importedEntries: entries.map((e) => ({
      id: e.id,
      version: e.version,
      sourceKey: e.source_key!,
      value: e.value,
      entryDate: e.entry_date,
      peopleReached: e.people_reached,
      narrative: e.narrative,
    })),
    closedQuarters: [...closed],
  };
}

/** What saving the read file would do to the road map, with everything that stops it. Admins only. */
export async function previewRoadMapImport(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
  read: ReadResult,
  choices: ImportChoices,
): Promise<ImportPreview> {
  requireAdmin(principal);
  const [roadMap, state] = await Promise.all([roadMapOf(db, roadMapId), loadRoadMapState(db, roadMapId)]);
  const plan = planImport(state, read, choices);
  const sectionLabels: ImportPreview["sectionLabels"] = {};
  for (const section of state.sections) {
    sectionLabels[section.number !== null ? `n:${section.number}` : `id:${section.id}`] = {
      number: section.number,
      title: section.title,
    };
  }
  for (const section of plan.sections) sectionLabels[section.key] = { number: section.number, title: section.title };
  return {
    plan,
    roadMap: {
      id: roadMap.id,
      title: roadMap.title,
      territoryId: roadMap.territory_id,
      startYear: roadMap.start_year,
      endYear: roadMap.end_year,
    },
    departments: state.departments,
    sectionLabels,
  };
}

/** The reason kept with every row the import changes, and with a deadline it moves. */
function importReason(fileName: string): LocalizedText {
  return { kk: `«${fileName}» файлынан импорт`, ru: `Импорт из файла «${fileName}»` };
}

const chunks = <T>(rows: T[]): T[][] => {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += CHUNK) out.push(rows.slice(start, start + CHUNK));
  return out;
};

/** An update that must find the row at the version the plan read; otherwise StaleEdit says what changed. */
async function updateAtVersion(
  trx: Trx,
  table: VersionedTable,
  id: number,
  version: number,
  update: () => Promise<{ numUpdatedRows: bigint }>,
) {
  const result = await update();
  if (Number(result.numUpdatedRows) !== 1) await claimVersion(trx, table, id, version);
}

/**
 * Saves the read file into the road map, all or nothing: refused when the road map changed since the
 * preview (its revision moved), when the file has errors, or when the same form was saved already.
 * Measures are matched by number; none is ever deleted. Admins only.
 */
export async function applyRoadMapImport(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
  file: Pick<UploadedFile, "name" | "sha256">,
  read: ReadResult,
  choices: ImportChoices,
  expected: { revision: number; submissionKey?: string },
  /** The day a deadline the import moves takes effect. */
  today: string,
): Promise<ImportOutcome> {
  requireAdmin(principal);
  const reason = importReason(file.name);
  return withActor(
    db,
    principal.id,
    async (trx) => {
      // The form's key first: a second post of the same form waits for the first, then learns it was saved.
      if (expected.submissionKey) await claimSubmission(trx, principal.id, expected.submissionKey);
      // Every change of the road map moves its revision: holding the row keeps them out until this commits.
      const { rows } = await sql<{ revision: number | string }>`
        SELECT revision FROM road_map_revision WHERE road_map_id = ${roadMapId} FOR UPDATE`.execute(trx);
      if (Number(rows[0]?.revision ?? 0) !== expected.revision) throw new RefusedWrite("roadMapImport.stale");

      const state = await loadRoadMapState(trx, roadMapId);
      const plan = planImport(state, read, choices);
      if (plan.summary.errors > 0)
        throw new RefusedWrite("oneLanguage.counts.importErrors", { count: plan.summary.errors });
      const outcome = await carryOut(trx, principal, state, plan, file, reason, today);
      if (expected.submissionKey) {
        await recordSubmissionOutcome(trx, expected.submissionKey, {
          batchId: outcome.batchId,
          summary: outcome.summary,
        });
      }
      return outcome;
    },
    { reason: `${reason.kk} / ${reason.ru}` },
  );
}

function changesAnything(plan: ImportPlan): boolean {
  return (
    plan.sections.some((s) => s.status !== "unchanged") ||
    plan.measures.some((m) => m.status !== "unchanged") ||
    plan.executors.some((e) => e.resolved?.kind === "new")
  );
}

async function carryOut(
  trx: Trx,
  principal: Principal,
  state: RoadMapState,
  plan: ImportPlan,
  file: Pick<UploadedFile, "name" | "sha256">,
  reason: LocalizedText,
  today: string,
): Promise<ImportOutcome> {
  if (!changesAnything(plan)) return { batchId: null, summary: plan.summary, nothingChanged: true };
  const { id: batchId } = await trx
    .insertInto("import_batch")
    .values({
      kind: "road_map",
      road_map_id: state.roadMapId,
      file_name: file.name,
      file_sha256: file.sha256,
      summary: JSON.stringify(plan.summary),
      created_by: principal.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  // Departments the admin confirmed as new, in the road map's territory.
  const newDepartmentIds = new Map<string, number>();
  const newExecutors = plan.executors.filter((e) => e.resolved?.kind === "new");
  if (newExecutors.length) {
    const created = await trx
      .insertInto("department")
      .values(
        newExecutors.map((e) => ({
          territory_id: state.territoryId,
          name: JSON.stringify({ [e.language]: e.name }),
        })),
      )
      .returning("id")
      .execute();
    newExecutors.forEach((executor, index) => newDepartmentIds.set(executor.key, created[index]!.id));
  }
  const departmentId = (ref: DepartmentRef) => (ref.kind === "existing" ? ref.id : newDepartmentIds.get(ref.key)!);

  // Sections: top-level ones first, so that nested ones find their parent.
  const sectionIds = new Map<string, number>();
  for (const stored of state.sections) {
    sectionIds.set(stored.number !== null ? `n:${stored.number}` : `id:${stored.id}`, stored.id);
  }
  // New sections follow the stored ones, in the file's order.
  const start = Math.max(0, ...state.sections.map((s) => s.position));
  const positionOf = new Map(
    plan.sections.filter((s) => s.status === "added").map((s, index) => [s.key, start + index + 1]),
  );
  for (const level of [false, true]) {
    const added = plan.sections.filter((s) => s.status === "added" && (s.parentKey !== null) === level);
    if (added.length) {
      const created = await trx
        .insertInto("section")
        .values(
          added.map((s) => ({
            road_map_id: state.roadMapId,
            number: s.number,
            title: JSON.stringify(s.title),
            parent_id: s.parentKey ? sectionIds.get(s.parentKey)! : null,
            position: positionOf.get(s.key)!,
          })),
        )
        .returning("id")
        .execute();
      added.forEach((section, index) => sectionIds.set(section.key, created[index]!.id));
    }
  }
  for (const section of plan.sections.filter((s) => s.status === "changed")) {
    await updateAtVersion(trx, "section", section.existingId!, section.version!, () =>
      trx
        .updateTable("section")
        .set({
          title: JSON.stringify(section.title),
          parent_id: section.parentKey ? sectionIds.get(section.parentKey)! : null,
        })
        .where("id", "=", section.existingId!)
        .where("version", "=", section.version!)
        .executeTakeFirst(),
    );
  }

  const valuesOf = (m: ImportPlan["measures"][number]) => ({
    section_id: sectionIds.get(m.values.sectionKey)!,
    title: JSON.stringify(m.values.title),
    completion_form: m.values.completionForm ? JSON.stringify(m.values.completionForm) : null,
    unit: m.values.unit,
    responsible_department_id: departmentId(m.values.responsible!),
    deadline: m.values.deadline,
    deadline_text: m.values.deadlineText ? JSON.stringify(m.values.deadlineText) : null,
    deadline_recurrence: m.values.recurrence,
    funding_source: m.values.fundingSource ? JSON.stringify(m.values.fundingSource) : null,
    planned_funding: m.values.plannedFunding,
  });

  // Measures: new ones by the chunk; changed ones each at the version the plan read.
  const measureIds = new Map<string, number>(state.measures.map((m) => [m.number, m.id]));
  const added = plan.measures.filter((m) => m.status === "added");
  for (const chunk of chunks(added)) {
    const created = await trx
      .insertInto("measure")
      .values(
        chunk.map((m) => ({
          ...valuesOf(m),
          road_map_id: state.roadMapId,
          number: m.number,
          territory_id: state.territoryId,
        })),
      )
      .returning(["id", "number"])
      .execute();
    for (const row of created) measureIds.set(row.number, row.id);
  }
  const fieldsChanged = plan.measures.filter(
    (m) => m.existing && m.changes.some((c) => c.field !== "plans" && c.field !== "facts" && c.field !== "coExecutors"),
  );
  for (const m of fieldsChanged) {
    const existing = m.existing!;
    await updateAtVersion(trx, "measure", existing.id, existing.version, () =>
      trx
        .updateTable("measure")
        .set(valuesOf(m))
        .where("id", "=", existing.id)
        .where("version", "=", existing.version)
        .executeTakeFirst(),
    );
  }
  const movedDeadlines = fieldsChanged.filter((m) => m.existing!.deadline !== m.values.deadline);
  for (const chunk of chunks(movedDeadlines)) {
    await trx
      .insertInto("measure_deadline_change")
      .values(
        chunk.map((m) => ({
          measure_id: m.existing!.id,
          previous_deadline: m.existing!.deadline,
          new_deadline: m.values.deadline,
          changed_on: today,
          reason: JSON.stringify(reason),
          changed_by: principal.id,
        })),
      )
      .execute();
  }

  // Co-executors: new measures' all, changed measures' replaced.
  const coChanged = plan.measures.filter((m) => m.existing && m.changes.some((c) => c.field === "coExecutors"));
  for (const chunk of chunks(coChanged)) {
    await trx
      .deleteFrom("measure_co_executor")
      .where(
        "measure_id",
        "in",
        chunk.map((m) => m.existing!.id),
      )
      .execute();
  }
  const coRows = [...added, ...coChanged].flatMap((m) =>
    m.values.coExecutors.map((ref) => ({ measure_id: measureIds.get(m.number)!, department_id: departmentId(ref) })),
  );
  for (const chunk of chunks(coRows)) await trx.insertInto("measure_co_executor").values(chunk).execute();

  // Plans of the road map's own territory, in the years the file gives.
  const planDeletes: number[] = [];
  const planInserts: Array<{
    measure_id: number;
    territory_id: number;
    year: number;
    quarter: number;
    planned: number;
  }> = [];
  for (const m of plan.measures.filter((m) => m.plansChanged)) {
    const measureId = measureIds.get(m.number)!;
    const stored = (m.existing?.plans ?? []).filter((p) => m.planYears.includes(p.year));
    for (const old of stored) {
      const wanted = m.plans.find((p) => p.year === old.year && p.quarter === old.quarter);
      if (!wanted) planDeletes.push(old.id);
      else if (wanted.planned !== old.planned) {
        await updateAtVersion(trx, "measure_plan", old.id, old.version, () =>
          trx
            .updateTable("measure_plan")
            .set({ planned: wanted.planned })
            .where("id", "=", old.id)
            .where("version", "=", old.version)
            .executeTakeFirst(),
        );
      }
    }
    for (const wanted of m.plans) {
      if (stored.some((p) => p.year === wanted.year && p.quarter === wanted.quarter)) continue;
      planInserts.push({ measure_id: measureId, territory_id: state.territoryId, ...wanted });
    }
  }
  for (const chunk of chunks(planDeletes)) await trx.deleteFrom("measure_plan").where("id", "in", chunk).execute();
  for (const chunk of chunks(planInserts)) await trx.insertInto("measure_plan").values(chunk).execute();

  // Facts: imported entries, found again by their source key.
  const entryInserts = plan.measures.flatMap((m) =>
    m.facts
      .filter((f) => f.status === "added")
      .map((f) => ({
        measure_id: measureIds.get(m.number)!,
        territory_id: state.territoryId,
        entry_date: plan.factsDate,
        value: f.value,
        people_reached: f.peopleReached,
        narrative: f.narrative ? JSON.stringify(f.narrative) : null,
        author_id: principal.id,
        import_batch_id: batchId,
        source_key: f.sourceKey,
      })),
  );
  for (const chunk of chunks(entryInserts)) await trx.insertInto("progress_entry").values(chunk).execute();
  for (const fact of plan.measures.flatMap((m) => m.facts.filter((f) => f.status === "changed"))) {
    const stored = fact.existing!;
    await updateAtVersion(trx, "progress_entry", stored.id, stored.version, () =>
      trx
        .updateTable("progress_entry")
        .set({
          value: fact.value,
          entry_date: plan.factsDate,
          people_reached: fact.peopleReached,
          narrative: fact.narrative ? JSON.stringify(fact.narrative) : null,
          import_batch_id: batchId,
        })
        .where("id", "=", stored.id)
        .where("version", "=", stored.version)
        .executeTakeFirst(),
    );
  }
  return { batchId, summary: plan.summary, nothingChanged: false };
}
