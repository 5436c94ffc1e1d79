import type { Locale } from "~db/schema";
import { formatDate, formatNumber } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { LOCALES, pickText } from "~/i18n/locales";
import { roleFields } from "./import-form";
import type { ChangeMark, DepartmentRef, ShownValue } from "./import-plan";
import type { ImportPreview } from "./road-map-import.server";
import type { ReadResult } from "./road-map-sheet";

// The preview as the page shows it: every value already worded in the reader's language on the
// server (Chromium has no Kazakh number or date formats), so the page only lays it out.

/** Rows of the measure table a page carries; a regional road map has thousands. */
const SHOWN_MEASURES = 400;

export interface PreviewView {
  summary: ImportPreview["plan"]["summary"];
  revision: number;
  factsDate: string;
  years: { start: number; end: number };
  sheets: Array<{
    name: string;
    locale: "kk" | "ru";
    found: boolean;
    columns: Array<{ letter: string; header: string; kind: string; year: string; quarter: string }>;
  }>;
  executors: Array<{
    key: string;
    name: string;
    measureCount: number;
    match: "exact" | "tolerant" | null;
    choice: string;
  }>;
  departmentOptions: Array<{ value: string; label: string }>;
  problems: Array<{ cell: string | null; severity: "error" | "warning"; message: string }>;
  sections: Array<{ key: string; label: string; nested: boolean; mark: ChangeMark }>;
  measures: Array<{
    number: string;
    sectionKey: string;
    title: string;
    mark: ChangeMark;
    responsible: string;
    deadline: string;
    plans: string;
    facts: string;
    changes: Array<{ field: string; before: string; after: string }>;
  }>;
  measureTotal: number;
  notInFile: Array<{ number: string; title: string }>;
}

export function previewView(preview: ImportPreview, read: ReadResult, locale: Locale): PreviewView {
  const t = translator(locale);
  const { plan } = preview;
  const departmentName = new Map(preview.departments.map((d) => [d.id, pickText(d.name, locale)?.text ?? ""]));
  const executorName = new Map(plan.executors.map((e) => [e.key, e.name]));
  const refName = (ref: DepartmentRef) =>
    ref.kind === "existing"
      ? (departmentName.get(ref.id) ?? "")
      : `${executorName.get(ref.key) ?? ref.key} (${t("roadMapImport.measures.newDepartment")})`;
  const quantity = (q: { year: number | null; quarter: number | null; value: number }) =>
    `${q.year ?? ""}${q.quarter ? ` ${t("roadMapImport.columns.quarterN", { quarter: q.quarter })}` : ""}: ${formatNumber(locale, q.value, 3)}`.trim();
  const sectionLabel = (key: string | null) => {
    const label = key ? preview.sectionLabels[key] : undefined;
    if (!label) return "—";
    return `${label.number ? `${label.number}. ` : ""}${pickText(label.title, locale)?.text ?? ""}`;
  };
  const shown = (value: ShownValue): string => {
    switch (value.kind) {
      case "text":
        return pickText(value.value, locale)?.text ?? "—";
      case "date":
        return value.value ? formatDate(locale, value.value) : "—";
      case "number":
        return value.value === null ? "—" : formatNumber(locale, value.value, 2);
      case "unit":
        return t(`measure.units.${value.value}` as never);
      case "recurrence":
        return value.value ? t(`roadMapImport.recurrence.${value.value}`) : "—";
      case "section":
        return sectionLabel(value.value);
      case "departments":
        return value.value.length ? value.value.map(refName).join("; ") : "—";
      case "quantities":
        return value.value.length ? value.value.map(quantity).join("; ") : "—";
    }
  };

  const measures = plan.measures.map((m) => ({
    number: m.number,
    sectionKey: m.values.sectionKey,
    title: pickText(m.values.title, locale)?.text ?? "",
    mark: m.status,
    responsible: m.values.responsible ? refName(m.values.responsible) : "—",
    deadline: [
      formatDate(locale, m.values.deadline),
      m.values.recurrence ? t(`roadMapImport.recurrence.${m.values.recurrence}`) : null,
      pickText(m.values.deadlineText, locale)?.text ?? null,
    ]
      .filter(Boolean)
      .join(" · "),
    plans: m.plans.length
      ? m.plans.map((p) => quantity({ year: p.year, quarter: p.quarter, value: p.planned })).join("; ")
      : "—",
    facts: m.facts.length ? m.facts.map((f) => formatNumber(locale, f.value, 3)).join("; ") : "—",
    changes: m.changes.map((c) => {
      const field = t(`roadMapImport.field.${c.field}`);
      if (c.before.kind === "text" && c.after.kind === "text") {
        // The language that changed, so that a kk-only change does not read «X (was: X)» to a ru reader.
        const before = c.before.value ?? {};
        const after = c.after.value ?? {};
        const changed = [locale, ...LOCALES].find((l) => (before[l] ?? "") !== (after[l] ?? "")) ?? locale;
        const marked = (text: string | undefined) =>
          text ? (changed === locale ? text : `${text} [${changed}]`) : "—";
        return { field, before: marked(before[changed]), after: marked(after[changed]) };
      }
      return { field, before: shown(c.before), after: shown(c.after) };
    }),
  }));
  // Changes first, so that a long file shows what matters within the rows a page carries.
  const order: Record<ChangeMark, number> = { changed: 0, added: 1, unchanged: 2 };
  const shownMeasures =
    measures.length > SHOWN_MEASURES
      ? [...measures].sort((a, b) => order[a.mark] - order[b.mark]).slice(0, SHOWN_MEASURES)
      : measures;

  return {
    summary: plan.summary,
    revision: plan.revision,
    factsDate: plan.factsDate,
    years: { start: preview.roadMap.startYear, end: preview.roadMap.endYear },
    sheets: read.sheets.map((sheet) => ({
      name: sheet.sheet,
      locale: sheet.locale,
      found: sheet.headerRows !== null,
      columns: sheet.columns.map((column) => ({
        letter: column.letter,
        header: column.header,
        ...roleFields(column.role),
      })),
    })),
    executors: plan.executors.map((e) => ({
      key: e.key,
      name: e.name,
      measureCount: e.measureCount,
      match: e.match?.how ?? null,
      choice: e.resolved ? (e.resolved.kind === "new" ? "new" : String(e.resolved.id)) : "",
    })),
    departmentOptions: preview.departments
      .map((d) => ({ value: String(d.id), label: departmentName.get(d.id) ?? "" }))
      .sort((a, b) => a.label.localeCompare(b.label, "ru")),
    problems: plan.issues.map((issue) => ({
      cell: issue.cell,
      severity: issue.severity,
      message: String(t(issue.code as never, issue.params ?? {})),
    })),
    sections: plan.sections.map((s) => ({
      key: s.key,
      label: sectionLabel(s.key),
      nested: s.parentKey !== null,
      mark: s.status,
    })),
    measures: shownMeasures,
    measureTotal: measures.length,
    notInFile: plan.notInFile.map((m) => ({ number: m.number, title: pickText(m.title, locale)?.text ?? "" })),
  };
}
