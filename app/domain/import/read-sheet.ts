import type { LocalizedText } from "~db/schema";
import { cellAddress, cellText, columnLetter, type CellValue, type SheetGrid } from "./cells";
import { readDeadline } from "./deadline-words";
import { splitExecutors } from "./executors";
import { looksLikeHeader, roleOfHeader } from "./header";
import { makeIssue, type IssueCode, type MessageLocale } from "./issues";
import { readQuantity } from "./numbers";
import type {
  ColumnOverrides,
  ColumnRole,
  IssueSeverity,
  ParsedMeasure,
  ParsedSection,
  ParsedSheet,
  SheetColumn,
  SheetIssue,
} from "./road-map-sheet";
import { measureNumberOf, sectionOfText } from "./sections";
import { localeOfText, squash, tidy } from "./text";
import { guessUnit, unitOfName } from "./units";

// One sheet of a road map as offices keep it: title rows, a header (one to three rows, merged group
// cells), a row of column numbers, section rows, measure rows, blank rows, and footnotes and signatures
// under the table.

export interface SheetOptions {
  overrides?: ColumnOverrides;
  years?: { start: number; end: number };
  messageLocale: MessageLocale;
}

const HEADER_SEARCH_ROWS = 60;
const HEADER_MAX_ROWS = 3;
const HEADERISH = /жоспар|план|факт|орындал|исполнен|тоқсан|квартал|жыл|год|20\d\d|барлығы|всего|итого/;
const FOOTNOTE =
  /^(?:\*|ескерту|ескертпе|примечани|сноск|басшы|начальник|руководител|директор|заместител|орынбасар|подпись|қолы|исп\.|орынд\.|әкім(?:і|нің)? орынбасар|_{3,})/;
const TOTAL = /^(?:барлығы|всего|итого|жиыны|жиынтығы)/;
const UNDERSCORES = /^[_\s.]+$/;

type Fields = Partial<Record<Exclude<ColumnRole["kind"], "plan" | "fact">, number>>;

function textOf(value: CellValue): string {
  return tidy(cellText(value));
}

/** The row of column numbers under a header: «1 | 2 | 3 …», increasing by one. */
function isNumberingRow(grid: SheetGrid, row: number, lastColumn: number): boolean {
  let previous: number | null = null;
  let count = 0;
  for (let c = 1; c <= lastColumn; c++) {
    const value = grid.own(row, c);
    if (value === null) continue;
    const n =
      typeof value === "number" ? value : /^\s*\d+\s*\.?\s*$/.test(String(value)) ? parseInt(String(value)) : NaN;
    if (!Number.isInteger(n) || (previous !== null && n <= previous)) return false;
    if (previous === null && n > 2) return false;
    previous = n;
    count++;
  }
  return count >= 3;
}

export function readSheet(grid: SheetGrid, options: SheetOptions): ParsedSheet {
  const issues: SheetIssue[] = [];
  const issue = (
    cell: string | null,
    severity: IssueSeverity,
    code: IssueCode,
    params?: Record<string, string | number>,
  ) => issues.push(makeIssue(options.messageLocale, cell, severity, code, params));
  const fallbackYear = options.years?.start ?? null;
  const width = grid.columnCount;
  const empty = (headerRows: [number, number] | null, columns: SheetColumn[]): ParsedSheet => ({
    sheet: grid.name,
    locale: "kk",
    headerRows,
    columns,
    sections: [],
    measures: [],
    issues,
  });

  let top = 0;
  for (let r = 1; r <= Math.min(grid.rowCount, HEADER_SEARCH_ROWS) && top === 0; r++) {
    const roles: ColumnRole[] = [];
    for (let c = 1; c <= width; c++) roles.push(roleOfHeader(textOf(grid.shown(r, c)), fallbackYear).role);
    if (looksLikeHeader(roles)) top = r;
  }
  if (top === 0) {
    issue(null, "error", "noHeader");
    return empty(null, []);
  }

  // A lower header row: texts of headers («I тоқсан», «жоспар»), and no title of its own.
  let bottom = top;
  while (bottom - top + 1 < HEADER_MAX_ROWS && bottom < grid.rowCount) {
    const next = bottom + 1;
    if (isNumberingRow(grid, next, width)) break;
    let cells = 0;
    let headerish = true;
    for (let c = 1; c <= width; c++) {
      const range = grid.range(next, c);
      if (range && range.top < next) continue;
      const text = textOf(grid.own(next, c));
      if (text === "") continue;
      cells++;
      const words = squash(text);
      if (!HEADERISH.test(words) && roleOfHeader(text, fallbackYear).role.kind === "ignore") headerish = false;
    }
    if (cells === 0 || !headerish) break;
    bottom = next;
  }

  const headerTexts: string[] = [];
  for (let c = 1; c <= width; c++) {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      let text = textOf(grid.shown(r, c));
      // A group cell written once and not merged (a CSV): it stands over the sub-columns to its right.
      if (text === "" && r < bottom && c > 1 && grid.range(r, c) === null) {
        const left = headerTexts[c - 2]?.split(" / ")[r - top];
        const below = textOf(grid.shown(r + 1, c));
        if (left && below && HEADERISH.test(squash(left))) text = left;
      }
      if (text !== "" && parts[parts.length - 1] !== text) parts.push(text);
    }
    headerTexts.push(parts.join(" / "));
  }

  const columns: SheetColumn[] = [];
  for (let c = 1; c <= width; c++) {
    const header = headerTexts[c - 1] as string;
    const letter = columnLetter(c);
    const reading = roleOfHeader(header, fallbackYear);
    const override = options.overrides?.[letter];
    if (!override && reading.missingYear && reading.role.kind === "ignore")
      issue(cellAddress(top, c), "warning", "planNoYear", { header });
    columns.push({ index: c, letter, header, role: override ?? reading.role });
  }
  // A year's total beside that year's quarters would count the year twice.
  for (const column of columns) {
    const role = column.role;
    if (
      (role.kind === "plan" || role.kind === "fact") &&
      role.quarter === null &&
      !options.overrides?.[column.letter]
    ) {
      const quarters = columns.some(
        (other) => other.role.kind === role.kind && other.role.year === role.year && other.role.quarter !== null,
      );
      if (quarters) column.role = { kind: "ignore" };
    }
  }
  const fields: Fields = {};
  for (const column of columns) {
    const kind = column.role.kind;
    if (kind !== "plan" && kind !== "fact" && kind !== "ignore" && fields[kind] === undefined)
      fields[kind] = column.index;
  }
  const titleColumn = fields.title;
  if (titleColumn === undefined) {
    issue(null, "error", "noHeader");
    return empty([top, bottom], columns);
  }
  const planColumns = columns.filter((column) => column.role.kind === "plan");
  const factColumns = columns.filter((column) => column.role.kind === "fact");
  if (options.years) {
    for (const column of [...planColumns, ...factColumns]) {
      const year = (column.role as { year: number | null }).year;
      if (year !== null && (year < options.years.start || year > options.years.end))
        issue(cellAddress(top, column.index), "warning", "outsideYears", { year });
    }
  }
  const lastColumn = Math.max(...columns.filter((column) => column.role.kind !== "ignore").map((c) => c.index));

  let first = bottom + 1;
  if (first <= grid.rowCount && isNumberingRow(grid, first, width)) first++;

  const sample = [...headerTexts];
  for (let r = first; r < Math.min(grid.rowCount, first + 40); r++) sample.push(textOf(grid.own(r, titleColumn)));
  const locale = localeOfText(sample.join(" "));
  const localized = (text: string): LocalizedText => ({ [locale]: text });
  const at = (row: number, kind: keyof Fields): CellValue => {
    const column = fields[kind];
    return column === undefined ? null : grid.shown(row, column);
  };
  const textAt = (row: number, kind: keyof Fields) => textOf(at(row, kind));

  const sections: ParsedSection[] = [];
  const measures: ParsedMeasure[] = [];
  const seen = new Set<string>();
  let section: ParsedSection | null = null;
  let sectionIndex: number | null = null;
  let unnumbered = 0;

  const addSection = (text: string, row: number, numberCell: string) => {
    const read = sectionOfText(numberCell !== "" && !text.startsWith(numberCell) ? `${numberCell}. ${text}` : text);
    const dot = read.number?.lastIndexOf(".") ?? -1;
    const parentNumber = read.number && dot > 0 ? read.number.slice(0, dot) : null;
    const parent = parentNumber && sections.some((s) => s.number === parentNumber) ? parentNumber : null;
    section = { number: read.number, title: localized(read.title), parent, row };
    sections.push(section);
    sectionIndex = sections.length - 1;
    unnumbered = 0;
  };

  for (let r = first; r <= grid.rowCount; r++) {
    let filled = 0;
    let firstText = "";
    let firstColumn = 0;
    for (let c = 1; c <= lastColumn; c++) {
      const value = grid.own(r, c);
      if (value === null) continue;
      const text = textOf(value);
      if (text === "" || UNDERSCORES.test(text)) continue;
      filled++;
      if (firstColumn === 0) {
        firstText = text;
        firstColumn = c;
      }
    }
    if (filled === 0) continue;
    const numberText = textAt(r, "number");
    const number = measureNumberOf(numberText);
    const title = textOf(grid.own(r, titleColumn));
    const words = squash(firstText);
    if (number === null && FOOTNOTE.test(words)) break;
    if (TOTAL.test(words) || TOTAL.test(squash(title))) continue;
    const range = grid.range(r, firstColumn);
    const mergedAcross = filled === 1 && range !== null && range.right > range.left && range.right >= titleColumn;
    const hasData =
      textAt(r, "deadline") !== "" ||
      textAt(r, "responsible") !== "" ||
      textAt(r, "completionForm") !== "" ||
      textAt(r, "unit") !== "" ||
      [...planColumns, ...factColumns].some((column) => grid.own(r, column.index) !== null);
    if (mergedAcross || (filled === 1 && !hasData && firstColumn <= titleColumn)) {
      addSection(firstText, r, "");
      continue;
    }
    if (!hasData && (title !== "" || numberText !== "")) {
      addSection(title || numberText, r, title ? numberText : "");
      continue;
    }
    const currentSection = section as ParsedSection | null;
    const titleCell = cellAddress(r, titleColumn);
    if (title === "") {
      issue(titleCell, "error", "titleMissing", { number: number ?? (numberText || "—") });
      continue;
    }
    let measureNumber = number;
    if (measureNumber === null) {
      unnumbered++;
      measureNumber = currentSection?.number ? `${currentSection.number}.${unnumbered}` : String(unnumbered);
      issue(cellAddress(r, fields.number ?? titleColumn), "warning", "numberMissing", { number: measureNumber });
    }
    if (seen.has(measureNumber)) {
      issue(cellAddress(r, fields.number ?? titleColumn), "error", "duplicateNumber", { number: measureNumber });
      continue;
    }
    seen.add(measureNumber);

    const quantity = (column: number): number | null => {
      const value = grid.own(r, column);
      const read = readQuantity(value);
      const cell = cellAddress(r, column);
      if (read.kind === "none") return null;
      if (read.kind === "invalid") {
        issue(cell, "error", "notANumber", { value: read.text });
        return null;
      }
      if (read.value < 0) {
        issue(cell, "error", "negative", { value: read.value });
        return null;
      }
      if (read.approximate) issue(cell, "warning", "approximate", { value: textOf(value), number: read.value });
      return read.value;
    };
    const plans: ParsedMeasure["plans"] = [];
    for (const column of planColumns) {
      const value = quantity(column.index);
      const role = column.role as { year: number; quarter: number | null };
      if (value !== null) plans.push({ year: role.year, quarter: role.quarter, value });
    }
    const facts: ParsedMeasure["facts"] = [];
    for (const column of factColumns) {
      const value = quantity(column.index);
      const role = column.role as { year: number | null; quarter: number | null };
      if (value !== null) facts.push({ year: role.year, quarter: role.quarter, value });
    }
    const coverage = fields.coverage === undefined ? null : quantity(fields.coverage);
    const plannedFunding = fields.plannedFunding === undefined ? null : quantity(fields.plannedFunding);

    const deadlineRead = readDeadline(at(r, "deadline"));
    const deadlineCell = cellAddress(r, fields.deadline ?? titleColumn);
    if (deadlineRead === null) issue(deadlineCell, "warning", "deadlineMissing");
    else if (!deadlineRead.understood)
      issue(deadlineCell, "warning", "deadlineUnread", { text: deadlineRead.deadline.text ?? "" });

    const completionForm = textAt(r, "completionForm");
    const unitText = textAt(r, "unit");
    let unit = unitText === "" ? null : unitOfName(unitText);
    const unitGuessed = unit === null;
    if (unit === null) {
      unit = guessUnit(completionForm, title);
      const cell = cellAddress(r, fields.unit ?? titleColumn);
      if (unitText === "") issue(cell, "warning", "unitGuessed");
      else issue(cell, "warning", "unitUnknown", { value: unitText });
    }
    const departments = splitExecutors(cellText(at(r, "responsible")));
    if (departments.length === 0)
      issue(cellAddress(r, fields.responsible ?? titleColumn), "warning", "responsibleMissing");
    const fundingSource = textAt(r, "fundingSource");
    const narrative = textAt(r, "narrative");

    measures.push({
      number: measureNumber,
      section: currentSection?.number ?? null,
      sectionIndex,
      title: localized(title),
      completionForm: completionForm ? localized(completionForm) : null,
      unit,
      unitGuessed,
      deadline: deadlineRead?.deadline ?? { date: null, text: null, recurrence: null },
      departments,
      fundingSource: fundingSource ? localized(fundingSource) : null,
      plannedFunding,
      plans,
      facts,
      coverage,
      narrative: narrative ? localized(narrative) : null,
      row: r,
    });
  }
  if (measures.length === 0) issue(null, "warning", "noMeasures");
  return { sheet: grid.name, locale, headerRows: [top, bottom], columns, sections, measures, issues };
}
