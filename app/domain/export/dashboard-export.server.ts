import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import type { DashboardFilters } from "~/domain/execution/dashboard-filters";
import {
  roadMapDashboard,
  roadMapMeasureLines,
  type Dashboard,
  type MeasureLine,
} from "~/domain/execution/dashboard.server";
import { formatDate } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { pickText, type Locale, type LocalizedText } from "~/i18n/locales";
import { yearRange } from "~/i18n/range";

// What every export of a dashboard starts from: the dashboard itself, computed by the dashboard's own
// functions for the same user and filters (so the scope and the figures are the page's), and the
// lines that say on paper what the figures are of.

export interface DashboardExport {
  dashboard: Dashboard;
  /** Every item of the measure list, not one page. */
  lines: MeasureLine[];
  locale: Locale;
  text: (value: LocalizedText | null | undefined) => string;
  /** Programme, road map, territory, as-of date and facts counted, filters: under the export's own name. */
  titleLines: (name: string) => string[];
  /** The as-of date, for file names. */
  asOf: string;
}

export async function dashboardExport(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
  filters: DashboardFilters,
  locale: Locale,
): Promise<DashboardExport> {
  // One after the other: a refused road map (404) is refused before anything else is asked. Run side by
  // side, the second query was still running when the caller moved on, and closing the PostgreSQL pool
  // then never returned (postgres.js through kysely-postgres-js).
  const dashboard = await roadMapDashboard(db, principal, roadMapId, filters);
  const lines = await roadMapMeasureLines(db, principal, roadMapId, filters);
  const t = translator(locale);
  const text = (value: LocalizedText | null | undefined) => pickText(value, locale)?.text ?? "";
  const { roadMap } = dashboard;
  const quarter = (q: { year: number; quarter: number }) => t("myMeasures.quarterLabel", q);
  const section = dashboard.options.sections.find((s) => s.id === filters.sectionId);
  const described = [
    filters.from && `${t("dashboard.from")}: ${quarter(filters.from)}`,
    filters.to && `${t("dashboard.to")}: ${quarter(filters.to)}`,
    section && `${t("dashboard.section")}: ${section.number ? `${section.number}. ` : ""}${text(section.title)}`,
    filters.departmentId &&
      `${t("dashboard.department")}: ${text(dashboard.options.departments.find((d) => d.id === filters.departmentId)?.name)}`,
    filters.statuses &&
      `${t("dashboard.status")}: ${filters.statuses.map((status) => t(`status.${status}`)).join(", ")}`,
    filters.asOf.includeCurrentQuarter && t("overview.includeCurrentQuarter"),
  ].filter((line): line is string => Boolean(line));
  const asOfLine = [
    t("export.asOf", { date: formatDate(locale, filters.asOf.date) }),
    filters.asOf.facts === "submitted" ? t("overview.withSubmitted") : t("overview.acceptedOnly"),
  ].join(". ");

  return {
    dashboard,
    lines,
    locale,
    text,
    asOf: filters.asOf.date,
    titleLines: (name) => [
      name,
      `${text(roadMap.programmeTitle)} (${yearRange(roadMap.startYear, roadMap.endYear)})`,
      text(roadMap.title),
      dashboard.territory.trail.map((step) => text(step.name)).join(" › "),
      asOfLine,
      t("export.filters", { filters: described.length ? described.join("; ") : t("export.noFilters") }),
    ],
  };
}
