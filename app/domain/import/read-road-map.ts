import { SheetGrid, type Grid } from "./cells";
import { csvGrid } from "./csv";
import { fileKindOf } from "./file-kind";
import { makeIssue, type MessageLocale } from "./issues";
import { mergeSheets } from "./merge-sheets";
import { readSheet } from "./read-sheet";
import type { ParsedSection, ParsedMeasure, ReadOptions, ReadResult, SheetIssue } from "./road-map-sheet";
import { UPLOAD_MAX_BYTES } from "./upload-limit";
import { xlsxGrids } from "./xlsx-grid";

// The road-map reader: a file's bytes (an .xlsx or a CSV, judged from the bytes) → what its sheets say.
// Pure: no database, so the preview, the save, the CLI and the tests all read a file the same way.

const refused = (issue: SheetIssue): ReadResult => ({
  sheets: [],
  merged: { sections: [], measures: [], issues: [] },
  fileIssues: [issue],
});

export async function readRoadMapWorkbook(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const locale: MessageLocale = options.messageLocale ?? "kk";
  const kind = fileKindOf(bytes);
  if (kind.kind === "refused") {
    const params: Record<string, number> = kind.code === "tooLarge" ? { megabytes: UPLOAD_MAX_BYTES / 2 ** 20 } : {};
    return refused(makeIssue(locale, null, "error", kind.code, params));
  }
  let grids: Grid[];
  if (kind.kind === "csv") {
    grids = [csvGrid(kind.text, fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "CSV")];
  } else {
    try {
      grids = await xlsxGrids(bytes);
    } catch {
      return refused(makeIssue(locale, null, "error", "damaged"));
    }
  }
  if (options.sheet !== undefined) {
    grids = grids.filter((grid) => grid.name === options.sheet);
    if (grids.length === 0) return refused(makeIssue(locale, null, "error", "sheetNotFound", { sheet: options.sheet }));
  }
  const read = grids.map((grid) =>
    readSheet(new SheetGrid(grid), {
      overrides: options.overrides?.[grid.name],
      years: options.years,
      messageLocale: locale,
    }),
  );
  // Other sheets of a workbook (lists, notes, a chart) are left out once one holds a road-map table.
  const tables = read.filter((sheet) => sheet.headerRows !== null);
  const sheets = tables.length > 0 ? tables : read;
  if (sheets.length === 0) return refused(makeIssue(locale, null, "error", "noSheets"));
  return { sheets, merged: mergeSheets(sheets, locale), fileIssues: [] };
}

/** One sheet as the CLI's `--dry-run --json` prints it (issue 9). */
export interface RoadMapSheetJson {
  sheet: string;
  sections: Array<{ number: string | null; title: { kk: string | null; ru: string | null } }>;
  measures: Array<{
    number: string;
    section: string | null;
    title: { kk: string | null; ru: string | null };
    unit: string;
    deadline: { date: string | null; text: string | null };
    departments: string[];
    plans: Array<{ year: number; quarter: number | null; value: number }>;
    facts: Array<{ value: number }>;
    coverage: number | null;
  }>;
  issues: Array<{ cell: string | null; severity: "error" | "warning"; message: string }>;
}

/** A sheet (or the merged road map, named as you like) in the CLI's JSON shape. */
export function roadMapSheetJson(sheet: {
  sheet: string;
  sections: ParsedSection[];
  measures: ParsedMeasure[];
  issues: SheetIssue[];
}): RoadMapSheetJson {
  return {
    sheet: sheet.sheet,
    sections: sheet.sections.map((section) => ({
      number: section.number,
      title: { kk: section.title.kk ?? null, ru: section.title.ru ?? null },
    })),
    measures: sheet.measures.map((measure) => ({
      number: measure.number,
      section: measure.section,
      title: { kk: measure.title.kk ?? null, ru: measure.title.ru ?? null },
      unit: measure.unit,
      deadline: { date: measure.deadline.date, text: measure.deadline.text },
      departments: measure.departments,
      plans: measure.plans,
      facts: measure.facts.map((fact) => ({ value: fact.value })),
      coverage: measure.coverage,
    })),
    issues: sheet.issues.map((issue) => ({ cell: issue.cell, severity: issue.severity, message: issue.message })),
  };
}
