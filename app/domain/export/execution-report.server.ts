import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import type { DashboardFilters } from "~/domain/execution/dashboard-filters";
import { entryCounts } from "~/domain/execution/execution";
import { formatDate, formatShortDate } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { pickText, type Locale } from "~/i18n/locales";
import { sharesOfLines, shareKey } from "~/domain/shares/shares.server";
import { formatShare } from "~/i18n/figures";
import { dashboardExport } from "./dashboard-export.server";

// The execution report in the form akimats send upward («Жол картасының орындалу барысы туралы
// ақпарат» / «Информация о ходе исполнения Дорожной карты»): the dashboard's measures and figures,
// under their sections, with each measure's progress narrative up to the as-of date. The XLSX and
// the DOCX writers lay out this one model.

export interface ReportSectionRow {
  kind: "section";
  label: string;
}

export interface ReportMeasureRow {
  kind: "measure";
  measureId: number;
  number: string;
  title: string;
  completionForm: string;
  responsible: string;
  /** An ISO date, or the deadline's words when the road map gives it in words. */
  deadline: { date: string; text: string | null };
  plan: number;
  yearPlan: number;
  fact: number;
  execution: number | null;
  /** The entries' narratives up to the as-of date, oldest first, each with its date. */
  narrative: string[];
}

export type ReportRow = ReportSectionRow | ReportMeasureRow;

export interface ExecutionReport {
  titleLines: string[];
  /** The official form's column headers, in the order of its columns (№ … progress narrative). */
  headers: string[];
  rows: ReportRow[];
  total: { label: string; execution: number | null };
  /** What an execution of null (no plan in the window) reads as. */
  noPlan: string;
  locale: Locale;
  fileName: string;
  /** ASCII file name for clients that do not read RFC 5987 names. */
  asciiFileName: string;
}

export async function executionReport(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
  filters: DashboardFilters,
  locale: Locale,
): Promise<ExecutionReport> {
  const t = translator(locale);
  const exported = await dashboardExport(db, principal, roadMapId, filters, locale);
  const { dashboard, lines, text } = exported;
  const measureIds = [...new Set(lines.map((line) => line.measureId))];
  const [measures, coExecutors, entries] = measureIds.length
    ? await Promise.all([
        db
          .selectFrom("measure")
          .select(["id", "section_id", "completion_form", "deadline_text", "responsible_department_id"])
          .where("id", "in", measureIds)
          .execute(),
        db
          .selectFrom("measure_co_executor as c")
          .innerJoin("department as d", "d.id", "c.department_id")
          .select(["c.measure_id", "d.name"])
          .where("c.measure_id", "in", measureIds)
          .orderBy("d.id")
          .execute(),
        db
          .selectFrom("progress_entry as e")
          .innerJoin("measure as m", "m.id", "e.measure_id")
          .leftJoin("department_report as r", (join) =>
            join
              .onRef("r.road_map_id", "=", "m.road_map_id")
              .onRef("r.department_id", "=", "m.responsible_department_id")
              .onRef("r.year", "=", "e.year")
              .onRef("r.quarter", "=", "e.quarter"),
          )
          .select(["e.measure_id", "e.territory_id", "e.entry_date", "e.narrative", "r.status"])
          .where("e.measure_id", "in", measureIds)
          .where("e.entry_date", "<=", filters.asOf.date)
          .where("e.entry_date", ">=", filters.asOf.from ?? "0001-01-01")
          .where(sql<boolean>`e.narrative IS NOT NULL`)
          .orderBy("e.entry_date")
          .orderBy("e.id")
          .execute(),
      ])
    : [[], [], []];
  const byId = new Map(measures.map((m) => [m.id, m]));
  const shares = await sharesOfLines(db, lines, filters.asOf);

  // Section rows: a top-level section, then its subsection, each once, as the measures reach them.
  const sectionLabel = (s: { number: string | null; name: Parameters<typeof text>[0] }) =>
    s.number ? `${s.number}. ${text(s.name)}` : text(s.name);
  const sectionTrail = new Map<number, string[]>();
  for (const top of dashboard.sections) {
    sectionTrail.set(top.id, [sectionLabel(top)]);
    for (const sub of top.subsections) sectionTrail.set(sub.id, [sectionLabel(top), sectionLabel(sub)]);
  }
  // A measure listed twice (its shares in several territories of a slice) names the territory.
  const repeated = new Set(
    lines
      .filter((line, index) => lines.findIndex((l) => l.measureId === line.measureId) !== index)
      .map((l) => l.measureId),
  );

  const rows: ReportRow[] = [];
  const shown = new Set<string>();
  for (const line of lines) {
    const measure = byId.get(line.measureId)!;
    for (const label of sectionTrail.get(measure.section_id) ?? []) {
      if (shown.has(label)) continue;
      shown.add(label);
      rows.push({ kind: "section", label });
    }
    const narrative = entries
      .filter(
        (entry) =>
          entry.measure_id === line.measureId &&
          (line.territoryId === null || entry.territory_id === line.territoryId) &&
          entryCounts(entry.status, filters.asOf.facts),
      )
      .flatMap((entry) => {
        const words = pickText(entry.narrative, locale)?.text;
        return words ? [`${formatShortDate(locale, entry.entry_date)}: ${words}`] : [];
      });
    const share = shares[shareKey(line.measureId, line.territoryId)];
    rows.push({
      kind: "measure",
      measureId: line.measureId,
      number: line.number,
      title:
        repeated.has(line.measureId) && line.territory
          ? `${text(line.title)} (${text(line.territory)})`
          : text(line.title),
      completionForm: text(measure.completion_form),
      responsible: [
        text(line.department),
        ...coExecutors.filter((c) => c.measure_id === line.measureId).map((c) => text(c.name)),
      ].join("; "),
      deadline: { date: line.deadline, text: pickText(measure.deadline_text, locale)?.text ?? null },
      plan: line.plan,
      yearPlan: line.yearPlan,
      fact: line.fact,
      execution: line.execution,
      // A share of a base leads the progress text with its counts: «35 000 of 100 000 — 35 %».
      narrative: share ? [`${t("figures.factShare")}: ${formatShare(t, locale, share.fact)}`, ...narrative] : narrative,
    });
  }

  const date = formatDate(locale, filters.asOf.date);
  const year = Number(filters.asOf.date.slice(0, 4));
  const name = t("export.reportTitle");
  return {
    titleLines: exported.titleLines(name),
    headers: [
      t("export.columns.number"),
      t("export.columns.measure"),
      t("export.columns.completionForm"),
      t("export.columns.responsible"),
      t("export.columns.deadline"),
      t("export.columns.planDue", { date }),
      t("export.columns.yearPlan", { year }),
      t("export.columns.factDue", { date }),
      `${t("figures.dueToDate")}, %`,
      t("export.columns.narrative"),
    ],
    rows,
    total: { label: t("export.total"), execution: dashboard.total?.execution ?? null },
    noPlan: t("figures.noPlan"),
    locale,
    fileName: `${name} ${filters.asOf.date}`,
    asciiFileName: `execution-report-${roadMapId}-${filters.asOf.date}`,
  };
}
