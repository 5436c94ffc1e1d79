import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { AlreadySaved, newSubmissionKey } from "~/domain/editing/submission.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import type { ImportChoices } from "~/domain/import/import-plan";
import { applyRoadMapImport, previewRoadMapImport } from "~/domain/import/road-map-import.server";
import type { ParsedMeasure, ParsedSection, ReadResult, SheetColumn } from "~/domain/import/road-map-sheet";
import { closeQuarter } from "~/domain/periods/periods.server";
import { createAdmin, createWorld, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

// The road-map import against a real database, on files as the reader gives them (ReadResult made by
// hand here, so that these tests say what the save does whatever the reading rules).

const FILE = { name: "жол-картасы.xlsx", sha256: "a".repeat(64) };
const FACTS_DATE = "2026-10-15";

const columns: SheetColumn[] = [
  { index: 1, letter: "A", header: "№", role: { kind: "number" } },
  { index: 2, letter: "B", header: "Іс-шараның атауы", role: { kind: "title" } },
  { index: 3, letter: "C", header: "Жауапты орындаушылар", role: { kind: "responsible" } },
  { index: 4, letter: "D", header: "Орындау мерзімі", role: { kind: "deadline" } },
  { index: 5, letter: "E", header: "Жоспар 2025", role: { kind: "plan", year: 2025, quarter: null } },
  { index: 6, letter: "F", header: "Жоспар 2026", role: { kind: "plan", year: 2026, quarter: null } },
  { index: 7, letter: "G", header: "Орындалды", role: { kind: "fact", year: 2026, quarter: null } },
];

const sections: ParsedSection[] = [
  { number: "1", title: { kk: "Мәдениет" }, parent: null, row: 5 },
  { number: "1.1", title: { kk: "Кітапханалар" }, parent: "1", row: 6 },
  { number: "2", title: { kk: "Жастар" }, parent: null, row: 9 },
];

function measure(number: string, overrides: Partial<ParsedMeasure> = {}): ParsedMeasure {
  return {
    number,
    section: "1.1",
    sectionIndex: 1,
    title: { kk: `Іс-шара ${number}` },
    completionForm: null,
    unit: "event",
    unitGuessed: false,
    deadline: { date: "2026-12-25", text: null, recurrence: null },
    departments: ["Жастар басқармасы"],
    fundingSource: null,
    plannedFunding: null,
    plans: [
      { year: 2025, quarter: null, value: 4 },
      { year: 2026, quarter: null, value: 6 },
    ],
    facts: [],
    coverage: null,
    narrative: null,
    row: 7,
    ...overrides,
  };
}

function readOf(measures: ParsedMeasure[], sheetColumns = columns): ReadResult {
  const sheet = {
    sheet: "Жол картасы",
    locale: "kk" as const,
    headerRows: [3, 3] as [number, number],
    columns: sheetColumns,
    sections,
    measures,
    issues: [],
  };
  return { sheets: [sheet], merged: { sections, measures, issues: [] }, fileIssues: [] };
}

/** The file of these tests: four measures, a new executor, a deadline in words, one fact. */
const firstFile = () =>
  readOf([
    measure("1.1.1", { row: 7, facts: [{ year: 2026, quarter: null, value: 3 }], coverage: 120 }),
    measure("1.1.2", {
      row: 8,
      departments: ["«Жастар басқармасы»", "Мәдениет басқармасы"],
      deadline: { date: null, text: "жыл сайын", recurrence: "annual" },
    }),
    measure("2.1", { row: 10, section: "2", sectionIndex: 2, title: { kk: "Жастар форумы" } }),
    measure("2.2", { row: 11, section: "2", sectionIndex: 2, plans: [{ year: 2026, quarter: null, value: 2 }] }),
  ]);

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("the import was accepted");
}

describe(`road-map import on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let admin: Principal;
  let editor: Principal;
  let roadMapId: number;
  const firstChoices: ImportChoices = {
    departments: { "мәдениет басқармасы": { kind: "new" } },
    factsDate: FACTS_DATE,
  };
  // Once the new department exists, the name matches it.
  const choices: ImportChoices = { departments: {}, factsDate: FACTS_DATE };

  const count = async (table: "audit_log" | "progress_entry" | "measure" | "import_batch" | "department") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const measureOf = (number: string) =>
    db
      .selectFrom("measure")
      .selectAll()
      .where("road_map_id", "=", roadMapId)
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
  const plansOf = async (measureId: number) =>
    (
      await db
        .selectFrom("measure_plan")
        .select(["year", "quarter", "planned"])
        .where("measure_id", "=", measureId)
        .orderBy("year")
        .orderBy("quarter")
        .execute()
    ).map((p) => `${p.year}Q${p.quarter}=${p.planned}`);

  async function importFile(read: ReadResult, options: { choices?: ImportChoices; key?: string } = {}) {
    const used = options.choices ?? choices;
    const preview = await previewRoadMapImport(db, admin, roadMapId, read, used);
    const outcome = await applyRoadMapImport(
      db,
      admin,
      roadMapId,
      FILE,
      read,
      used,
      {
        revision: preview.plan.revision,
        submissionKey: options.key,
      },
      "2026-12-01",
    );
    return { preview, outcome };
  }

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    admin = await createAdmin(db);
    editor = (await loadPrincipal(db, world.editorId))!;
    // An empty road map of a district: the new road map the file goes into.
    roadMapId = await withActor(db, "system", async (trx) => {
      const row = await trx
        .insertInto("road_map")
        .values({
          programme_id: world.programmeId,
          territory_id: world.districtIds[0],
          title: JSON.stringify({ kk: "Абай ауданының жол картасы" }),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    });
  });
  afterAll(() => close());

  it("refuses a non-admin's preview and save with 403, and saves nothing", async () => {
    const before = await count("audit_log");
    for (const work of [
      () => previewRoadMapImport(db, editor, roadMapId, firstFile(), firstChoices),
      () => applyRoadMapImport(db, editor, roadMapId, FILE, firstFile(), firstChoices, { revision: 0 }, "2026-12-01"),
    ]) {
      const error = await thrown(work());
      expect(error instanceof Response ? error.status : error).toBe(403);
    }
    expect(await count("audit_log")).toBe(before);
  });

  it("asks the admin about an executor it does not know, and refuses to save until asked", async () => {
    const undecided: ImportChoices = { departments: {}, factsDate: FACTS_DATE };
    const { plan } = await previewRoadMapImport(db, admin, roadMapId, firstFile(), undecided);
    const executors = Object.fromEntries(plan.executors.map((e) => [e.name, e.match?.how ?? e.resolved]));
    expect(executors).toEqual({ "Жастар басқармасы": "exact", "Мәдениет басқармасы": null });
    expect(plan.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
      "roadMapImport.problem.executorUndecided",
    ]);
    const error = await thrown(
      applyRoadMapImport(db, admin, roadMapId, FILE, firstFile(), undecided, { revision: plan.revision }, "2026-12-01"),
    );
    expect(error instanceof RefusedWrite && error.messageKey).toBe("oneLanguage.counts.importErrors");
    expect(await count("import_batch")).toBe(0);
  });

  it("saves a file into an empty road map: sections nested, measures, plans in Q4, facts dated as chosen", async () => {
    const departmentsBefore = await count("department");
    const { preview, outcome } = await importFile(firstFile(), { choices: firstChoices });
    expect(preview.plan.summary.measures).toEqual({ added: 4, changed: 0, unchanged: 0, notInFile: 0 });
    expect(preview.plan.summary.sections.added).toBe(3);
    expect(outcome.nothingChanged).toBe(false);
    expect(await count("department")).toBe(departmentsBefore + 1);

    const storedSections = await db
      .selectFrom("section")
      .select(["id", "number", "parent_id"])
      .where("road_map_id", "=", roadMapId)
      .orderBy("position")
      .execute();
    expect(storedSections.map((s) => s.number)).toEqual(["1", "1.1", "2"]);
    expect(storedSections[1]!.parent_id).toBe(storedSections[0]!.id);

    const first = await measureOf("1.1.1");
    expect(first.section_id).toBe(storedSections[1]!.id);
    expect(first.territory_id).toBe(world.districtIds[0]);
    expect(await plansOf(first.id)).toEqual(["2025Q4=4", "2026Q4=6"]);

    const yearly = await measureOf("1.1.2");
    expect(yearly).toMatchObject({
      deadline: "2027-12-31",
      deadline_recurrence: "annual",
      deadline_text: { kk: "жыл сайын" },
      responsible_department_id: world.departmentId,
    });
    const co = await db.selectFrom("measure_co_executor").selectAll().where("measure_id", "=", yearly.id).execute();
    const culture = await db
      .selectFrom("department")
      .select(["id", "name", "territory_id"])
      .where("id", "=", co[0]!.department_id)
      .executeTakeFirstOrThrow();
    expect(culture).toMatchObject({ name: { kk: "Мәдениет басқармасы" }, territory_id: world.districtIds[0] });

    const entries = await db.selectFrom("progress_entry").selectAll().where("measure_id", "=", first.id).execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      value: 3,
      people_reached: 120,
      entry_date: FACTS_DATE,
      import_batch_id: outcome.batchId,
      source_key: `roadmap:${roadMapId}:1.1.1:2026:-`,
    });
    const batch = await db
      .selectFrom("import_batch")
      .selectAll()
      .where("id", "=", outcome.batchId!)
      .executeTakeFirstOrThrow();
    expect(batch).toMatchObject({
      kind: "road_map",
      road_map_id: roadMapId,
      file_name: FILE.name,
      file_sha256: FILE.sha256,
    });
    expect(batch.summary).toMatchObject({ measures: { added: 4 } });
  });

  it("finds nothing to change in the same file again, and saving it writes nothing", async () => {
    const audit = await count("audit_log");
    const entries = await count("progress_entry");
    const { preview, outcome } = await importFile(firstFile(), {
      choices: { departments: {}, factsDate: "2026-11-20" },
    });
    expect(preview.plan.summary.measures).toEqual({ added: 0, changed: 0, unchanged: 4, notInFile: 0 });
    expect(preview.plan.summary.sections).toEqual({ added: 0, changed: 0, unchanged: 3 });
    expect(preview.plan.summary.facts).toEqual({ added: 0, changed: 0, unchanged: 1 });
    expect(preview.plan.summary.errors).toBe(0);
    expect(outcome.nothingChanged).toBe(true);
    expect(await count("audit_log")).toBe(audit);
    expect(await count("progress_entry")).toBe(entries);
  });

  it("updates a changed file by number: versions move, the trigger audits, a moved deadline keeps its reason", async () => {
    const before = await measureOf("2.1");
    const factMeasure = await measureOf("1.1.1");
    const [entry] = await db
      .selectFrom("progress_entry")
      .selectAll()
      .where("measure_id", "=", factMeasure.id)
      .execute();
    const auditBefore = await count("audit_log");
    const changed = firstFile();
    const measures = changed.merged.measures.map((m) => {
      if (m.number === "2.1") {
        return {
          ...m,
          title: { kk: "Жастар форумы «Болашақ»" },
          deadline: { date: "2026-06-30", text: null, recurrence: null },
        };
      }
      if (m.number === "1.1.1")
        return {
          ...m,
          facts: [{ year: 2026, quarter: null, value: 5 }],
          plans: [{ year: 2026, quarter: null, value: 8 }],
        };
      return m;
    });
    // This file has no 2025 column: the plans of 2025 are not its business.
    const read = readOf(
      measures.filter((m) => m.number !== "2.2"),
      columns.filter((c) => c.letter !== "E"),
    );
    const { preview } = await importFile(read);
    expect(preview.plan.summary.measures).toEqual({ added: 0, changed: 2, unchanged: 1, notInFile: 1 });
    expect(preview.plan.notInFile.map((m) => m.number)).toEqual(["2.2"]);
    const change = preview.plan.measures.find((m) => m.number === "2.1")!.changes.map((c) => c.field);
    expect(change).toEqual(["title", "deadline"]);

    const after = await measureOf("2.1");
    expect(after.version).toBe(before.version + 1);
    expect(after.title).toEqual({ kk: "Жастар форумы «Болашақ»" });
    expect(after.deadline).toBe("2026-06-30");
    const [moved] = await db
      .selectFrom("measure_deadline_change")
      .selectAll()
      .where("measure_id", "=", after.id)
      .execute();
    expect(moved).toMatchObject({ previous_deadline: "2026-12-25", new_deadline: "2026-06-30" });
    expect(moved!.reason.ru).toContain(FILE.name);
    const audited = await db
      .selectFrom("audit_log")
      .select(["table_name", "row_id", "reason"])
      .where("id", ">", 0)
      .orderBy("id", "desc")
      .limit((await count("audit_log")) - auditBefore)
      .execute();
    expect(audited.find((a) => a.table_name === "measure" && a.row_id === after.id)?.reason).toContain(FILE.name);

    // The plan of 2025 (not in this file) stays; 2026 is replaced; the fact updates its own entry.
    expect(await plansOf(factMeasure.id)).toEqual(["2025Q4=4", "2026Q4=8"]);
    const entries = await db
      .selectFrom("progress_entry")
      .selectAll()
      .where("measure_id", "=", factMeasure.id)
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: entry!.id, value: 5, version: entry!.version + 1 });
    // The measure the file left out is still there.
    expect((await measureOf("2.2")).number).toBe("2.2");
  });

  it("refuses a preview gone stale: the road map changed after it, and nothing is saved", async () => {
    const read = readOf([measure("3.1", { row: 20, section: "2", sectionIndex: 2 })]);
    const { plan } = await previewRoadMapImport(db, admin, roadMapId, read, choices);
    const target = await measureOf("2.2");
    await withActor(db, admin.id, (trx) =>
      trx.updateTable("measure").set({ weight: 2 }).where("id", "=", target.id).execute(),
    );
    const error = await thrown(
      applyRoadMapImport(db, admin, roadMapId, FILE, read, choices, { revision: plan.revision }, "2026-12-01"),
    );
    expect(error instanceof RefusedWrite && error.messageKey).toBe("roadMapImport.stale");
    expect(await db.selectFrom("measure").select("id").where("number", "=", "3.1").executeTakeFirst()).toBeUndefined();
  });

  it("saves nothing of a file with one bad row", async () => {
    const measures = await count("measure");
    const audit = await count("audit_log");
    const read = readOf([
      measure("4.1", { row: 30, section: "2", sectionIndex: 2 }),
      measure("4.2", { row: 31, section: "2", sectionIndex: 2, plans: [{ year: 2026, quarter: null, value: 1e16 }] }),
    ]);
    const { plan } = await previewRoadMapImport(db, admin, roadMapId, read, choices);
    expect(plan.issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({ cell: "F31", code: "roadMapImport.problem.numberOutOfRange" }),
    ]);
    const error = await thrown(
      applyRoadMapImport(db, admin, roadMapId, FILE, read, choices, { revision: plan.revision }, "2026-12-01"),
    );
    expect(error instanceof RefusedWrite && error.messageKey).toBe("oneLanguage.counts.importErrors");
    expect(await count("measure")).toBe(measures);
    expect(await count("audit_log")).toBe(audit);
  });

  it("refuses plan years outside the programme", async () => {
    const read = readOf([measure("5.1", { row: 40 })]);
    read.sheets[0]!.columns = [
      ...columns,
      { index: 8, letter: "H", header: "Жоспар 2031", role: { kind: "plan", year: 2031, quarter: null } },
    ];
    const { plan } = await previewRoadMapImport(db, admin, roadMapId, read, choices);
    expect(plan.issues).toContainEqual(
      expect.objectContaining({ cell: "H3", code: "roadMapImport.problem.yearOutside" }),
    );
  });

  it("saves a form once: the second post of the same key saves nothing and says it was saved", async () => {
    const read = readOf([measure("6.1", { row: 50, section: "2", sectionIndex: 2 })]);
    const key = newSubmissionKey();
    const { outcome } = await importFile(read, { key });
    expect(outcome.summary.measures.added).toBe(1);
    const error = await thrown(
      applyRoadMapImport(db, admin, roadMapId, FILE, read, choices, { revision: 0, submissionKey: key }, "2026-12-01"),
    );
    expect(error).toBeInstanceOf(AlreadySaved);
    expect((error as AlreadySaved).outcome).toMatchObject({ batchId: outcome.batchId });
  });

  it("refuses facts dated in a closed quarter", async () => {
    await closeQuarter(db, admin.id, roadMapId, { year: 2026, quarter: 4 });
    const read = readOf([
      measure("7.1", { row: 60, section: "2", sectionIndex: 2, facts: [{ year: 2026, quarter: null, value: 1 }] }),
    ]);
    const { plan } = await previewRoadMapImport(db, admin, roadMapId, read, choices);
    expect(plan.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
      "roadMapImport.problem.factsDateClosed",
    ]);
    const error = await thrown(
      applyRoadMapImport(db, admin, roadMapId, FILE, read, choices, { revision: plan.revision }, "2026-12-01"),
    );
    expect(error instanceof RefusedWrite && error.messageKey).toBe("oneLanguage.counts.importErrors");
    expect(await db.selectFrom("measure").select("id").where("number", "=", "7.1").executeTakeFirst()).toBeUndefined();
  });
});
