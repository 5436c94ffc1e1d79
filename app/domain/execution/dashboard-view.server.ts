import { previousQuarter, quarterEnd, quarterOf } from "~/domain/periods/quarter";
import { pageText, pickText, type Locale } from "~/i18n/locales";
import type { LocalizedText } from "~db/schema";
import { asOfChoices, type DashboardFilters } from "./dashboard-filters";
import type { Dashboard, MeasureLine } from "./dashboard.server";
import { ragOf, type MeasureStatus, type Rag, type Thresholds } from "./execution";
import type { ExecutionFigures } from "./execution.server";
import { yearRange } from "~/i18n/range";

const ROMAN = ["I", "II", "III", "IV"];

/**
 * A share as the page shows it: a percentage with one decimal (formatPercent), so a ratio is sent rounded
 * to 0.1 % — formatting the rounded ratio gives the same text — and its RAG colour, which depends on the
 * exact ratio (79.96 % is red, though it reads «80,0 %»), is decided here.
 */
export function shownRatio(ratio: number | null): number | null {
  return ratio === null ? null : Math.round(ratio * 1000) / 1000;
}

/** A group's figures as the dashboard's tables and charts draw them; status counts of zero are left out. */
export interface ShownFigures {
  execution: number | null;
  yearExecution: number | null;
  rag: Rag | null;
  peopleReached: number;
  statusCounts: Partial<Record<MeasureStatus, number>>;
}

function shownFigures(figures: ExecutionFigures, thresholds: Thresholds): ShownFigures {
  return {
    execution: shownRatio(figures.execution),
    yearExecution: shownRatio(figures.yearExecution),
    rag: ragOf(figures.execution, thresholds),
    peopleReached: figures.peopleReached,
    statusCounts: Object.fromEntries(Object.entries(figures.statusCounts).filter(([, count]) => count > 0)),
  };
}

/**
 * The dashboard as the page and the print view show it, and no more: record text in the reader's
 * language (the bare text when it did not fall back), ratios rounded to what is shown with their RAG
 * decided, the chart's quarters labelled, the quarter of «now» marked, the filters' choices as their
 * labels. What the page draws in the browser is what it hydrates from, so each field here is drawn.
 */
export function dashboardView(dashboard: Dashboard, filters: DashboardFilters, locale: Locale, today: string) {
  const { roadMap } = dashboard;
  const { thresholds } = roadMap;
  const text = (value: LocalizedText | null) => pageText(pickText(value, locale));
  const label = (q: { year: number; quarter: number }) => `${q.year} ${ROMAN[q.quarter - 1]}`;
  const asOfQuarter = quarterOf(filters.asOf.date);
  const inRange = (q: { year: number; quarter: number }) =>
    (!filters.from || q.year * 4 + q.quarter >= filters.from.year * 4 + filters.from.quarter) &&
    (!filters.to || q.year * 4 + q.quarter <= filters.to.year * 4 + filters.to.quarter);
  const series = dashboard.series.filter(inRange).map((point) => ({
    label: label(point),
    year: point.year,
    quarter: point.quarter,
    quarterExecution: shownRatio(point.quarterExecution),
    cumulativeExecution: shownRatio(point.cumulativeExecution),
    plannedProgress: shownRatio(point.plannedProgress),
    actualProgress: shownRatio(point.actualProgress),
  }));
  // «Now» on the chart: the last quarter whose plan the window counts — the as-of date's own quarter
  // when it has ended or is included, else the one before. Facts are those up to the as-of date.
  const counted =
    filters.asOf.includeCurrentQuarter || quarterEnd(asOfQuarter) === filters.asOf.date
      ? asOfQuarter
      : previousQuarter(asOfQuarter);
  const planPoint = series.find((point) => point.year === counted.year && point.quarter === counted.quarter);
  const factPoint = series.find((point) => point.year === asOfQuarter.year && point.quarter === asOfQuarter.quarter);
  const line = (item: MeasureLine) => ({
    key: `${item.measureId}:${item.territoryId ?? ""}`,
    measureId: item.measureId,
    number: item.number,
    title: text(item.title),
    department: text(item.department),
    territory: item.territory ? text(item.territory) : null,
    deadline: item.deadline,
    plan: item.plan,
    fact: item.fact,
    execution: shownRatio(item.execution),
    status: item.status,
  });
  const sectionLabel = (number: string | null, name: string) => (number ? `${number}. ${name}` : name);
  const { total } = dashboard;

  return {
    roadMapId: roadMap.id,
    title: text(roadMap.title),
    programme: text(roadMap.programmeTitle),
    years: yearRange(roadMap.startYear, roadMap.endYear),
    thresholds,
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
    /** Every quarter of the road map, as a URL writes it («2024-Q3»). */
    quarterOptions: dashboard.series.map((point) => `${point.year}-Q${point.quarter}`),
    total: total && {
      execution: shownRatio(total.execution),
      yearExecution: shownRatio(total.yearExecution),
      rag: ragOf(total.execution, thresholds),
      yearRag: ragOf(total.yearExecution, thresholds),
      peopleReached: total.peopleReached,
      counted: total.counted,
      statusCounts: total.statusCounts,
    },
    sections: dashboard.sections.map((section) => ({
      id: section.id,
      number: section.number,
      name: text(section.name),
      figures: shownFigures(section.figures, thresholds),
      subsections: section.subsections.map((sub) => ({
        id: sub.id,
        number: sub.number,
        name: text(sub.name),
        figures: shownFigures(sub.figures, thresholds),
      })),
    })),
    departments: dashboard.departments.map((row) => ({
      id: row.id,
      name: text(row.name),
      figures: shownFigures(row.figures, thresholds),
    })),
    territory: {
      id: dashboard.territory.id,
      trail: dashboard.territory.trail.map((step) => ({
        id: step.id,
        name: text(step.name),
        selectable: step.selectable,
      })),
    },
    territories: dashboard.territories.map((row) => ({
      id: row.id,
      name: text(row.name),
      figures: shownFigures(row.figures, thresholds),
      own: row.id === dashboard.territory.id,
    })),
    series,
    // «Now» is where the chosen date is: when the range ends before it, the chart does not reach it.
    now:
      planPoint && factPoint && filters.chosenAsOf === filters.asOf.date
        ? {
            label: planPoint.label,
            plannedProgress: planPoint.plannedProgress,
            actualProgress: factPoint.actualProgress,
          }
        : null,
    attention: dashboard.attention.map(line),
    attentionCount: dashboard.attentionCount,
    measures: dashboard.measures.map(line),
    measureCount: dashboard.measureCount,
    options: {
      /** Sections as the filter lists them: numbered, a subsection indented under its section. */
      sections: dashboard.options.sections.map((s) => ({
        id: s.id,
        label: sectionLabel(s.number, pickText(s.title, locale)?.text ?? ""),
        indent: s.parentId !== null,
      })),
      departments: dashboard.options.departments.map((d) => ({ id: d.id, name: pickText(d.name, locale)?.text ?? "" })),
    },
  };
}

export type DashboardView = ReturnType<typeof dashboardView>;
