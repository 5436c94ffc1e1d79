import type { Locale } from "~/i18n/locales";

// One description of an exported table — its columns and rows — written out as CSV here and as XLSX
// by table-xlsx.server.ts. Every downloadable table of the app (dashboard tables, KPI, a measure's
// entries and history) is one of these, so formats, widths and the formula guard live in one place.

export type ColumnKind = "text" | "number" | "percent" | "date";

/** A cell's value: text, a number, a ratio (percent columns: 0.85 = 85 %), an ISO date, or nothing. */
export type CellValue = string | number | null;

export interface ExportColumn<Row> {
  header: string;
  kind: ColumnKind;
  value: (row: Row) => CellValue;
  /** Width in characters (XLSX); a sensible default per kind otherwise. */
  width?: number;
}

export interface ExportTable<Row> {
  /** The sheet's name (XLSX) and the base of the file name. */
  name: string;
  /** Lines above the table (XLSX only): what it is, of what, as of when, under which filters. */
  titleLines: string[];
  columns: ExportColumn<Row>[];
  rows: Row[];
}

/**
 * Text a spreadsheet would read as a formula (or as the start of one: DDE, `@SUM`, a tab or carriage
 * return that some programs strip before looking at the first character). OWASP's list.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

// Excel opens a .csv with the list separator of the Windows region: «;» in Russian and Kazakh
// settings (where the comma is the decimal mark), «,» in English ones. A comma-separated file opens
// in a ru/kk Excel as one column, so kk and ru readers get «;» and decimal commas, en readers «,»
// and decimal points. The BOM makes Excel read the file as UTF-8 (else Cyrillic comes out garbled);
// a «sep=» line would switch that detection off, so there is none.
const CSV_STYLE: Record<Locale, { separator: string; decimal: string }> = {
  kk: { separator: ";", decimal: "," },
  ru: { separator: ";", decimal: "," },
  en: { separator: ",", decimal: "." },
};

export const CSV_BOM = "\uFEFF";

function csvCell(value: CellValue, kind: ColumnKind, locale: Locale): string {
  const { separator, decimal } = CSV_STYLE[locale];
  if (value === null || value === "") return "";
  let text: string;
  if (typeof value === "number") {
    const shown = kind === "percent" ? Math.round(value * 1000) / 10 : value;
    text = String(shown).replace(".", decimal) + (kind === "percent" ? "%" : "");
  } else {
    // A leading apostrophe makes Excel and LibreOffice keep the cell as text, never a formula.
    text = looksLikeFormula(value) ? `'${value}` : value;
  }
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV: a BOM, the header row, the rows; CRLF line ends, as RFC 4180 and Excel expect. */
export function tableToCsv<Row>(table: ExportTable<Row>, locale: Locale): string {
  const { separator } = CSV_STYLE[locale];
  const lines = [
    table.columns.map((column) => csvCell(column.header, "text", locale)).join(separator),
    ...table.rows.map((row) =>
      table.columns.map((column) => csvCell(column.value(row), column.kind, locale)).join(separator),
    ),
  ];
  return `${CSV_BOM}${lines.join("\r\n")}\r\n`;
}
