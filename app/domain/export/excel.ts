import type * as ExcelJS from "exceljs";

/**
 * exceljs, loaded by the first request that reads or writes a workbook rather than when a server
 * process starts: it weighs ≈ 30 MB in every worker, and most workers serve pages only.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}
