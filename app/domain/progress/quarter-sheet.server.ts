import { randomBytes } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import { z } from "zod";
import { withActor } from "~db/actor";
import type { Database, LocalizedText } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { canWriteProgress, forbidden } from "~/domain/auth/permissions.server";
import { encodeMessage } from "~/domain/editing/messages";
import { claimSubmission } from "~/domain/editing/submission.server";
import { RefusedWrite, StaleEdit, writeRefusalOf } from "~/domain/editing/write-errors";
import { dropUpload, keptUpload, type UploadedFile } from "~/domain/import/uploads.server";
import { parseQuarterParam, quarterEnd, quarterStart, type Quarter } from "~/domain/periods/quarter";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { pickText } from "~/i18n/locales";
import { COUNTABLE_UNITS, quarterRowsSchema } from "./entry-schema";
import type { EntryQuestion } from "./entry-checks";
import { entryValues, writeEntry, type EntryFields } from "./entries.server";
import { departmentQuarters, type DepartmentQuarter } from "./my-measures.server";
import {
  buildQuarterSheet,
  NotQuarterSheet,
  readQuarterSheet,
  rowHasFacts,
  rowKeyOf,
  type InputColumnName,
  type QuarterSheetLine,
  type ReadQuarterSheet,
  type SheetColumnName,
} from "./quarter-sheet";
import { idSchema } from "~/domain/ids";

type Trx = Transaction<Database>;

/** Which department's quarter of which road map a sheet is for. */
export interface SheetScope {
  roadMapId: number;
  departmentId: number;
  quarter: Quarter;
}

async function departmentQuarter(
  db: Kysely<Database>,
  principal: Principal,
  scope: SheetScope,
  today: string,
): Promise<DepartmentQuarter> {
  if (!canWriteProgress(principal, scope.departmentId)) throw forbidden();
  const groups = await departmentQuarters(db, [scope.departmentId], scope.quarter, today);
  const group = groups.find((candidate) => candidate.roadMapId === scope.roadMapId);
  if (!group) throw new Response("Not found", { status: 404 });
  return group;
}

/** A sheet row per measure, or per territory share where the plan is split, with its plan and fact in the quarter. */
async function sheetLines(
  db: Kysely<Database>,
  group: DepartmentQuarter,
  quarter: Quarter,
  locale: Locale,
): Promise<QuarterSheetLine[]> {
  const measureIds = group.measures.map((measure) => measure.id);
  if (measureIds.length === 0) return [];
  const [plans, facts] = await Promise.all([
    db
      .selectFrom("measure_plan")
      .select(["measure_id", "territory_id", "planned"])
      .where("measure_id", "in", measureIds)
      .where("year", "=", quarter.year)
      .where("quarter", "=", quarter.quarter)
      .execute(),
    db
      .selectFrom("progress_entry")
      .select(["measure_id", "territory_id", "value"])
      .where("measure_id", "in", measureIds)
      .where("entry_date", ">=", quarterStart(quarter))
      .where("entry_date", "<=", quarterEnd(quarter))
      .execute(),
  ]);
  const t = translator(locale);
  return group.measures.flatMap((measure) =>
    measure.shareTerritories.map((territory) => {
      const shared = measure.shareTerritories.length > 1;
      const mine = (row: { measure_id: number; territory_id: number }) =>
        row.measure_id === measure.id && (!shared || row.territory_id === territory.id);
      return {
        measureId: measure.id,
        territoryId: territory.id,
        number: measure.number,
        title: pickText(measure.title, locale)?.text ?? "",
        unit: t(`units.${measure.unit}`),
        territory: pickText(territory.name, locale)?.text ?? "",
        plan: plans.filter(mine).reduce((sum, row) => sum + row.planned, 0),
        factSoFar: facts.filter(mine).reduce((sum, row) => sum + row.value, 0),
        countable: COUNTABLE_UNITS.has(measure.unit),
      };
    }),
  );
}

/** The quarter's sheet for a department, pre-filled, in the reader's language. */
export async function quarterSheetFile(
  db: Kysely<Database>,
  principal: Principal,
  scope: SheetScope,
  locale: Locale,
  today: string,
): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const group = await departmentQuarter(db, principal, scope, today);
  const lines = await sheetLines(db, group, scope.quarter, locale);
  const t = translator(locale);
  const { year, quarter } = scope.quarter;
  const lastDate = quarterEnd(scope.quarter);
  const workbook = await buildQuarterSheet(
    {
      departmentId: group.departmentId,
      roadMapId: group.roadMapId,
      year,
      quarter,
      token: randomBytes(12).toString("base64url"),
    },
    lines,
    {
      sheetName: t("quarterSheet.sheet.name"),
      title: t("quarterSheet.sheet.title"),
      department: t("quarterSheet.sheet.department", { name: pickText(group.departmentName, locale)?.text ?? "" }),
      roadMap: t("quarterSheet.sheet.roadMap", { title: pickText(group.roadMapTitle, locale)?.text ?? "" }),
      quarter: t("quarterSheet.sheet.quarter", { year, quarter }),
      instruction: t("quarterSheet.sheet.instruction"),
      columns: {
        number: t("quarterSheet.columns.number"),
        title: t("quarterSheet.columns.title"),
        unit: t("quarterSheet.columns.unit"),
        territory: t("quarterSheet.columns.territory"),
        plan: t("quarterSheet.columns.plan"),
        factSoFar: t("quarterSheet.columns.factSoFar"),
        entryDate: t("quarterSheet.columns.entryDate"),
        value: t("quarterSheet.columns.value"),
        peopleReached: t("quarterSheet.columns.peopleReached"),
        narrativeKk: t("quarterSheet.columns.narrativeKk"),
        narrativeRu: t("quarterSheet.columns.narrativeRu"),
        behindReasonKk: t("quarterSheet.columns.behindReasonKk"),
        behindReasonRu: t("quarterSheet.columns.behindReasonRu"),
        evidenceLinks: t("quarterSheet.columns.evidenceLinks"),
      },
      numberError: t("validation.number"),
      wholeNumberError: t("entryRules.wholeNumber"),
      dateError: t("validation.dateOutsideQuarter"),
    },
    { entryDate: today < lastDate ? today : lastDate, firstDate: quarterStart(scope.quarter), lastDate },
  );
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `oryndau-${year}-Q${quarter}-${group.departmentId}.xlsx`,
    bytes: new Uint8Array(buffer as ArrayBuffer),
  };
}

export type SheetRowAction = "add" | "change" | "same";

export interface SheetProblem {
  /** «H12», or null for the whole sheet. */
  cell: string | null;
  /** An encoded message (key and values), shown in the reader's language. */
  message: string;
  /** The entry's question behind it, when the preview shows it with its figures. */
  question?: EntryQuestion;
}

export interface SheetPreviewRow {
  row: number;
  number: string;
  title: LocalizedText;
  territory: LocalizedText;
  unit: string;
  values: Partial<Record<InputColumnName, string>>;
  action: SheetRowAction;
  problems: SheetProblem[];
  /** Figures the uploader must confirm before the sheet is saved. */
  warnings: SheetProblem[];
}

export interface SheetPreview {
  fileName: string;
  departmentName: LocalizedText;
  roadMapTitle: LocalizedText;
  quarter: Quarter;
  rows: SheetPreviewRow[];
  problems: SheetProblem[];
  counts: Record<SheetRowAction, number>;
}

/** A sheet that cannot be saved as it is: its preview says why, cell by cell. */
export class RefusedSheet extends Error {
  constructor(readonly preview: SheetPreview) {
    super("refused sheet");
  }
}

/** Thrown to end a preview's transaction: everything it wrote to check the rules is rolled back. */
class PreviewDone extends Error {
  constructor(readonly preview: SheetPreview) {
    super("preview done");
  }
}

const FIELD_COLUMN: Record<string, SheetColumnName> = {
  measureId: "measureId",
  territoryId: "territoryId",
  entryDate: "entryDate",
  value: "value",
  peopleReached: "peopleReached",
  narrativeKk: "narrativeKk",
  narrativeRu: "narrativeRu",
  behindReasonKk: "behindReasonKk",
  behindReasonRu: "behindReasonRu",
  evidenceLinks: "evidenceLinks",
};

function refusalMessage(error: unknown): { message: string; field: string | null } | null {
  if (error instanceof RefusedWrite) {
    return { message: encodeMessage(error.messageKey, error.values), field: error.field };
  }
  if (error instanceof StaleEdit) return { message: encodeMessage("editing.staleTitle"), field: null };
  const refusal = writeRefusalOf(error);
  return refusal ? { message: encodeMessage(refusal.messageKey), field: null } : null;
}

interface StoredEntry {
  id: number;
  version: number;
  measure_id: number;
  territory_id: number;
  entry_date: string;
  value: number;
  people_reached: number | null;
  narrative: LocalizedText | null;
  evidence_links: string[];
  behind_reason: LocalizedText | null;
}

/** Whether a stored entry already holds what the row says. */
function sameEntry(stored: StoredEntry, fields: EntryFields): boolean {
  const values = entryValues(fields);
  const json = (value: unknown) => JSON.stringify(value ?? null);
  return (
    stored.territory_id === values.territory_id &&
    stored.entry_date === values.entry_date &&
    stored.value === values.value &&
    stored.people_reached === values.people_reached &&
    json(stored.narrative) === (values.narrative ?? "null") &&
    json(stored.evidence_links) === values.evidence_links &&
    json(stored.behind_reason) === (values.behind_reason ?? "null")
  );
}

/**
 * Reads a sheet, checks every row by the form's rules and writes it in the given transaction, row by
 * row under a savepoint so that one refused row does not hide the problems of the next. Returns the
 * preview; the caller commits (save) or rolls back (preview).
 */
async function applySheet(
  trx: Trx,
  principal: Principal,
  file: UploadedFile,
  scope: SheetScope,
  today: string,
  mode: "preview" | "save",
): Promise<SheetPreview> {
  let sheet: ReadQuarterSheet;
  try {
    sheet = await readQuarterSheet(file.bytes);
  } catch (error) {
    if (error instanceof NotQuarterSheet) throw new RefusedWrite("quarterSheet.errors.notOurSheet", {}, "file");
    throw error;
  }
  const { meta } = sheet;
  if (meta.departmentId !== scope.departmentId)
    throw new RefusedWrite("quarterSheet.errors.otherDepartment", {}, "file");
  if (meta.roadMapId !== scope.roadMapId) throw new RefusedWrite("quarterSheet.errors.otherRoadMap", {}, "file");
  if (meta.year !== scope.quarter.year || meta.quarter !== scope.quarter.quarter) {
    throw new RefusedWrite("quarterSheet.errors.otherQuarter", { year: meta.year, quarter: meta.quarter }, "file");
  }
  const group = await departmentQuarter(trx, principal, scope, today);
  const measures = new Map(group.measures.map((measure) => [measure.id, measure]));
  const limits = {
    firstDate: quarterStart(scope.quarter),
    lastDate: quarterEnd(scope.quarter),
    today,
    bounds: "quarter" as const,
  };
  const rowsSchema = quarterRowsSchema(limits, (measureId) => measures.get(measureId)?.unit);

  const filled = sheet.rows.filter(rowHasFacts);
  const keys = filled.map((row) => row.rowKey).filter((key): key is string => Boolean(key));
  const stored = keys.length
    ? ((await trx
        .selectFrom("progress_entry")
        .select([
          "id",
          "version",
          "measure_id",
          "territory_id",
          "entry_date",
          "value",
          "people_reached",
          "narrative",
          "evidence_links",
          "behind_reason",
          "source_key",
        ])
        .where("source_key", "in", keys)
        .execute()) as Array<StoredEntry & { source_key: string | null }>)
    : [];
  const storedByKey = new Map(stored.map((entry) => [entry.source_key, entry]));

  const preview: SheetPreview = {
    fileName: file.name,
    departmentName: group.departmentName,
    roadMapTitle: group.roadMapTitle,
    quarter: scope.quarter,
    rows: [],
    problems: filled.length === 0 ? [{ cell: null, message: "quarterSheet.errors.noRows" }] : [],
    counts: { add: 0, change: 0, same: 0 },
  };
  const planned: Array<{
    preview: SheetPreviewRow;
    fields: EntryFields;
    existing: StoredEntry | undefined;
    key: string;
  }> = [];

  for (const row of filled) {
    const at = (column: SheetColumnName) => sheet.address(row.row, column);
    const measureId = Number(row.measureId);
    const territoryId = Number(row.territoryId);
    const measure = measures.get(measureId);
    const problems: SheetProblem[] = [];
    const previewRow: SheetPreviewRow = {
      row: row.row,
      number: measure?.number ?? "",
      title: measure?.title ?? {},
      territory: measure?.shareTerritories.find((territory) => territory.id === territoryId)?.name ?? {},
      unit: measure?.unit ?? "",
      values: row.cells,
      action: "add",
      problems,
      warnings: [],
    };
    preview.rows.push(previewRow);
    const key = row.rowKey ?? "";
    if (key !== rowKeyOf(meta.token, measureId, territoryId)) {
      problems.push({
        cell: at("number"),
        message: encodeMessage("quarterSheet.errors.tamperedKey", { cell: at("number") }),
      });
      continue;
    }
    if (!measure || !measure.shareTerritories.some((territory) => territory.id === territoryId)) {
      problems.push({
        cell: at("number"),
        message: encodeMessage("quarterSheet.errors.foreignMeasure", { cell: at("number") }),
      });
      continue;
    }
    const parsed = rowsSchema.element.safeParse({
      measureId: row.measureId,
      territoryId: row.territoryId,
      ...row.cells,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = FIELD_COLUMN[String(issue.path[0] ?? "")] ?? "value";
        problems.push({ cell: at(column), message: issue.message });
      }
      continue;
    }
    const { value } = parsed.data;
    if (value === undefined) continue;
    const fields: EntryFields = { ...parsed.data, value };
    const existing = storedByKey.get(key);
    if (existing && (existing.measure_id !== measureId || existing.territory_id !== territoryId)) {
      problems.push({
        cell: at("number"),
        message: encodeMessage("quarterSheet.errors.tamperedKey", { cell: at("number") }),
      });
      continue;
    }
    previewRow.action = !existing ? "add" : sameEntry(existing, fields) ? "same" : "change";
    planned.push({ preview: previewRow, fields, existing, key });
  }

  const toWrite = planned.filter((item) => item.preview.action !== "same");
  let importBatchId = 0;
  if (toWrite.length > 0) {
    const batch = await trx
      .insertInto("import_batch")
      .values({
        kind: "quarter_sheet",
        road_map_id: scope.roadMapId,
        department_id: scope.departmentId,
        file_name: file.name,
        file_sha256: file.sha256,
        created_by: principal.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    importBatchId = batch.id;
  }
  for (const item of toWrite) {
    await sql`SAVEPOINT sheet_row`.execute(trx);
    try {
      const { questions } = await writeEntry(
        trx,
        principal,
        item.fields,
        "",
        item.existing ? { entryId: item.existing.id, version: item.existing.version } : undefined,
        { sourceKey: item.key, importBatchId },
      );
      const cell = (column: SheetColumnName) => sheet.address(item.preview.row, column);
      // A missing reason is the sheet's to fix, at its cell; a figure far past its plan is the
      // uploader's to confirm in the preview before saving.
      for (const question of questions) {
        if (question.kind === "reason") {
          item.preview.problems.push({ cell: cell("behindReasonKk"), message: "validation.reasonRequired", question });
        } else {
          item.preview.warnings.push({ cell: cell("value"), message: "reportForms.confirm.title", question });
        }
      }
      if (item.preview.problems.length) await sql`ROLLBACK TO SAVEPOINT sheet_row`.execute(trx);
      else await sql`RELEASE SAVEPOINT sheet_row`.execute(trx);
    } catch (error) {
      const refusal = refusalMessage(error);
      if (!refusal) throw error;
      await sql`ROLLBACK TO SAVEPOINT sheet_row`.execute(trx);
      const column = FIELD_COLUMN[refusal.field?.replace(/^.*\./, "") ?? ""] ?? "number";
      item.preview.problems.push({ cell: sheet.address(item.preview.row, column), message: refusal.message });
    }
  }

  for (const row of preview.rows) {
    if (row.problems.length === 0) preview.counts[row.action] += 1;
  }
  if (mode === "save" && importBatchId) {
    await trx
      .updateTable("import_batch")
      .set({ summary: JSON.stringify({ added: preview.counts.add, changed: preview.counts.change, ...scope.quarter }) })
      .where("id", "=", importBatchId)
      .execute();
  }
  return preview;
}

export const problemCount = (preview: SheetPreview) =>
  preview.problems.length + preview.rows.reduce((sum, row) => sum + row.problems.length, 0);

export const warningCount = (preview: SheetPreview) =>
  preview.rows.reduce((sum, row) => sum + (row.problems.length ? 0 : row.warnings.length), 0);

/** A sheet whose flagged figures were not confirmed: nothing is saved, the preview asks again. */
export class UnconfirmedSheet extends Error {
  constructor(readonly preview: SheetPreview) {
    super("unconfirmed sheet");
  }
}

/** What saving the sheet would do, row by row, by the rules of the form; nothing is kept. */
export async function previewQuarterSheet(
  db: Kysely<Database>,
  principal: Principal,
  file: UploadedFile,
  scope: SheetScope,
  today: string,
): Promise<SheetPreview> {
  try {
    await withActor(db, principal.id, async (trx) => {
      throw new PreviewDone(await applySheet(trx, principal, file, scope, today, "preview"));
    });
  } catch (error) {
    if (error instanceof PreviewDone) return error.preview;
    throw error;
  }
  throw new Error("a preview always ends by rolling back");
}

/**
 * Saves a previewed sheet, all rows or none, once per preview: a second post of the same preview
 * throws AlreadySaved. A sheet with any problem throws RefusedSheet with its preview; one with figures
 * to confirm that the uploader did not confirm throws UnconfirmedSheet.
 */
export async function saveQuarterSheet(
  db: Kysely<Database>,
  principal: Principal,
  uploadId: number,
  scope: SheetScope,
  submissionKey: string,
  today: string,
  confirmed = false,
): Promise<SheetPreview> {
  return withActor(db, principal.id, async (trx) => {
    await claimSubmission(trx, principal.id, submissionKey);
    const file = await keptUpload(trx, principal, "quarter_sheet", uploadId);
    const preview = await applySheet(trx, principal, file, scope, today, "save");
    if (problemCount(preview) > 0) throw new RefusedSheet(preview);
    if (warningCount(preview) > 0 && !confirmed) throw new UnconfirmedSheet(preview);
    await dropUpload(trx, uploadId);
    return preview;
  });
}

const scopeQuery = z.object({
  roadMapId: idSchema,
  departmentId: idSchema,
  quarter: z.string(),
});

/** The sheet's department, road map and quarter from a URL's query; 400 when it does not name them. */
export function sheetScopeOf(url: URL): SheetScope {
  const parsed = scopeQuery.safeParse(Object.fromEntries(url.searchParams));
  const quarter = parsed.success ? parseQuarterParam(parsed.data.quarter) : null;
  if (!parsed.success || !quarter) throw new Response("Bad request", { status: 400 });
  return { roadMapId: parsed.data.roadMapId, departmentId: parsed.data.departmentId, quarter };
}
