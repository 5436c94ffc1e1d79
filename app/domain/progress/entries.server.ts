import type { Kysely, Transaction } from "kysely";
import { withActor } from "~db/actor";
import type { Database, LocalizedText, MeasureUnit } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { canWriteProgress, forbidden } from "~/domain/auth/permissions.server";
import { claimSubmission } from "~/domain/editing/submission.server";
import { claimVersion } from "~/domain/editing/versioned.server";
import {
  heldFilesOf,
  holdUploads,
  recordEvidence,
  recordOf,
  removeExpiredHeld,
  removeStored,
  storeUploads,
  takeHeldFiles,
  type CheckedUpload,
  type EvidenceLimits,
} from "~/domain/evidence/evidence.server";
import type { FileStore } from "~/domain/evidence/file-store.server";
import { NeedsAnswer, RefusedWrite } from "~/domain/editing/write-errors";
import type { EntryRow } from "~/domain/execution/execution";
import { assertQuarterOpen } from "~/domain/periods/periods.server";
import { quarterOf, type Quarter } from "~/domain/periods/quarter";
import { entryQuestions, entryStanding, mustAnswer, type EntryQuestion } from "./entry-checks";
import { COUNTABLE_UNITS, type EntryInput, type EntryLimits, type QuarterEntriesInput } from "./entry-schema";

type Trx = Transaction<Database>;

export interface MeasureForWrite {
  id: number;
  roadMapId: number;
  responsibleDepartmentId: number;
  territoryId: number;
  unit: MeasureUnit;
  weight: number;
  deadline: string;
  removedOn: string | null;
  startYear: number;
  endYear: number;
  amber: number;
}

async function measureForWrite(db: Kysely<Database> | Trx, measureId: number): Promise<MeasureForWrite | null> {
  const row = await db
    .selectFrom("measure as m")
    .innerJoin("road_map as rm", "rm.id", "m.road_map_id")
    .innerJoin("programme as p", "p.id", "rm.programme_id")
    .select([
      "m.id",
      "m.road_map_id",
      "m.responsible_department_id",
      "m.territory_id",
      "m.unit",
      "m.weight",
      "m.deadline",
      "m.removed_on",
      "p.start_year",
      "p.end_year",
      "p.rag_amber",
    ])
    .where("m.id", "=", measureId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    roadMapId: row.road_map_id,
    responsibleDepartmentId: row.responsible_department_id,
    territoryId: row.territory_id,
    unit: row.unit,
    weight: row.weight,
    deadline: row.deadline,
    removedOn: row.removed_on,
    startYear: row.start_year,
    endYear: row.end_year,
    amber: row.rag_amber,
  };
}

/** The measure, if the user may write its progress; 404 when it does not exist, 403 when it is not theirs. */
export async function requireWritableMeasure(
  db: Kysely<Database> | Trx,
  principal: Principal,
  measureId: number,
): Promise<MeasureForWrite> {
  const measure = await measureForWrite(db, measureId);
  if (!measure) throw new Response("Not found", { status: 404 });
  if (!canWriteProgress(principal, measure.responsibleDepartmentId)) throw forbidden();
  return measure;
}

/** Dates a progress entry of this measure may carry. */
export function entryLimits(measure: Pick<MeasureForWrite, "startYear" | "endYear">, today: string): EntryLimits {
  return { firstDate: `${measure.startYear}-01-01`, lastDate: `${measure.endYear}-12-31`, today };
}

/**
 * A department's quarter, once its report is submitted or accepted, is in the reviewer's hands: its
 * entries change only after the report is sent back.
 */
async function assertReportOpen(trx: Trx, measure: MeasureForWrite, quarter: Quarter): Promise<void> {
  const report = await trx
    .selectFrom("department_report")
    .select("status")
    .where("road_map_id", "=", measure.roadMapId)
    .where("department_id", "=", measure.responsibleDepartmentId)
    .where("year", "=", quarter.year)
    .where("quarter", "=", quarter.quarter)
    .executeTakeFirst();
  if (report && report.status !== "returned") {
    throw new RefusedWrite(`report.${report.status}Locked`, { year: quarter.year, quarter: quarter.quarter });
  }
}

/**
 * What the entry, once written, must still answer (entry-checks.ts): a confirmation of a fact far past
 * its quarter's plan, a reason when it leaves the measure behind or overdue. Read inside the write's
 * transaction, so the entry itself is counted.
 */
async function entryQuestionsAfterWrite(
  trx: Trx,
  measure: MeasureForWrite,
  fields: EntryFields,
  field: string,
): Promise<EntryQuestion[]> {
  const [plans, entries] = await Promise.all([
    trx.selectFrom("measure_plan").selectAll().where("measure_id", "=", measure.id).execute(),
    trx.selectFrom("progress_entry").selectAll().where("measure_id", "=", measure.id).execute(),
  ]);
  const standing = entryStanding({
    measure: {
      id: measure.id,
      territoryId: measure.territoryId,
      weight: measure.weight,
      deadline: measure.deadline,
      removedOn: measure.removedOn,
    },
    plans: plans.map((p) => ({
      measureId: p.measure_id,
      territoryId: p.territory_id,
      year: p.year,
      quarter: p.quarter,
      planned: p.planned,
    })),
    entries: entries.map((e): EntryRow => ({
      measureId: e.measure_id,
      territoryId: e.territory_id,
      entryDate: e.entry_date,
      value: e.value,
      peopleReached: e.people_reached,
      reportStatus: null,
    })),
    territoryId: fields.territoryId,
    entryDate: fields.entryDate,
    thresholds: { green: 100, amber: measure.amber },
  });
  return entryQuestions(
    standing,
    {
      value: fields.value,
      confirmedValue: fields.confirmedValue,
      hasReason: Boolean(fields.behindReasonKk || fields.behindReasonRu),
      entryDate: fields.entryDate,
    },
    { deadline: measure.deadline, amber: measure.amber },
    field,
  );
}

/** Questions as the form marks them: a missing reason at the row's Kazakh reason field. */
export function questionFieldErrors(questions: EntryQuestion[]): Record<string, string[]> {
  return Object.fromEntries(
    questions
      .filter((question) => question.kind === "reason")
      .map((question) => [`${question.field}behindReasonKk`, ["validation.reasonRequired"]]),
  );
}

const localized = (kk: string | undefined, ru: string | undefined): string | null => {
  const text: LocalizedText = {};
  if (kk) text.kk = kk;
  if (ru) text.ru = ru;
  return Object.keys(text).length ? JSON.stringify(text) : null;
};

export type EntryFields = Omit<EntryInput, "intent" | "entryId" | "version" | "submissionKey" | "removeFiles">;

/** A written entry, and what it must still answer before its transaction may commit. */
export interface WrittenEntry {
  id: number;
  questions: EntryQuestion[];
}

export function entryValues(fields: EntryFields) {
  return {
    territory_id: fields.territoryId,
    entry_date: fields.entryDate,
    value: fields.value,
    people_reached: fields.peopleReached ?? null,
    base: fields.base ?? null,
    narrative: localized(fields.narrativeKk, fields.narrativeRu),
    evidence_links: JSON.stringify(fields.evidenceLinks),
    behind_reason: localized(fields.behindReasonKk, fields.behindReasonRu),
  };
}

/** Where an entry came from when a sheet made it: its row's key and the file's import batch. */
export interface EntrySource {
  sourceKey: string;
  importBatchId: number;
}

/**
 * Adds an entry, or changes one from the version the user started from, by the rules every way of
 * entering facts shares: the user's department, whole numbers for countable units, open quarter,
 * report not in review. A refusal names its field as `${fieldPrefix}field`. The caller decides what
 * becomes of the entry's questions (entry-checks.ts): a form asks them and rolls the write back.
 */
export async function writeEntry(
  trx: Trx,
  principal: Principal,
  fields: EntryFields,
  fieldPrefix: string,
  existing?: { entryId: number; version: number },
  source?: EntrySource,
): Promise<WrittenEntry> {
  const measure = await requireWritableMeasure(trx, principal, fields.measureId);
  if (COUNTABLE_UNITS.has(measure.unit) && !Number.isInteger(fields.value)) {
    throw new RefusedWrite("entryRules.wholeNumber", {}, `${fieldPrefix}value`);
  }
  const quarter = quarterOf(fields.entryDate);
  if (existing) {
    const current = await trx
      .selectFrom("progress_entry")
      .select(["measure_id", "entry_date"])
      .where("id", "=", existing.entryId)
      .executeTakeFirst();
    if (current && current.measure_id !== measure.id) throw forbidden();
    await claimVersion(trx, "progress_entry", existing.entryId, existing.version);
    if (current) {
      await assertQuarterOpen(trx, measure.roadMapId, current.entry_date);
      await assertReportOpen(trx, measure, quarterOf(current.entry_date));
    }
  }
  await assertQuarterOpen(trx, measure.roadMapId, fields.entryDate);
  await assertReportOpen(trx, measure, quarter);

  let id: number;
  if (existing) {
    await trx
      .updateTable("progress_entry")
      .set({
        ...entryValues(fields),
        // Forms without a base field (/my, the quarter sheet) keep the base the entry recorded.
        ...(fields.base === undefined ? { base: undefined } : {}),
        ...(source ? { import_batch_id: source.importBatchId } : {}),
      })
      .where("id", "=", existing.entryId)
      .execute();
    id = existing.entryId;
  } else {
    const row = await trx
      .insertInto("progress_entry")
      .values({
        measure_id: measure.id,
        author_id: principal.id,
        ...entryValues(fields),
        ...(source ? { source_key: source.sourceKey, import_batch_id: source.importBatchId } : {}),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  return { id, questions: await entryQuestionsAfterWrite(trx, measure, fields, fieldPrefix) };
}

/** Files that come with an entry form: checked uploads to add, ids of the entry's files to remove. */
export interface EntryEvidence {
  store: FileStore;
  uploads: CheckedUpload[];
  limits: EvidenceLimits;
}

/**
 * Adds an entry, or changes one from the version the user started from; once per form render. An
 * edit that does not say which version it started from is refused rather than taken for a new entry.
 * Its new evidence files are written to the store first and recorded in the entry's transaction; when
 * that does not commit, they are removed again, and the files it removed go only once it has. When the
 * form must be answered first, its files are held for the answered post instead (`heldFiles`).
 */
export async function saveEntry(
  db: Kysely<Database>,
  principal: Principal,
  input: EntryInput,
  evidence?: EntryEvidence,
) {
  const { entryId, version, intent: _intent, submissionKey, removeFiles = [], heldFiles = [], ...fields } = input;
  if (entryId !== undefined && version === undefined) throw new RefusedWrite("entryRules.versionRequired");
  if (evidence) await removeExpiredHeld(db, evidence.store);
  const stored = evidence ? await storeUploads(evidence.store, evidence.uploads) : [];
  try {
    const { id, removed } = await withActor(db, principal.id, async (trx) => {
      await claimSubmission(trx, principal.id, submissionKey);
      const held = evidence ? await takeHeldFiles(trx, principal, heldFiles) : [];
      const written = await writeEntry(
        trx,
        principal,
        fields,
        "",
        entryId && version ? { entryId, version } : undefined,
      );
      if (mustAnswer(written.questions)) {
        throw new NeedsAnswer(written.questions, questionFieldErrors(written.questions));
      }
      const added = [...held, ...stored.map(recordOf)];
      const removed =
        added.length || removeFiles.length
          ? await recordEvidence(
              trx,
              principal,
              { id: written.id, measureId: fields.measureId },
              added,
              removeFiles,
              evidence?.limits ?? { fileBytes: 0, count: 0 },
            )
          : [];
      return { id: written.id, removed };
    });
    if (evidence) await removeStored(evidence.store, removed);
    return id;
  } catch (error) {
    if (evidence && error instanceof NeedsAnswer) {
      // The transaction rolled back: the files already held stay held, the new ones join them.
      const carried = await heldFilesOf(db, principal, heldFiles);
      const kept = await holdUploads(db, principal, stored);
      throw new NeedsAnswer(error.questions, error.fieldErrors, [...carried, ...kept]);
    }
    if (evidence) await removeStored(evidence.store, stored);
    throw error;
  }
}

/** Saves a new entry for every filled row, or none of them; once per form render. */
export async function saveQuarterEntries(
  db: Kysely<Database>,
  principal: Principal,
  input: QuarterEntriesInput,
): Promise<number[]> {
  return withActor(db, principal.id, async (trx) => {
    await claimSubmission(trx, principal.id, input.submissionKey);
    // Every row is written before the questions are asked, so that the form asks all of them at once.
    const ids: number[] = [];
    const questions: EntryQuestion[] = [];
    for (const [index, row] of input.rows.entries()) {
      if (row.value === undefined) continue;
      const written = await writeEntry(trx, principal, { ...row, value: row.value }, `rows[${index}].`);
      ids.push(written.id);
      questions.push(...written.questions);
    }
    if (mustAnswer(questions)) throw new NeedsAnswer(questions, questionFieldErrors(questions));
    return ids;
  });
}

export async function deleteEntry(
  db: Kysely<Database>,
  principal: Principal,
  entryId: number,
  version: number,
  store?: FileStore,
) {
  const files = await withActor(db, principal.id, async (trx) => {
    const entry = await trx
      .selectFrom("progress_entry")
      .select(["measure_id", "entry_date"])
      .where("id", "=", entryId)
      .executeTakeFirst();
    if (!entry) throw new Response("Not found", { status: 404 });
    const measure = await requireWritableMeasure(trx, principal, entry.measure_id);
    await claimVersion(trx, "progress_entry", entryId, version);
    await assertQuarterOpen(trx, measure.roadMapId, entry.entry_date);
    await assertReportOpen(trx, measure, quarterOf(entry.entry_date));
    // The entry's files go with it, each row audited.
    const removed = await trx
      .deleteFrom("evidence_file")
      .where("entry_id", "=", entryId)
      .returning(["storage_key as key", "has_thumbnail as hasThumbnail"])
      .execute();
    await trx.deleteFrom("progress_entry").where("id", "=", entryId).execute();
    return removed;
  });
  if (store) await removeStored(store, files);
}
