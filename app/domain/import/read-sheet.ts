import type { LocalizedText } from "~db/schema";
import { cellAddress, cellText, columnLetter, type CellValue, type SheetGrid } from "./cells";
import { readDeadline } from "./deadline-words";
import { splitExecutors } from "./executors";
import { looksLikeHeader, roleOfHeader } from "./header";
import { makeIssue, type IssueCode, type MessageLocale } from "./issues";
import { hasOwnScale, readQuantity, scaleBy } from "./numbers";
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
import { measureNumberOf, namesSection, sectionOfText } from "./sections";
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
// Whole words only: «Итоговое совещание» is a measure, «Итого по разделу» is not.
const TOTAL = /^(?:барлығы|всего|итого|жиыны|жиынтығы)(?![а-яәғқңөұүһі])/;
const TOTAL_HEADER = /барлығы|всего|итого|жиыны/;
const UNDERSCORES = /^[_\s.]+$/;
/** A text that begins in lower case (or with a bracket or a dash) carries on the text above it. */
const LOWER_START = /^[(\-–—,;]?\s*[a-zа-яёәғқңөұүһі]/;

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
  // Several columns may share a role: executors in two columns are joined, funding by year is summed.
  const fieldColumns: Partial<Record<keyof Fields, number[]>> = {};
  for (const column of columns) {
    const kind = column.role.kind;
    if (kind !== "plan" && kind !== "fact" && kind !== "ignore") (fieldColumns[kind] ??= []).push(column.index);
  }
  const fields: Fields = {};
  for (const [kind, list] of Object.entries(fieldColumns)) fields[kind as keyof Fields] = list[0];
  const titleColumn = fields.title;
  if (titleColumn === undefined) {
    issue(null, "error", "noHeader");
    return empty([top, bottom], columns);
  }
  const fundingColumns = fundingColumnsOf(fieldColumns.plannedFunding ?? [], headerTexts);
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
    return column === undefined ? null : grid.down(row, column);
  };
  const textAt = (row: number, kind: keyof Fields) => textOf(at(row, kind));
  const cellOf = (row: number, kind: keyof Fields) => cellAddress(row, fields[kind] ?? titleColumn);
  /** A number cell as text; «1.1» that Excel turned into 1 January is read back as 1.1. */
  const numberTextAt = (row: number): string => {
    const value = at(row, "number");
    return value instanceof Date ? `${value.getUTCDate()}.${value.getUTCMonth() + 1}` : textOf(value);
  };
  const numberAt = (row: number) => measureNumberOf(numberTextAt(row));

  // The header's cells, to know its copy when a printed sheet repeats it at the top of every page.
  const headerCells = new Set<string>();
  for (let r = top; r <= bottom; r++)
    for (let c = 1; c <= width; c++) {
      const text = squash(textOf(grid.shown(r, c)));
      if (text !== "") headerCells.add(`${c}|${text}`);
    }
  const repeatsHeader = (row: number, title: string): boolean => {
    // A copy of the header repeats the title column's header (or, in a lower header row, leaves it empty):
    // only then are the other cells compared.
    if (title !== "" && !headerCells.has(`${titleColumn}|${squash(title)}`)) return false;
    let filled = 0;
    let same = 0;
    for (let c = 1; c <= width; c++) {
      const text = squash(textOf(grid.own(row, c)));
      if (text === "") continue;
      filled++;
      if (headerCells.has(`${c}|${text}`)) same++;
    }
    return same >= 2 && same * 2 >= filled;
  };
  /** The next measure number below a row, to know «1. Мәдениет» with an executor from measure 1 by its «1.1». */
  const nextNumber = (row: number): string | null => {
    for (let r = row + 1, looked = 0; r <= grid.rowCount && looked < 20; r++, looked++) {
      const number = numberAt(r);
      if (number !== null) return number;
    }
    return null;
  };

  const sections: ParsedSection[] = [];
  const measures: ParsedMeasure[] = [];
  const numericNumbers = new Set<ParsedMeasure>();
  let section: ParsedSection | null = null;
  let sectionIndex: number | null = null;
  let unnumbered = 0;
  /** The measure on the last row read, which a row with no number and no title of its own continues. */
  let last: ParsedMeasure | null = null;

  const addSection = (text: string, row: number, numberCell: string) => {
    finish(last);
    last = null;
    const read = sectionOfText(numberCell !== "" && !text.startsWith(numberCell) ? `${numberCell}. ${text}` : text);
    const dot = read.number?.lastIndexOf(".") ?? -1;
    const parentNumber = read.number && dot > 0 ? read.number.slice(0, dot) : null;
    const parent = parentNumber && sections.some((s) => s.number === parentNumber) ? parentNumber : null;
    section = { number: read.number, title: localized(read.title), parent, row };
    sections.push(section);
    sectionIndex = sections.length - 1;
    unnumbered = 0;
  };

  const quantity = (row: number, column: number, severity: IssueSeverity = "error"): number | null => {
    const value = grid.down(row, column);
    const read = readQuantity(value);
    const cell = cellAddress(row, column);
    if (read.kind === "none") return null;
    if (read.kind === "invalid") {
      if (read.text.startsWith("=")) issue(cell, "warning", "formulaNotComputed", { formula: read.text });
      else issue(cell, severity, "notANumber", { value: read.text });
      return null;
    }
    if (read.value < 0) {
      issue(cell, "error", "negative", { value: read.value });
      return null;
    }
    if (read.approximate) issue(cell, "warning", "approximate", { value: textOf(value), number: read.value });
    if (read.thousandsDot) issue(cell, "warning", "thousandsDot", { value: textOf(value), number: read.value });
    return hasOwnScale(value) ? read.value : scaleBy(read.value, scales[column - 1] ?? 1);
  };
  const scales = headerTexts.map(scaleOf);
  const sum = (values: Array<number | null>): number | null =>
    values.some((value) => value !== null) ? values.reduce<number>((total, value) => total + (value ?? 0), 0) : null;
  const joined = (a: string, b: string, separator: string) => (a === "" ? b : b === "" ? a : `${a}${separator}${b}`);

  /** The values a row gives its measure: a measure's own row, or a row continuing it. */
  const readValues = (r: number, measure: ParsedMeasure) => {
    const add = <T extends { year: number | null; quarter: number | null; value: number }>(list: T[], entry: T) => {
      const same = list.find((item) => item.year === entry.year && item.quarter === entry.quarter);
      if (same) same.value += entry.value;
      else list.push(entry);
    };
    for (const column of planColumns) {
      const value = quantity(r, column.index);
      const role = column.role as { year: number; quarter: number | null };
      if (value !== null) add(measure.plans, { year: role.year, quarter: role.quarter, value });
    }
    for (const column of factColumns) {
      const value = quantity(r, column.index);
      const role = column.role as { year: number | null; quarter: number | null };
      if (value !== null) add(measure.facts, { year: role.year, quarter: role.quarter, value });
    }
    const coverage = fields.coverage === undefined ? null : quantity(r, fields.coverage);
    measure.coverage = sum([measure.coverage, coverage]);
    const funding = sum(fundingColumns.map((column) => quantity(r, column, "warning")));
    measure.plannedFunding = sum([measure.plannedFunding, funding]);

    if (measure.deadline.date === null && measure.deadline.text === null) {
      const deadlineRead = readDeadline(at(r, "deadline"));
      if (deadlineRead !== null) {
        measure.deadline = deadlineRead.deadline;
        if (!deadlineRead.understood)
          issue(cellOf(r, "deadline"), "warning", "deadlineUnread", { text: deadlineRead.deadline.text ?? "" });
      }
    }
    for (const column of fieldColumns.responsible ?? [])
      for (const name of splitExecutors(cellText(grid.down(r, column))))
        if (!measure.departments.includes(name)) measure.departments.push(name);
    const text = (kind: keyof Fields, current: LocalizedText | null, separator = " ") => {
      const added = textAt(r, kind);
      if (added === "" || current?.[locale]?.endsWith(added)) return current;
      return localized(joined(current?.[locale] ?? "", added, separator));
    };
    measure.completionForm = text("completionForm", measure.completionForm);
    measure.fundingSource = text("fundingSource", measure.fundingSource, "; ");
    measure.narrative = text("narrative", measure.narrative);
  };

  // A sheet in both languages side by side: «Іс-шараның атауы» and «Наименование мероприятия».
  const otherTitleColumns = (fieldColumns.title ?? [])
    .slice(1)
    .map((column) => ({ column, locale: localeOfText(headerTexts[column - 1] ?? "") }))
    .filter((other) => other.locale !== locale);
  const titlesInOtherColumns = (row: number): LocalizedText => {
    const titles: LocalizedText = {};
    for (const other of otherTitleColumns) {
      const text = textOf(grid.own(row, other.column));
      if (text !== "") titles[other.locale] = text;
    }
    return titles;
  };

  /** A measure's last warnings, once every row continuing it has been read. */
  function finish(measure: ParsedMeasure | null) {
    if (!measure) return;
    const r = measure.row;
    if (measure.deadline.date === null && measure.deadline.text === null)
      issue(cellOf(r, "deadline"), "warning", "deadlineMissing");
    const unitText = textAt(r, "unit");
    const unit = unitText === "" ? null : unitOfName(unitText);
    measure.unitGuessed = unit === null;
    measure.unit = unit ?? guessUnit(measure.completionForm?.[locale] ?? "", measure.title[locale] ?? "");
    if (unit === null) {
      if (unitText === "") issue(cellOf(r, "unit"), "warning", "unitGuessed");
      else issue(cellOf(r, "unit"), "warning", "unitUnknown", { value: unitText });
    }
    if (measure.departments.length === 0) issue(cellOf(r, "responsible"), "warning", "responsibleMissing");
  }

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
    const title = textOf(grid.own(r, titleColumn));
    if (repeatsHeader(r, title) || isNumberingRow(grid, r, width)) continue;
    const numberText = numberTextAt(r);
    const number = measureNumberOf(numberText);
    const ownNumber = fields.number === undefined ? "" : textOf(grid.own(r, fields.number));
    const words = squash(firstText);
    // A title too long for its row spills into the next one (in lower case, even «руководителей …»).
    const spills = last !== null && ownNumber === "" && LOWER_START.test(title);
    if (number === null && !spills && FOOTNOTE.test(words)) break;
    if (TOTAL.test(words) || TOTAL.test(squash(title))) {
      finish(last);
      last = null;
      continue;
    }
    const range = grid.range(r, firstColumn);
    const mergedAcross = filled === 1 && range !== null && range.right > range.left && range.right >= titleColumn;
    const hasData =
      textAt(r, "deadline") !== "" ||
      textAt(r, "responsible") !== "" ||
      textAt(r, "completionForm") !== "" ||
      textAt(r, "unit") !== "" ||
      [...planColumns, ...factColumns].some((column) => grid.down(r, column.index) !== null);
    // «1. Мәдениет» merged over the number and title cells, with the section's period beside it.
    const titleRange = grid.range(r, titleColumn);
    if (titleRange && titleRange.top === r && titleRange.left < titleColumn && firstColumn === titleRange.left) {
      addSection(firstText, r, "");
      continue;
    }
    // A spilled title, a second executor on a row of its own, a measure's number merged down over its
    // sub-rows: each continues the measure above.
    if (last && ownNumber === "" && (title === "" || spills) && !mergedAcross) {
      const continued: ParsedMeasure = last;
      if (title !== "") continued.title = localized(joined(continued.title[locale] ?? "", title, " "));
      readValues(r, continued);
      issue(cellAddress(r, titleColumn), "warning", "rowContinues", { number: continued.number });
      continue;
    }
    if (
      mergedAcross ||
      (filled === 1 && !hasData && firstColumn <= titleColumn) ||
      (number === null && filled === 1 && namesSection(firstText))
    ) {
      addSection(firstText, r, "");
      continue;
    }
    if (title !== "" && number !== null && !number.includes(".") && nextNumber(r)?.startsWith(`${number}.`)) {
      // A parent row with values of its own loses them as a section: the admin is told, not left to find out.
      if (hasData) issue(cellAddress(r, firstColumn), "warning", "sectionRowValues", { number });
      addSection(title, r, numberText);
      continue;
    }
    if (!hasData && (title !== "" || numberText !== "")) {
      addSection(title || numberText, r, title ? numberText : "");
      continue;
    }
    const currentSection = section as ParsedSection | null;
    if (title === "") {
      issue(cellAddress(r, titleColumn), "error", "titleMissing", { number: number ?? (numberText || "—") });
      continue;
    }
    let measureNumber = number;
    if (measureNumber === null) {
      unnumbered++;
      measureNumber = currentSection?.number ? `${currentSection.number}.${unnumbered}` : String(unnumbered);
      issue(cellOf(r, "number"), "warning", "numberMissing", { number: measureNumber });
    }
    finish(last);
    const measure: ParsedMeasure = {
      number: measureNumber,
      section: currentSection?.number ?? null,
      sectionIndex,
      title: { ...titlesInOtherColumns(r), ...localized(title) },
      completionForm: null,
      unit: "item",
      unitGuessed: true,
      deadline: { date: null, text: null, recurrence: null },
      departments: [],
      fundingSource: null,
      plannedFunding: null,
      plans: [],
      facts: [],
      coverage: null,
      narrative: null,
      row: r,
    };
    const written = at(r, "number");
    if (typeof written === "number") numericNumbers.add(measure);
    if (written instanceof Date)
      issue(cellOf(r, "number"), "warning", "numberWasDate", { value: textOf(written), number: measureNumber });
    readValues(r, measure);
    measures.push(measure);
    last = measure;
  }
  finish(last);

  const kept = numberedOnce(measures, sections, numericNumbers, (measure, code, number) =>
    issue(cellOf(measure.row, "number"), code === "duplicateNumber" ? "error" : "warning", code, { number }),
  );
  const hidden = grid.hiddenRows.filter((row) => kept.some((measure) => measure.row === row));
  if (hidden.length > 0)
    issue(cellAddress(hidden[0] as number, titleColumn), "warning", "hiddenRows", { rows: hidden.join(", ") });
  if (kept.length === 0) issue(null, "warning", "noMeasures");
  return { sheet: grid.name, locale, headerRows: [top, bottom], columns, sections, measures: kept, issues };
}

/**
 * Each measure under one number. Numbers that start again in every section («1, 2 … 1, 2») are read
 * under their section («2.1»); a whole number that Excel stored as 1.1 for «1.10» is read as 1.10 when
 * 1.1 is taken; any other repeat is an error and the second row is left out.
 */
function numberedOnce(
  measures: ParsedMeasure[],
  sections: ParsedSection[],
  numericNumbers: Set<ParsedMeasure>,
  report: (measure: ParsedMeasure, code: "duplicateNumber" | "numbersRestart" | "numberReadAs", number: string) => void,
): ParsedMeasure[] {
  const plain = measures.filter((measure) => /^\d+$/.test(measure.number) && measure.sectionIndex !== null);
  const bySection = new Map<string, Set<number | null>>();
  for (const measure of plain) {
    const seenIn = bySection.get(measure.number) ?? new Set();
    seenIn.add(measure.sectionIndex);
    bySection.set(measure.number, seenIn);
  }
  const restarts = [...bySection.values()].some((seenIn) => seenIn.size > 1);
  if (restarts && plain.every((measure) => sections[measure.sectionIndex as number]?.number)) {
    for (const measure of plain) measure.number = `${measure.section}.${measure.number}`;
    report(plain[0] as ParsedMeasure, "numbersRestart", plain[0]?.number ?? "");
  }
  const seen = new Set<string>();
  return measures.filter((measure) => {
    if (seen.has(measure.number) && numericNumbers.has(measure) && !seen.has(`${measure.number}0`)) {
      report(measure, "numberReadAs", `${measure.number}0`);
      measure.number = `${measure.number}0`;
    }
    if (seen.has(measure.number)) {
      report(measure, "duplicateNumber", measure.number);
      return false;
    }
    seen.add(measure.number);
    return true;
  });
}

/** Planned funding written per year under one header: the total column when there is one, else the sum. */
function fundingColumnsOf(columns: number[], headerTexts: string[]): number[] {
  const totals = columns.filter((column) => TOTAL_HEADER.test(squash(headerTexts[column - 1] ?? "")));
  return totals.length > 0 ? totals.slice(0, 1) : columns;
}

/** «Болжамды шығыстар (мың теңге)»: the column's figures are in thousands. */
function scaleOf(header: string): number {
  const words = squash(header);
  if (/млрд/.test(words)) return 1e9;
  if (/млн/.test(words)) return 1e6;
  if (/тыс\.? ?(?:тенге|тг)|мың ?(?:теңге|тг)/.test(words)) return 1e3;
  return 1;
}
