import type { LocalizedText } from "~db/schema";
import { makeIssue, type MessageLocale } from "./issues";
import type { ParsedMeasure, ParsedSection, ParsedSheet, ReadResult, SheetIssue } from "./road-map-sheet";

// A kk sheet and a ru sheet of the same road map, in either order, give one road map: measures matched
// by number, sections by number (or by position when they have none), each with both titles.

const both = (a: LocalizedText | null, b: LocalizedText | null): LocalizedText | null =>
  a || b ? { ...(b ?? {}), ...(a ?? {}) } : null;

/** Issues of several sheets in one list: a cell is named with its sheet («'Жол картасы'!D17»). */
function qualified(sheet: ParsedSheet, issues: SheetIssue[], many: boolean): SheetIssue[] {
  return many ? issues.map((issue) => ({ ...issue, cell: `'${sheet.sheet}'!${issue.cell ?? "A1"}` })) : issues;
}

export function mergeSheets(sheets: ParsedSheet[], messageLocale: MessageLocale): ReadResult["merged"] {
  const readable = sheets.filter((sheet) => sheet.headerRows !== null);
  const many = sheets.length > 1;
  const issues: SheetIssue[] = sheets.flatMap((sheet) => qualified(sheet, sheet.issues, many));
  const [primary, ...others] = readable;
  if (!primary) return { sections: [], measures: [], issues };

  const sections: ParsedSection[] = primary.sections.map((section) => ({ ...section, title: { ...section.title } }));
  const measures: ParsedMeasure[] = primary.measures.map((measure) => ({ ...measure, title: { ...measure.title } }));
  const byNumber = new Map(measures.map((measure) => [measure.number, measure]));
  const paired = new Set<string>([primary.locale]);

  for (const other of others) {
    const translation = !paired.has(other.locale);
    paired.add(other.locale);
    // A translation: its sections and measures are the same ones in the other language.
    const sectionMap = new Map<number, number>();
    other.sections.forEach((section, index) => {
      const match = translation
        ? section.number !== null
          ? sections.findIndex((s) => s.number === section.number)
          : index < sections.length && sections[index]?.number === null
            ? index
            : -1
        : -1;
      if (match >= 0) {
        const target = sections[match] as ParsedSection;
        target.title = both(target.title, section.title) ?? {};
        sectionMap.set(index, match);
      } else {
        if (translation)
          issues.push(
            makeIssue(messageLocale, `'${other.sheet}'!A${section.row}`, "warning", "sectionOnlyInOneSheet", {
              title: Object.values(section.title)[0] ?? "",
              sheet: other.sheet,
            }),
          );
        sections.push({ ...section });
        sectionMap.set(index, sections.length - 1);
      }
    });
    const matched = new Set<string>();
    for (const measure of other.measures) {
      const target = byNumber.get(measure.number);
      if (target && translation) {
        matched.add(measure.number);
        target.title = both(target.title, measure.title) ?? {};
        target.completionForm = both(target.completionForm, measure.completionForm);
        target.fundingSource = both(target.fundingSource, measure.fundingSource);
        target.narrative = both(target.narrative, measure.narrative);
        continue;
      }
      const cell = `'${other.sheet}'!A${measure.row}`;
      if (target) {
        issues.push(makeIssue(messageLocale, cell, "error", "duplicateNumber", { number: measure.number }));
        continue;
      }
      if (translation)
        issues.push(
          makeIssue(messageLocale, cell, "warning", "onlyInOneSheet", { number: measure.number, sheet: other.sheet }),
        );
      const sectionIndex = measure.sectionIndex === null ? null : (sectionMap.get(measure.sectionIndex) ?? null);
      const added = { ...measure, sectionIndex };
      measures.push(added);
      byNumber.set(added.number, added);
    }
    if (translation) {
      for (const measure of primary.measures) {
        if (!matched.has(measure.number))
          issues.push(
            makeIssue(messageLocale, `'${primary.sheet}'!A${measure.row}`, "warning", "onlyInOneSheet", {
              number: measure.number,
              sheet: primary.sheet,
            }),
          );
      }
    }
  }
  return { sections, measures, issues };
}
