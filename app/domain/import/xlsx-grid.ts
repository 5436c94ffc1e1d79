import type * as ExcelJS from "exceljs";
import { loadExcel } from "~/domain/export/excel";
import type { CellValue, Grid, MergedRange } from "./cells";

// The sheets of an .xlsx as plain grids. exceljs answers a merged range's other cells with the master's
// value; the grid keeps that value on the master only and records the range, as the sheet shows it.
// An error value («#REF!») and a formula Excel never computed («=SUM(E5:H5)», a file written by a
// program) stay visible as text, so a number column flags them instead of reading nothing.

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("richText" in value) return plainValue(value.richText.map((run) => run.text).join(""));
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    // A formula's cached result, as Excel last computed it.
    const formula = value as ExcelJS.CellFormulaValue;
    if (formula.result === undefined || formula.result === null) return formula.formula ? `=${formula.formula}` : null;
    return plainValue(formula.result as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) return plainValue(value.text);
  return null;
}

const IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "hyperlinks",
  "drawing",
  "picture",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "printOptions",
  "pageMargins",
  "sheetProtection",
  "autoFilter",
  "tableParts",
];

export async function xlsxGrids(bytes: Uint8Array): Promise<Grid[]> {
  const { Workbook, ValueType } = await loadExcel();
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, {
    // Parts of a sheet the reader never looks at: skipping them saves time on large road maps.
    ignoreNodes: IGNORED_NODES,
  });
  return workbook.worksheets
    .filter((sheet) => sheet.state === "visible" || sheet.state === undefined)
    .map((sheet) => {
      const rows: CellValue[][] = [];
      const hiddenRows: number[] = [];
      const merges = new Map<string, MergedRange>();
      sheet.eachRow({ includeEmpty: false }, (row, r) => {
        const values: CellValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.type === ValueType.Merge) {
            const master = cell.master;
            const key = master.address;
            const range = merges.get(key) ?? { top: r, left: c, bottom: r, right: c };
            range.top = Math.min(range.top, Number(master.row));
            range.left = Math.min(range.left, Number(master.col));
            range.bottom = Math.max(range.bottom, r);
            range.right = Math.max(range.right, c);
            merges.set(key, range);
            return;
          }
          values[c - 1] = plainValue(cell.value);
        });
        rows[r - 1] = Array.from(values, (value) => value ?? null);
        if (row.hidden && values.some((value) => value !== null && value !== undefined)) hiddenRows.push(r);
      });
      return {
        name: sheet.name,
        rows: Array.from(rows, (row) => row ?? []),
        merges: [...merges.values()],
        hiddenRows,
      };
    });
}
