import type { DeadlineRecurrence, LocalizedText, MeasureUnit } from "~db/schema";

// What a road-map sheet says, once read: the contract between the reader (read-road-map.ts, which
// knows how offices lay out their tables) and the import that compares it with the road map and saves
// it (road-map-import.server.ts). Pure data, so the preview, the CLI's --json and the tests share it.

/** What a column of the table holds. The reader guesses it from the header; the admin may correct it. */
export type ColumnRole =
  | { kind: "ignore" }
  | { kind: "number" }
  | { kind: "title" }
  | { kind: "completionForm" }
  | { kind: "unit" }
  | { kind: "responsible" }
  | { kind: "deadline" }
  | { kind: "fundingSource" }
  | { kind: "plannedFunding" }
  | { kind: "coverage" }
  | { kind: "narrative" }
  /** A planned quantity for a year, or for one quarter of it. */
  | { kind: "plan"; year: number; quarter: number | null }
  /** A quantity already done (Орындалды / Исполнено), for a year or one quarter of it; a plain «Факт» names no year. */
  | { kind: "fact"; year: number | null; quarter: number | null };

export interface SheetColumn {
  /** 1-based column index, as exceljs counts. */
  index: number;
  /** The column's letter(s): «D». */
  letter: string;
  /** The header as written, rows of a multi-row header joined with « / ». */
  header: string;
  role: ColumnRole;
}

export type IssueSeverity = "error" | "warning";

/** A problem found while reading, with the cell it was found in («D17»), or null for the whole sheet. */
export interface SheetIssue {
  cell: string | null;
  severity: IssueSeverity;
  /** A dictionary key of the `roadMapSheet.issue` area («roadMapSheet.issue.noHeader»); the preview translates it with `params`. */
  code: string;
  params?: Record<string, string | number>;
  /** The message in the language asked for (the CLI's --json; the preview translates `code` itself). */
  message: string;
}

export interface ParsedSection {
  /** «1», «2.3»; null when the row had no number («Мәдениет»). */
  number: string | null;
  title: LocalizedText;
  /** The number of the section this one is nested in (one level at most), or null. */
  parent: string | null;
  /** The sheet row it came from. */
  row: number;
}

export interface ParsedDeadline {
  /** The date it stands for, 'YYYY-MM-DD'; null when the words name none (then it is flagged). */
  date: string | null;
  /** The words as written, when the cell was not a plain date. */
  text: string | null;
  recurrence: DeadlineRecurrence | null;
}

export interface ParsedMeasure {
  /** As printed and normalised («2.1.4»; «2.1.4.» and « 2.1.4 » read the same). */
  number: string;
  /** The number of the section the measure is listed under, or null before any section row. */
  section: string | null;
  /** Index into `sections` of the section it is listed under (a section may have no number). */
  sectionIndex: number | null;
  title: LocalizedText;
  completionForm: LocalizedText | null;
  unit: MeasureUnit;
  /** Whether the unit was read from a unit column or guessed from the words (then flagged as a warning). */
  unitGuessed: boolean;
  deadline: ParsedDeadline;
  /** Executor names as written, split at commas, semicolons and new lines; the first is the responsible one. */
  departments: string[];
  fundingSource: LocalizedText | null;
  plannedFunding: number | null;
  plans: Array<{ year: number; quarter: number | null; value: number }>;
  facts: Array<{ year: number | null; quarter: number | null; value: number }>;
  coverage: number | null;
  narrative: LocalizedText | null;
  row: number;
}

export interface ParsedSheet {
  sheet: string;
  /** The locale the sheet is written in, judged from its header and text. */
  locale: "kk" | "ru";
  /** The header's rows (1-based), or null when no header was found (an error then says so). */
  headerRows: [number, number] | null;
  columns: SheetColumn[];
  sections: ParsedSection[];
  measures: ParsedMeasure[];
  issues: SheetIssue[];
}

/** The admin's corrections of the reader's guesses: a column's role by its letter. */
export type ColumnOverrides = Record<string, ColumnRole>;

export interface ReadOptions {
  /** Read only this sheet (by name); otherwise every sheet that has a road-map table. */
  sheet?: string;
  /** Per sheet name: the admin's corrections of the column roles. */
  overrides?: Record<string, ColumnOverrides>;
  /** The years the road map's programme covers: plan and fact columns outside them are flagged. */
  years?: { start: number; end: number };
  /** The language of `message`s. */
  messageLocale?: "kk" | "ru" | "en";
}

/**
 * Several sheets of one workbook (a kk and a ru sheet of the same road map) merged into one: measures
 * matched by number give one measure with both titles.
 */
export interface ReadResult {
  sheets: ParsedSheet[];
  merged: { sections: ParsedSection[]; measures: ParsedMeasure[]; issues: SheetIssue[] };
  /** Problems with the file itself (not a spreadsheet, empty, password-protected, too large): nothing else is read. */
  fileIssues: SheetIssue[];
}
