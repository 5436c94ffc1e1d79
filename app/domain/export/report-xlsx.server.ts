import type { ExecutionReport } from "./execution-report.server";
import {
  BORDER,
  SECTION_FILL,
  newWorkbook,
  preparePrinting,
  setCell,
  sheetName,
  styleHeaderRow,
  workbookBytes,
  writeTitleLines,
} from "./xlsx.server";

// The execution report as an Excel sheet: title lines merged across, the header and its row of column
// numbers repeated on every printed page, section rows merged and shaded, A4 landscape to the width.

const WIDTHS = [8, 46, 20, 26, 13, 12, 12, 12, 11, 56];

export async function reportToXlsx(report: ExecutionReport): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(sheetName(report.titleLines[0] ?? ""));
  const width = WIDTHS.length;
  WIDTHS.forEach((value, index) => {
    sheet.getColumn(index + 1).width = value;
  });
  const headerIndex = writeTitleLines(sheet, report.titleLines, width);
  sheet.getRow(1).height = 32;
  const { headers } = report;
  const header = sheet.getRow(headerIndex);
  header.values = headers;
  styleHeaderRow(header, width);
  const numbers = sheet.getRow(headerIndex + 1);
  numbers.values = WIDTHS.map((_, index) => index + 1);
  styleHeaderRow(numbers, width);
  numbers.font = { bold: false, size: 9 };

  let rowIndex = headerIndex + 2;
  for (const row of report.rows) {
    const line = sheet.getRow(rowIndex);
    if (row.kind === "section") {
      line.getCell(1).value = row.label;
      sheet.mergeCells(rowIndex, 1, rowIndex, width);
      const cell = line.getCell(1);
      cell.font = { bold: true };
      cell.fill = SECTION_FILL;
      cell.border = BORDER;
      cell.alignment = { vertical: "middle", wrapText: true };
    } else {
      const values: Array<[string | number | null, "text" | "number" | "percent" | "date"]> = [
        [row.number, "text"],
        [row.title, "text"],
        [row.completionForm, "text"],
        [row.responsible, "text"],
        row.deadline.text ? [row.deadline.text, "text"] : [row.deadline.date, "date"],
        [row.plan, "number"],
        [row.yearPlan, "number"],
        [row.fact, "number"],
        row.execution === null ? [report.noPlan, "text"] : [row.execution, "percent"],
        [row.narrative.join("\n"), "text"],
      ];
      values.forEach(([value, kind], index) => {
        const cell = line.getCell(index + 1);
        setCell(cell, value, kind);
        cell.border = BORDER;
        cell.alignment = {
          vertical: "top",
          wrapText: true,
          horizontal: kind === "text" && index !== 0 && index !== 8 ? "left" : "center",
        };
      });
    }
    rowIndex += 1;
  }

  const total = sheet.getRow(rowIndex);
  total.getCell(1).value = report.total.label;
  sheet.mergeCells(rowIndex, 1, rowIndex, 8);
  const execution = total.getCell(9);
  setCell(execution, report.total.execution ?? report.noPlan, report.total.execution === null ? "text" : "percent");
  for (let column = 1; column <= width; column += 1) {
    total.getCell(column).font = { bold: true };
    total.getCell(column).border = BORDER;
  }
  total.getCell(1).alignment = { horizontal: "right" };
  execution.alignment = { horizontal: "center" };

  preparePrinting(sheet, headerIndex, headerIndex + 1);
  return workbookBytes(workbook);
}
