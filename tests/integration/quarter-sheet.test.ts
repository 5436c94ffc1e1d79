import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { AlreadySaved, newSubmissionKey } from "~/domain/editing/submission.server";
import type { RefusedWrite } from "~/domain/editing/write-errors";
import { keepUpload, sha256Of, type UploadedFile } from "~/domain/import/uploads.server";
import { closeQuarter } from "~/domain/periods/periods.server";
import {
  previewQuarterSheet,
  quarterSheetFile,
  RefusedSheet,
  saveQuarterSheet,
  UnconfirmedSheet,
  type SheetScope,
} from "~/domain/progress/quarter-sheet.server";
import { createWorld, localized, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

const TODAY = "2024-11-22";

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("the write was accepted");
}

/** The sheet as an editor fills it in Excel: cells set by field name, on the row of a measure number and territory. */
async function fill(
  bytes: Uint8Array,
  rows: Array<{ number: string; territory?: string; cells: Record<string, ExcelJS.CellValue> }>,
): Promise<UploadedFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const fieldRow = [...Array(20).keys()]
    .map((i) => sheet.getRow(i + 1))
    .find((row) => (row.values as unknown[]).includes("rowKey"))!;
  const column = (name: string) => (fieldRow.values as unknown[]).indexOf(name);
  for (const wanted of rows) {
    let found = false;
    sheet.eachRow((row, index) => {
      if (index <= fieldRow.number || row.getCell(column("number")).value !== wanted.number) return;
      if (wanted.territory && row.getCell(column("territory")).value !== wanted.territory) return;
      for (const [name, value] of Object.entries(wanted.cells)) row.getCell(column(name)).value = value;
      found = true;
    });
    if (!found) throw new Error(`no row ${wanted.number}`);
  }
  const out = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return { name: "тоқсан.xlsx", bytes: out, sha256: sha256Of(out) };
}

describe(`the quarter sheet on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let editor: Principal;
  let otherEditor: Principal;
  let adminId: number;
  let scope: SheetScope;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    const ids = await withActor(db, "system", async (trx) => {
      const shared = await trx
        .insertInto("measure")
        .values({
          road_map_id: world.roadMapId,
          section_id: world.sectionId,
          number: "2.3",
          title: localized("Аудандардағы кездесулер", "Встречи в районах"),
          unit: "meeting",
          responsible_department_id: world.departmentId,
          territory_id: world.cityId,
          deadline: "2027-12-25",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("measure_plan")
        .values([
          { measure_id: world.measureId, territory_id: world.cityId, year: 2024, quarter: 3, planned: 5 },
          { measure_id: shared.id, territory_id: world.districtIds[0], year: 2024, quarter: 3, planned: 2 },
          { measure_id: shared.id, territory_id: world.districtIds[1], year: 2024, quarter: 3, planned: 2 },
        ])
        .execute();
      const department = await trx
        .insertInto("department")
        .values({ territory_id: world.cityId, name: localized("Мәдениет басқармасы") })
        .returning("id")
        .executeTakeFirstOrThrow();
      const users = await trx
        .insertInto("app_user")
        .values([
          { login: "admin", display_name: "Admin", password_hash: "x" },
          { login: "culture", display_name: "Culture", password_hash: "x" },
        ])
        .returning("id")
        .execute();
      await trx
        .insertInto("role_assignment")
        .values([
          { user_id: users[0]!.id, role: "admin" },
          { user_id: users[1]!.id, role: "editor", department_id: department.id },
        ])
        .execute();
      return { adminId: users[0]!.id, cultureId: users[1]!.id };
    });
    adminId = ids.adminId;
    editor = (await loadPrincipal(db, world.editorId))!;
    otherEditor = (await loadPrincipal(db, ids.cultureId))!;
    scope = { roadMapId: world.roadMapId, departmentId: world.departmentId, quarter: { year: 2024, quarter: 3 } };
  });
  afterAll(() => close());
  beforeEach(async () => {
    await withActor(db, "system", async (trx) => {
      await trx.deleteFrom("reporting_period").execute();
      await trx.deleteFrom("progress_entry").execute();
      await trx.deleteFrom("import_batch").execute();
    });
  });

  const download = async () => (await quarterSheetFile(db, editor, scope, "kk", TODAY)).bytes;
  const save = async (file: UploadedFile) =>
    saveQuarterSheet(db, editor, await keepUpload(db, editor, "quarter_sheet", file), scope, newSubmissionKey(), TODAY);
  const entries = () =>
    db
      .selectFrom("progress_entry")
      .select(["measure_id", "territory_id", "value", "version", "source_key", "import_batch_id", "narrative"])
      .orderBy("id")
      .execute();
  const filled = (bytes: Uint8Array, first = 5) =>
    fill(bytes, [
      { number: "2.1", cells: { value: first, narrativeKk: "Бес іс-шара өтті", peopleReached: 120 } },
      { number: "2.3", territory: "Абай ауданы", cells: { value: 2 } },
      { number: "2.3", territory: "Тұран ауданы", cells: { value: 2, narrativeRu: "Две встречи" } },
    ]);

  it("is pre-filled with the department's measures, a row per territory share, for its editors only", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download()).buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(row.getCell(1).text + " | " + row.getCell(4).text + " | " + row.getCell(5).text));
    expect(texts.slice(0, 3).join("\n")).toContain("Жастар басқармасы");
    expect(texts.filter((text) => /^2\.\d/.test(text))).toEqual([
      "2.1 | Шымкент | 5",
      "2.3 | Абай ауданы | 2",
      "2.3 | Тұран ауданы | 2",
    ]);
    expect(await thrown(quarterSheetFile(db, otherEditor, scope, "kk", TODAY))).toMatchObject({ status: 403 });
  });

  it("saves its facts once, marked with the row key and the import; the same file again adds nothing", async () => {
    const file = await filled(await download());
    const preview = await previewQuarterSheet(db, editor, file, scope, TODAY);
    expect(preview.counts).toEqual({ add: 3, change: 0, same: 0 });
    expect(preview.rows.flatMap((row) => row.problems)).toEqual([]);
    expect(await entries()).toHaveLength(0);

    const saved = await save(file);
    expect(saved.counts.add).toBe(3);
    const stored = await entries();
    expect(stored.map((entry) => [entry.value, entry.territory_id])).toEqual([
      [5, world.cityId],
      [2, world.districtIds[0]],
      [2, world.districtIds[1]],
    ]);
    expect(stored.every((entry) => entry.source_key?.startsWith("sheet:") && entry.import_batch_id !== null)).toBe(
      true,
    );
    expect(stored[0]!.narrative).toEqual({ kk: "Бес іс-шара өтті" });

    const again = await previewQuarterSheet(db, editor, file, scope, TODAY);
    expect(again.counts).toEqual({ add: 0, change: 0, same: 3 });
    await save(file);
    expect(await entries()).toEqual(stored);
    const batches = await db.selectFrom("import_batch").select(["kind", "department_id"]).execute();
    expect(batches).toEqual([{ kind: "quarter_sheet", department_id: world.departmentId }]);
  });

  it("updates the entry a row made when its value changes, version-checked and audited", async () => {
    const bytes = await download();
    await save(await filled(bytes));
    const changed = await filled(bytes, 6);
    expect((await previewQuarterSheet(db, editor, changed, scope, TODAY)).counts).toEqual({
      add: 0,
      change: 1,
      same: 2,
    });
    await save(changed);
    const stored = await entries();
    expect(stored).toHaveLength(3);
    expect(stored[0]).toMatchObject({ value: 6, version: 2 });
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("table_name", "=", "progress_entry")
      .where("action", "=", "update")
      .execute();
    expect(audit).toEqual([{ action: "update", actor_id: editor.id }]);
  });

  it("refuses a tampered row key, a fraction of a countable unit and a closed quarter, and saves nothing", async () => {
    const bytes = await download();
    const tampered = await fill(bytes, [{ number: "2.1", cells: { value: 5, rowKey: "sheet:someoneelse:1:1" } }]);
    const preview = await previewQuarterSheet(db, editor, tampered, scope, TODAY);
    expect(preview.rows[0]!.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining("quarterSheet.errors.tamperedKey"),
    ]);
    expect(await thrown(save(tampered))).toBeInstanceOf(RefusedSheet);

    const fraction = await fill(bytes, [
      { number: "2.1", cells: { value: 5 } },
      { number: "2.3", territory: "Абай ауданы", cells: { value: "2,5" } },
    ]);
    const refused = (await thrown(save(fraction))) as RefusedSheet;
    expect(refused.preview.rows[1]!.problems).toEqual([{ cell: "H9", message: "entryRules.wholeNumber" }]);

    await closeQuarter(db, adminId, world.roadMapId, { year: 2024, quarter: 3 });
    const closed = (await thrown(save(await filled(bytes)))) as RefusedSheet;
    expect(closed.preview.rows.flatMap((row) => row.problems.map((problem) => problem.message))).toEqual([
      expect.stringContaining("editing.periodClosed"),
      expect.stringContaining("editing.periodClosed"),
      expect.stringContaining("editing.periodClosed"),
    ]);
    expect(await entries()).toHaveLength(0);
    expect(await db.selectFrom("import_batch").select("id").execute()).toHaveLength(0);
  });

  it("lists a figure at 3× its plan for the uploader to confirm, and asks for a missing reason at its cell", async () => {
    const bytes = await download();
    // 15 against Q3's plan of 5; 1 of Abay's 2 leaves its share at 50 % as of the quarter's end.
    const sheet = await fill(bytes, [
      { number: "2.1", cells: { value: 15 } },
      { number: "2.3", territory: "Абай ауданы", cells: { value: 1 } },
    ]);
    const preview = await previewQuarterSheet(db, editor, sheet, scope, TODAY);
    expect(preview.rows[0]!.problems).toEqual([]);
    expect(preview.rows[0]!.warnings).toEqual([
      expect.objectContaining({
        cell: "H8",
        question: expect.objectContaining({ kind: "confirm", value: 15, quarterPlan: 5 }),
      }),
    ]);
    expect(preview.rows[1]!.problems).toEqual([
      expect.objectContaining({
        cell: "L9",
        message: "validation.reasonRequired",
        question: expect.objectContaining({ kind: "reason", status: "behind", plan: 2, fact: 1 }),
      }),
    ]);
    expect(await thrown(save(sheet))).toBeInstanceOf(RefusedSheet);

    // With the reason given, the sheet is saved only once its flagged figure is confirmed.
    const reasoned = await fill(bytes, [
      { number: "2.1", cells: { value: 15 } },
      { number: "2.3", territory: "Абай ауданы", cells: { value: 1, behindReasonKk: "Кездесу қазанға ауысты" } },
    ]);
    const uploadId = await keepUpload(db, editor, "quarter_sheet", reasoned);
    const key = newSubmissionKey();
    expect(await thrown(saveQuarterSheet(db, editor, uploadId, scope, key, TODAY))).toBeInstanceOf(UnconfirmedSheet);
    expect(await entries()).toHaveLength(0);
    await saveQuarterSheet(db, editor, uploadId, scope, key, TODAY, true);
    expect((await entries()).map((entry) => entry.value)).toEqual([15, 1]);
  });

  it("refuses another quarter's sheet, another department's, and a file that is not our sheet", async () => {
    const file = await filled(await download());
    const otherQuarter = await thrown(
      previewQuarterSheet(db, editor, file, { ...scope, quarter: { year: 2024, quarter: 4 } }, TODAY),
    );
    expect((otherQuarter as RefusedWrite).messageKey).toBe("quarterSheet.errors.otherQuarter");
    const otherDepartment = await thrown(
      previewQuarterSheet(db, editor, file, { ...scope, departmentId: scope.departmentId + 100 }, TODAY),
    );
    expect((otherDepartment as RefusedWrite).messageKey).toBe("quarterSheet.errors.otherDepartment");
    expect(await thrown(previewQuarterSheet(db, otherEditor, file, scope, TODAY))).toMatchObject({ status: 403 });

    const junk = new TextEncoder().encode("№;Іс-шара\n1;Кездесу");
    const notOurs = await thrown(
      previewQuarterSheet(db, editor, { name: "x.xlsx", bytes: junk, sha256: sha256Of(junk) }, scope, TODAY),
    );
    expect((notOurs as RefusedWrite).messageKey).toBe("quarterSheet.errors.notOurSheet");
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet("Sheet1").addRow(["№", "Іс-шара"]);
    const blankBytes = new Uint8Array((await blank.xlsx.writeBuffer()) as ArrayBuffer);
    const foreign = await thrown(
      previewQuarterSheet(
        db,
        editor,
        { name: "y.xlsx", bytes: blankBytes, sha256: sha256Of(blankBytes) },
        scope,
        TODAY,
      ),
    );
    expect((foreign as RefusedWrite).messageKey).toBe("quarterSheet.errors.notOurSheet");
    expect(await entries()).toHaveLength(0);
  });

  it("saves a previewed sheet once when its Save is posted twice", async () => {
    const file = await filled(await download());
    const uploadId = await keepUpload(db, editor, "quarter_sheet", file);
    const key = newSubmissionKey();
    await saveQuarterSheet(db, editor, uploadId, scope, key, TODAY);
    expect(await thrown(saveQuarterSheet(db, editor, uploadId, scope, key, TODAY))).toBeInstanceOf(AlreadySaved);
    expect(await entries()).toHaveLength(3);
  });
});
