import type * as ExcelJS from "exceljs";
import { loadExcel } from "~/domain/export/excel";

// A department's quarter as a sheet it fills in Excel, and that sheet read back. Pure: the server
// (quarter-sheet.server.ts) supplies the measures and the labels, validates what is read with the
// form's own schema and saves it by the form's own path.
//
// Layout: title rows, a header in the reader's language, a hidden row of field names (how the reader
// finds its columns), then a row per measure — or per territory share where the plan is split. A
// hidden sheet holds what the file is for (department, road map, quarter) and the download's token,
// which every row key carries: `sheet:{token}:{measureId}:{territoryId}`.

export const META_SHEET = "oryndau";
const META_MARK = "oryndau-quarter-sheet/1";
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const TITLE_ROWS = 5;
const HEADER_ROW = TITLE_ROWS + 1;
const FIELD_ROW = HEADER_ROW + 1;
const FIRST_DATA_ROW = FIELD_ROW + 1;
const MAX_ROWS = 500;

export const SHEET_COLUMNS = [
  { name: "number", width: 8 },
  { name: "title", width: 46 },
  { name: "unit", width: 13 },
  { name: "territory", width: 18 },
  { name: "plan", width: 10 },
  { name: "factSoFar", width: 11 },
  { name: "entryDate", width: 12, input: true },
  { name: "value", width: 10, input: true },
  { name: "peopleReached", width: 11, input: true },
  { name: "narrativeKk", width: 36, input: true },
  { name: "narrativeRu", width: 36, input: true },
  { name: "behindReasonKk", width: 28, input: true },
  { name: "behindReasonRu", width: 28, input: true },
  { name: "evidenceLinks", width: 30, input: true },
  { name: "measureId", width: 8, key: true },
  { name: "territoryId", width: 8, key: true },
  { name: "rowKey", width: 30, key: true },
] as const;

export type SheetColumnName = (typeof SHEET_COLUMNS)[number]["name"];
export type VisibleColumnName = Exclude<SheetColumnName, "measureId" | "territoryId" | "rowKey">;
export const INPUT_COLUMNS = [
  "entryDate",
  "value",
  "peopleReached",
  "narrativeKk",
  "narrativeRu",
  "behindReasonKk",
  "behindReasonRu",
  "evidenceLinks",
] as const;
export type InputColumnName = (typeof INPUT_COLUMNS)[number];

export interface QuarterSheetMeta {
  departmentId: number;
  roadMapId: number;
  year: number;
  quarter: number;
  /** Random per download; every row key of the file carries it. */
  token: string;
}

export interface QuarterSheetLine {
  measureId: number;
  territoryId: number;
  number: string;
  title: string;
  unit: string;
  territory: string;
  plan: number;
  factSoFar: number;
  /** Whole numbers only (events, people, …): the fact cell refuses a fraction. */
  countable: boolean;
}

export interface QuarterSheetLabels {
  sheetName: string;
  title: string;
  department: string;
  roadMap: string;
  quarter: string;
  instruction: string;
  columns: Record<VisibleColumnName, string>;
  numberError: string;
  wholeNumberError: string;
  dateError: string;
}

export const rowKeyOf = (token: string, measureId: number, territoryId: number) =>
  `sheet:${token}:${measureId}:${territoryId}`;

/** «A», «B», … «AA» for a 1-based column index. */
export function letterOf(index: number): string {
  let letters = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Excel keeps a date as a day; a UTC midnight Date is that day wherever the file is opened. */
const excelDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

const THIN = { style: "thin" as const, color: { argb: "FFB0B7C3" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The quarter's sheet, pre-filled: fixed columns locked, input columns open, the default entry date set. */
export async function buildQuarterSheet(
  meta: QuarterSheetMeta,
  lines: QuarterSheetLine[],
  labels: QuarterSheetLabels,
  dates: { entryDate: string; firstDate: string; lastDate: string },
): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = "Oryndau";
  const sheet = workbook.addWorksheet(labels.sheetName, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", xSplit: 2, ySplit: FIELD_ROW }],
  });
  sheet.columns = SHEET_COLUMNS.map((column) => ({
    width: column.width,
    hidden: "key" in column && column.key,
  }));
  const lastVisible = letterOf(SHEET_COLUMNS.filter((column) => !("key" in column)).length);

  const titles = [labels.title, labels.department, labels.roadMap, labels.quarter, labels.instruction];
  titles.forEach((text, index) => {
    const row = index + 1;
    sheet.mergeCells(`A${row}:${lastVisible}${row}`);
    const cell = sheet.getCell(`A${row}`);
    cell.value = text;
    cell.font = { bold: index === 0, size: index === 0 ? 14 : 11, italic: index === titles.length - 1 };
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
  sheet.getRow(TITLE_ROWS).height = 32;

  const header = sheet.getRow(HEADER_ROW);
  const fields = sheet.getRow(FIELD_ROW);
  SHEET_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = "key" in column ? null : labels.columns[column.name];
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    cell.border = BORDER;
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "input" in column ? "FFFFF4D6" : "FFE8ECF2" },
    };
    fields.getCell(index + 1).value = column.name;
  });
  header.height = 45;
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  fields.hidden = true;

  lines.forEach((line, index) => {
    const row = sheet.getRow(FIRST_DATA_ROW + index);
    const values: Partial<Record<SheetColumnName, ExcelJS.CellValue>> = {
      number: line.number,
      title: line.title,
      unit: line.unit,
      territory: line.territory,
      plan: line.plan,
      factSoFar: line.factSoFar,
      entryDate: excelDate(dates.entryDate),
      measureId: line.measureId,
      territoryId: line.territoryId,
      rowKey: rowKeyOf(meta.token, line.measureId, line.territoryId),
    };
    SHEET_COLUMNS.forEach((column, columnIndex) => {
      const cell = row.getCell(columnIndex + 1);
      cell.value = values[column.name] ?? null;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: "top" };
      const input = "input" in column;
      cell.protection = { locked: !input };
      if (!input) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F5F8" } };
    });
    // Excel does not grow a row for wrapped text written by a program: the row is given the height
    // of its longest wrapped cell (about 1.15 characters per width unit, 15 points a line).
    const lineCount = Math.max(
      1,
      ...SHEET_COLUMNS.map((column) => {
        const text = values[column.name];
        return typeof text === "string" && !("key" in column) ? Math.ceil(text.length / (column.width * 1.15)) : 1;
      }),
    );
    row.height = Math.max(18, lineCount * 15);
    const cell = (name: SheetColumnName) => row.getCell(SHEET_COLUMNS.findIndex((c) => c.name === name) + 1);
    cell("plan").numFmt = "#,##0.###";
    cell("factSoFar").numFmt = "#,##0.###";
    cell("entryDate").numFmt = "dd.mm.yyyy";
    cell("entryDate").dataValidation = {
      type: "date",
      operator: "between",
      allowBlank: true,
      showErrorMessage: true,
      error: labels.dateError,
      formulae: [excelDate(dates.firstDate), excelDate(dates.lastDate)],
    };
    cell("value").numFmt = line.countable ? "#,##0" : "#,##0.###";
    cell("value").dataValidation = {
      type: line.countable ? "whole" : "decimal",
      operator: "greaterThanOrEqual",
      allowBlank: true,
      showErrorMessage: true,
      error: line.countable ? labels.wholeNumberError : labels.numberError,
      formulae: [0],
    };
    cell("peopleReached").numFmt = "#,##0";
    cell("peopleReached").dataValidation = {
      type: "whole",
      operator: "greaterThanOrEqual",
      allowBlank: true,
      showErrorMessage: true,
      error: labels.wholeNumberError,
      formulae: [0],
    };
  });

  // Protection keeps the measures, plans and keys as they were downloaded; no password, since it
  // guards against slips, not against the department itself (the server checks every key anyway).
  void sheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });

  const metaSheet = workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
  metaSheet.addRows([
    ["kind", META_MARK],
    ["departmentId", meta.departmentId],
    ["roadMapId", meta.roadMapId],
    ["year", meta.year],
    ["quarter", meta.quarter],
    ["token", meta.token],
  ]);
  return workbook;
}

/** A file that is not a quarter sheet of ours. */
export class NotQuarterSheet extends Error {
  constructor() {
    super("not a quarter sheet");
  }
}

export interface ReadSheetRow {
  /** The row's number in the sheet, as Excel shows it. */
  row: number;
  measureId: string | undefined;
  territoryId: string | undefined;
  rowKey: string | undefined;
  cells: Partial<Record<InputColumnName, string>>;
}

export interface ReadQuarterSheet {
  meta: QuarterSheetMeta;
  rows: ReadSheetRow[];
  /** «H12» for a field of a sheet row. */
  address: (row: number, column: SheetColumnName) => string;
}

const isoOf = (date: Date) => date.toISOString().slice(0, 10);

/** What a cell holds, as the form would have received it: text, or nothing. */
export function cellInput(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return isoOf(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") {
    const text = value.trim();
    // A date typed as text, the way it is written here: 30.09.2026.
    const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    if (dotted) return `${dotted[3]}-${dotted[2]!.padStart(2, "0")}-${dotted[1]!.padStart(2, "0")}`;
    return text || undefined;
  }
  if ("richText" in value) return cellInput(value.richText.map((part) => part.text).join(""));
  if ("formula" in value || "sharedFormula" in value) return cellInput(value.result ?? null);
  if ("hyperlink" in value) return cellInput(value.hyperlink);
  if ("error" in value) return value.error;
  return undefined;
}

const integerOf = (value: ExcelJS.CellValue) => {
  const text = cellInput(value);
  return text !== undefined && /^\d{1,12}$/.test(text) ? Number(text) : null;
};

/** Reads a quarter sheet back; throws NotQuarterSheet for any other file. */
export async function readQuarterSheet(bytes: Uint8Array): Promise<ReadQuarterSheet> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new NotQuarterSheet();
  }
  const metaSheet = workbook.getWorksheet(META_SHEET);
  if (!metaSheet) throw new NotQuarterSheet();
  const metaValues = new Map<string, ExcelJS.CellValue>();
  metaSheet.eachRow((row) => metaValues.set(String(cellInput(row.getCell(1).value) ?? ""), row.getCell(2).value));
  const token = cellInput(metaValues.get("token") ?? null) ?? "";
  const numbers = (["departmentId", "roadMapId", "year", "quarter"] as const).map((name) =>
    integerOf(metaValues.get(name) ?? null),
  );
  if (cellInput(metaValues.get("kind") ?? null) !== META_MARK || !TOKEN_PATTERN.test(token) || numbers.includes(null)) {
    throw new NotQuarterSheet();
  }
  const [departmentId, roadMapId, year, quarter] = numbers as number[];
  if (quarter! < 1 || quarter! > 4) throw new NotQuarterSheet();

  const sheet = workbook.worksheets.find((candidate) => candidate.name !== META_SHEET);
  if (!sheet) throw new NotQuarterSheet();
  // The columns are found by the hidden row of field names, wherever the user's Excel moved them.
  let fieldRow = 0;
  const columnOf = new Map<SheetColumnName, number>();
  for (let r = 1; r <= Math.min(sheet.rowCount, 30) && fieldRow === 0; r += 1) {
    const row = sheet.getRow(r);
    const names = new Map<string, number>();
    row.eachCell((cell, column) => names.set(String(cellInput(cell.value) ?? ""), column));
    if (!names.has("rowKey") || !names.has("number")) continue;
    fieldRow = r;
    for (const column of SHEET_COLUMNS) {
      const index = names.get(column.name);
      if (index !== undefined) columnOf.set(column.name, index);
    }
  }
  if (fieldRow === 0 || SHEET_COLUMNS.some((column) => !columnOf.has(column.name))) throw new NotQuarterSheet();

  const rows: ReadSheetRow[] = [];
  const last = Math.min(sheet.rowCount, fieldRow + MAX_ROWS);
  for (let r = fieldRow + 1; r <= last; r += 1) {
    const row = sheet.getRow(r);
    const read = (name: SheetColumnName) => cellInput(row.getCell(columnOf.get(name)!).value);
    const cells: Partial<Record<InputColumnName, string>> = {};
    for (const name of INPUT_COLUMNS) {
      const value = read(name);
      if (value !== undefined) cells[name] = value;
    }
    const rowKey = read("rowKey");
    const measureId = read("measureId");
    if (rowKey === undefined && measureId === undefined && Object.keys(cells).length === 0) continue;
    rows.push({ row: r, measureId, territoryId: read("territoryId"), rowKey, cells });
  }
  return {
    meta: { departmentId: departmentId!, roadMapId: roadMapId!, year: year!, quarter: quarter!, token },
    rows,
    address: (row, column) => `${letterOf(columnOf.get(column) ?? 0)}${row}`,
  };
}

/** Whether a sheet row carries anything to save beyond the date the download put in it. */
export const rowHasFacts = (row: ReadSheetRow) =>
  INPUT_COLUMNS.some((name) => name !== "entryDate" && row.cells[name] !== undefined);
