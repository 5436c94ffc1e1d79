import { previousQuarter, quarterEnd, quarterOf } from "~/domain/periods/quarter";
import { pickText, type Locale } from "~/i18n/locales";
import { asOfChoices, type DashboardFilters } from "./dashboard-filters";
import type { Dashboard, MeasureLine } from "./dashboard.server";

const ROMAN = ["I", "II", "III", "IV"];

/**
 * The dashboard as the page and the print view show it: record text in the reader's language, the
 * chart's quarters labelled, the quarter of «now» marked. Numbers stay numbers; components format them.
 */
export function dashboardView(dashboard: Dashboard, filters: DashboardFilters, locale: Locale, today: string) {
  const { roadMap } = dashboard;
  const label = (q: { year: number; quarter: number }) => `${q.year} ${ROMAN[q.quarter - 1]}`;
  const asOfQuarter = quarterOf(filters.asOf.date);
  const inRange = (q: { year: number; quarter: number }) =>
    (!filters.from || q.year * 4 + q.quarter >= filters.from.year * 4 + filters.from.quarter) &&
    (!filters.to || q.year * 4 + q.quarter <= filters.to.year * 4 + filters.to.quarter);
  const series = dashboard.series.filter(inRange).map((point) => ({ ...point, label: label(point) }));
  // «Now» on the chart: the last quarter whose plan the window counts — the as-of date's own quarter
  // when it has ended or is included, else the one before. Facts are those up to the as-of date.
  const counted =
    filters.asOf.includeCurrentQuarter || quarterEnd(asOfQuarter) === filters.asOf.date
      ? asOfQuarter
      : previousQuarter(asOfQuarter);
  const planPoint = series.find((point) => point.year === counted.year && point.quarter === counted.quarter);
  const factPoint = series.find((point) => point.year === asOfQuarter.year && point.quarter === asOfQuarter.quarter);
  const now = planPoint && factPoint ? { ...planPoint, actualProgress: factPoint.actualProgress } : null;
  const line = (item: MeasureLine) => ({
    key: `${item.measureId}:${item.territoryId ?? ""}`,
    measureId: item.measureId,
    number: item.number,
    title: pickText(item.title, locale),
    department: pickText(item.department, locale),
    territory: item.territory ? pickText(item.territory, locale) : null,
    deadline: item.deadline,
    plan: item.plan,
    fact: item.fact,
    execution: item.execution,
    status: item.status,
  });

  return {
    roadMapId: roadMap.id,
    title: pickText(roadMap.title, locale),
    programme: pickText(roadMap.programmeTitle, locale),
    years: `${roadMap.startYear}–${roadMap.endYear}`,
    thresholds: roadMap.thresholds,
    filters,
    /** Filters beyond the date: shown open, with their number, so that a narrowed view is never mistaken for the whole. */
    activeFilters: [
      filters.from,
      filters.to,
      filters.sectionId,
      filters.departmentId,
      filters.statuses,
      filters.asOf.includeCurrentQuarter || null,
      filters.asOf.facts === "submitted" || null,
    ].filter((value) => value !== null).length,
    asOfChoices: asOfChoices(today),
    quarterOptions: dashboard.series.map((point) => ({
      value: `${point.year}-Q${point.quarter}`,
      year: point.year,
      quarter: point.quarter,
    })),
    total: dashboard.total,
    sections: dashboard.sections.map((section) => ({
      ...section,
      name: pickText(section.name, locale),
      subsections: section.subsections.map((sub) => ({ ...sub, name: pickText(sub.name, locale) })),
    })),
    departments: dashboard.departments.map((row) => ({ ...row, name: pickText(row.name, locale) })),
    territory: {
      id: dashboard.territory.id,
      trail: dashboard.territory.trail.map((step) => ({ id: step.id, name: pickText(step.name, locale) })),
    },
    territories: dashboard.territories.map((row) => ({
      ...row,
      name: pickText(row.name, locale),
      own: row.id === dashboard.territory.id,
    })),
    series,
    now: now && { label: now.label, plannedProgress: now.plannedProgress, actualProgress: now.actualProgress },
    attention: dashboard.attention.map(line),
    attentionCount: dashboard.attentionCount,
    measures: dashboard.measures.map(line),
    measureCount: dashboard.measureCount,
    options: {
      sections: dashboard.options.sections.map((s) => ({ ...s, title: pickText(s.title, locale) })),
      departments: dashboard.options.departments.map((d) => ({ id: d.id, name: pickText(d.name, locale) })),
    },
  };
}
