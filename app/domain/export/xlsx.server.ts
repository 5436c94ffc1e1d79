import type * as ExcelJS from "exceljs";
import { loadExcel } from "./excel";
import type { CellValue, ColumnKind, ExportTable } from "./table";

// Writing sheets with exceljs: the pieces every exported workbook shares (title rows merged across
// the table, a shaded header repeated on each printed page, A4 landscape fitted to the width, number
// formats) and the generic table of table.ts.

export const NUMBER_FORMAT = "#,##0.###";
export const PERCENT_FORMAT = "0.0%";
export const DATE_FORMAT = "dd.mm.yyyy";
export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7ECF3" } };
export const SECTION_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F3F5" } };
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF868E96" } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const DEFAULT_WIDTH: Record<ColumnKind, number> = { text: 30, number: 12, percent: 11, date: 12 };

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = "Oryndau";
  workbook.created = new Date();
  return workbook;
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet";
}

/**
 * A cell's value as a plain value of its kind. Text is always a string cell — exceljs writes a
 * formula only for a `{ formula }` object — so «=HYPERLINK(…)» in a narrative stays words.
 */
export function setCell(cell: ExcelJS.Cell, value: CellValue, kind: ColumnKind): void {
  if (value === null || value === "") {
    cell.value = null;
    return;
  }
  if (kind === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar date at midnight UTC: what Excel stores for a date typed into a cell.
    cell.value = new Date(`${value}T00:00:00Z`);
    cell.numFmt = DATE_FORMAT;
    return;
  }
  if (typeof value === "number" && kind !== "text") {
    cell.value = value;
    cell.numFmt = kind === "percent" ? PERCENT_FORMAT : NUMBER_FORMAT;
    return;
  }
  cell.value = String(value);
}

/** Title lines on top, each merged across the table's width; returns the next free row. */
export function writeTitleLines(sheet: ExcelJS.Worksheet, lines: string[], width: number): number {
  lines.forEach((line, index) => {
    const row = sheet.getRow(index + 1);
    row.getCell(1).value = line;
    row.getCell(1).font = index === 0 ? { bold: true, size: 13 } : { size: 11 };
    row.getCell(1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    if (width > 1) sheet.mergeCells(index + 1, 1, index + 1, width);
  });
  return lines.length ? lines.length + 2 : 1;
}

export function styleHeaderRow(row: ExcelJS.Row, width: number): void {
  for (let column = 1; column <= width; column += 1) {
    const cell = row.getCell(column);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  }
}

/** A4 landscape, fitted to one page wide, the header rows printed on every page and frozen on screen. */
export function preparePrinting(sheet: ExcelJS.Worksheet, headerFirst: number, headerLast: number): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerFirst}:${headerLast}`,
  };
  sheet.headerFooter = { oddFooter: "&P / &N" };
  sheet.views = [{ state: "frozen", ySplit: headerLast, xSplit: 0 }];
}

/** One exported table as a sheet of the workbook. */
export function addTableSheet<Row>(workbook: ExcelJS.Workbook, table: ExportTable<Row>): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName(table.name));
  const width = table.columns.length;
  table.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width ?? DEFAULT_WIDTH[column.kind];
  });
  const headerIndex = writeTitleLines(sheet, table.titleLines, width);
  const header = sheet.getRow(headerIndex);
  table.columns.forEach((column, index) => {
    header.getCell(index + 1).value = column.header;
  });
  styleHeaderRow(header, width);
  table.rows.forEach((row, rowIndex) => {
    const line = sheet.getRow(headerIndex + 1 + rowIndex);
    table.columns.forEach((column, index) => {
      const cell = line.getCell(index + 1);
      setCell(cell, column.value(row), column.kind);
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: column.kind === "text" };
    });
  });
  preparePrinting(sheet, headerIndex, headerIndex);
  return sheet;
}

export async function tableToXlsx<Row>(table: ExportTable<Row>): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  addTableSheet(workbook, table);
  return workbookBytes(workbook);
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
