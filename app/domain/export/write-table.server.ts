import type { Locale } from "~/i18n/locales";
import { fileResponse } from "./download.server";
import { tableToCsv, type ExportTable } from "./table";
import { tableToXlsx } from "./xlsx.server";

/** An exported table as a download: XLSX (with its title lines) or CSV, named after the table. */
export function tableWriter(format: "xlsx" | "csv", locale: Locale, names: { suffix: string; ascii: string }) {
  return async <Row>(table: ExportTable<Row>): Promise<Response> => {
    const fileNames = { fileName: `${table.name} ${names.suffix}`, asciiFileName: names.ascii };
    return format === "csv"
      ? fileResponse(tableToCsv(table, locale), "csv", fileNames)
      : fileResponse(await tableToXlsx(table), "xlsx", fileNames);
  };
}
