import { z } from "zod";
import type { MeasureUnit } from "~db/schema";
import { submissionKeySchema } from "~/domain/editing/submission-key";
import { isIsoDate } from "~/domain/periods/quarter";

// One schema for the progress-entry forms, used by the browser (Conform) and by the action.
// Messages are dictionary keys; the form shows them in the reader's language.

export const NARRATIVE_MAX = 4000;
/** Evidence links an entry takes; files are counted apart (EVIDENCE_FILES_MAX). */
export const EVIDENCE_LINKS_MAX = 10;
const VALUE_MAX = 1_000_000_000_000;

export interface EntryLimits {
  /** The first and last day of the programme's years. */
  firstDate: string;
  lastDate: string;
  /** No fact can be reported for a day that has not come yet. */
  today: string;
  /** What the first and last day bound: the programme's years, or the quarter being reported. */
  bounds?: "programme" | "quarter";
}

/** Units counted in whole things: «2,5 іс-шара» is not a fact. */
export const COUNTABLE_UNITS: ReadonlySet<MeasureUnit> = new Set([
  "event",
  "meeting",
  "object",
  "person",
  "document",
  "item",
  "centre",
  "project",
]);

const isWhole = (unit: MeasureUnit | undefined, value: number | undefined) =>
  value === undefined || unit === undefined || !COUNTABLE_UNITS.has(unit) || Number.isInteger(value);

const id = z.coerce.number({ error: "validation.required" }).int().positive();

/** Numbers as people type them here: «1 234,5» as well as «1234.5». */
export function decimal<T extends z.ZodType>(schema: T) {
  return z.preprocess((input) => {
    if (typeof input !== "string") return input;
    const normalised = input.replace(/[\s\u00a0]/g, "").replace(",", ".");
    return normalised === "" ? undefined : /^-?\d*\.?\d+$/.test(normalised) ? Number(normalised) : input;
  }, schema);
}

// Conform hands empty fields over as undefined; blank text is dropped when the entry is stored.
const optionalText = z.string().trim().max(NARRATIVE_MAX, "validation.tooLong").optional();

export const isWebLink = (link: string) => {
  try {
    const url = new URL(link);
    return (url.protocol === "https:" || url.protocol === "http:") && link.length <= 2000;
  } catch {
    return false;
  }
};

/** Evidence links, one per line (or separated by spaces), each an http(s) address. */
const evidenceLinks = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(/\s+/).filter(Boolean))
  .refine((links) => links.every(isWebLink), "validation.url")
  .refine((links) => links.length <= EVIDENCE_LINKS_MAX, "validation.tooManyLinks");

function entryDate(limits: EntryLimits) {
  return z
    .string({ error: "validation.required" })
    .refine(isIsoDate, "validation.date")
    .refine(
      (date) => date >= limits.firstDate && date <= limits.lastDate,
      limits.bounds === "quarter" ? "validation.dateOutsideQuarter" : "validation.dateOutsideProgramme",
    )
    .refine((date) => date <= limits.today, "validation.dateInFuture");
}

/** The fields of one progress entry. */
export function entryFields(limits: EntryLimits) {
  return {
    measureId: id,
    territoryId: id,
    entryDate: entryDate(limits),
    value: decimal(
      z
        .number({ error: (issue) => (issue.input === undefined ? "validation.required" : "validation.number") })
        .min(0, "validation.notNegative")
        .max(VALUE_MAX, "validation.tooLarge")
        .refine((value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6, "validation.decimals"),
    ),
    peopleReached: decimal(
      z
        .number({ error: "validation.integer" })
        .int("validation.integer")
        .min(0, "validation.notNegative")
        .max(100_000_000, "validation.tooLarge")
        .optional(),
    ),
    /** For a share-of-base measure: the base when the fact was recorded, when it differs from the plan's. */
    base: decimal(
      z
        .number({ error: "validation.number" })
        .gt(0, "figures.baseInvalid")
        .max(VALUE_MAX, "validation.tooLarge")
        .optional(),
    ),
    narrativeKk: optionalText,
    narrativeRu: optionalText,
    evidenceLinks,
    behindReasonKk: optionalText,
    behindReasonRu: optionalText,
    /** The fact the user confirmed when asked (entry-checks.ts): a changed fact is asked about again. */
    confirmedValue: decimal(z.number().optional()).catch(undefined),
  };
}

/** One entry of a measure; `unit` is the measure's, so that countable units take whole numbers. */
export function entrySchema(limits: EntryLimits, unit?: MeasureUnit) {
  return z
    .object({
      intent: z.literal("save-entry"),
      submissionKey: submissionKeySchema,
      entryId: id.optional(),
      version: id.optional(),
      /** Evidence files of the entry to remove (their ids); new ones come as the form's files. */
      removeFiles: z.preprocess(
        (value) => (value === undefined || Array.isArray(value) ? value : [value]),
        z.array(id).max(50).optional(),
      ),
      /** Files held from a post that came back with a question (evidence.server.ts holdUploads). */
      heldFiles: z.preprocess(
        (value) => (value === undefined || Array.isArray(value) ? value : [value]),
        z.array(id).max(50).optional(),
      ),
      ...entryFields(limits),
    })
    .refine((input) => isWhole(unit, input.value), { path: ["value"], message: "entryRules.wholeNumber" });
}

export type EntryInput = z.infer<ReturnType<typeof entrySchema>>;

/**
 * Several measures of a quarter in one submit. A row left empty is skipped; a row with anything
 * filled in needs its value. Rows keep their positions, so errors land on the right row of the form.
 */
export function quarterEntriesSchema(limits: EntryLimits, unitOf: (measureId: number) => MeasureUnit | undefined) {
  return z
    .object({
      intent: z.literal("save-quarter"),
      submissionKey: submissionKeySchema,
      rows: quarterRowsSchema(limits, unitOf),
    })
    .refine((input) => input.rows.some((row) => row.value !== undefined), {
      path: ["rows"],
      message: "validation.nothingToSave",
    });
}

/** The rows of a quarter (the form's, or a quarter sheet's). */
export function quarterRowsSchema(limits: EntryLimits, unitOf: (measureId: number) => MeasureUnit | undefined) {
  const fields = entryFields(limits);
  const row = z.object({ ...fields, value: fields.value.optional() }).superRefine((row, context) => {
    const filled =
      row.peopleReached !== undefined ||
      row.narrativeKk ||
      row.narrativeRu ||
      row.behindReasonKk ||
      row.behindReasonRu ||
      row.evidenceLinks.length > 0;
    if (row.value === undefined && filled)
      context.addIssue({ code: "custom", path: ["value"], message: "validation.required" });
    if (!isWhole(unitOf(row.measureId), row.value))
      context.addIssue({ code: "custom", path: ["value"], message: "entryRules.wholeNumber" });
  });
  return z.array(row).max(500);
}

export type QuarterEntriesInput = z.infer<ReturnType<typeof quarterEntriesSchema>>;

export const deleteEntrySchema = z.object({
  intent: z.literal("delete-entry"),
  entryId: id,
  version: id,
});
