import { isAdmin } from "~/domain/auth/access";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { roadMapDashboard, roadMapMeasureLines, type MeasureLine } from "~/domain/execution/dashboard.server";
import { mayViewRanking, mayViewScorecard } from "~/domain/kpi/access";
import { periodParam } from "~/domain/kpi/actual-schema";
import { findTerritory } from "~/domain/kpi/kpi.server";
import { rankingView, scorecardView } from "~/domain/kpi/views.server";
import { requireVisibleRoadMap, sectionsOf, visibleRoadMaps } from "~/domain/roadmap/roadmap.server";
import type { Endpoint } from "./handler.server";
import { parseParams } from "./handler.server";
import {
  figuresQuery,
  kpiQuery,
  measuresQuery,
  noQuery,
  pagingQuery,
  queryObject,
  roadMapPath,
  territoryPath,
} from "./params";

// The read API's endpoints. Each asks the functions the pages ask, for the token's principal, so the
// scope rules and the figures are the pages' own; this file only chooses and pages what is returned.

const notFound = () => new Response("Not found", { status: 404 });

function paged<T>(rows: T[], page: number, pageSize: number) {
  return { data: rows.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: rows.length };
}

export const programmesEndpoint: Endpoint = async ({ db, principal, url }) => {
  const { page, pageSize } = parseParams(pagingQuery, queryObject(url.searchParams));
  const roadMaps = await visibleRoadMaps(db, principal);
  const ids = [...new Set(roadMaps.map((roadMap) => roadMap.programmeId))];
  // An admin also sees programmes that have no road map yet; others only those they can read a road map of.
  let query = db
    .selectFrom("programme")
    .select(["id", "title", "owner", "start_year", "end_year", "status"])
    .orderBy("start_year", "desc")
    .orderBy("id");
  if (!isAdmin(principal)) {
    if (ids.length === 0) return paged([], page, pageSize);
    query = query.where("id", "in", ids);
  }
  const rows = await query.execute();
  const data = rows.map((row) => ({
    id: row.id,
    title: row.title,
    owner: row.owner,
    startYear: row.start_year,
    endYear: row.end_year,
    status: row.status,
    roadMapIds: roadMaps.filter((roadMap) => roadMap.programmeId === row.id).map((roadMap) => roadMap.id),
  }));
  return paged(data, page, pageSize);
};

export const roadMapsEndpoint: Endpoint = async ({ db, principal, url }) => {
  const { page, pageSize } = parseParams(pagingQuery, queryObject(url.searchParams));
  const roadMaps = await visibleRoadMaps(db, principal);
  return paged(
    roadMaps.map((roadMap) => ({
      id: roadMap.id,
      title: roadMap.title,
      programmeId: roadMap.programmeId,
      territory: { id: roadMap.territoryId, name: roadMap.territoryName },
      startYear: roadMap.startYear,
      endYear: roadMap.endYear,
      measureCount: roadMap.measureCount,
      thresholds: roadMap.thresholds,
      slice: roadMap.view,
    })),
    page,
    pageSize,
  );
};

export const roadMapEndpoint: Endpoint = async ({ db, principal, params, url }) => {
  const { roadMapId } = parseParams(roadMapPath, params);
  parseParams(noQuery, queryObject(url.searchParams));
  const roadMap = await requireVisibleRoadMap(db, principal, roadMapId);
  const { sectionIds } = roadMap.view;
  const sections = (await sectionsOf(db, roadMapId)).filter(
    (s) => !sectionIds || sectionIds.includes(s.id) || (s.parent_id !== null && sectionIds.includes(s.parent_id)),
  );
  return {
    id: roadMap.id,
    title: roadMap.title,
    programme: { id: roadMap.programmeId, title: roadMap.programmeTitle, status: roadMap.programmeStatus },
    territory: { id: roadMap.territoryId, name: roadMap.territoryName },
    startYear: roadMap.startYear,
    endYear: roadMap.endYear,
    thresholds: roadMap.thresholds,
    slice: roadMap.view,
    sections: sections.map((s) => ({ id: s.id, parentId: s.parent_id, number: s.number, title: s.title })),
  };
};

/** The dashboard's figures for the same filters: the page's own function, so the numbers are the page's. */
export const figuresEndpoint: Endpoint = async ({ db, principal, params, url, today }) => {
  const { roadMapId } = parseParams(roadMapPath, params);
  parseParams(figuresQuery, queryObject(url.searchParams));
  const { filters } = parseDashboardFilters(url.searchParams, today);
  const dashboard = await roadMapDashboard(db, principal, roadMapId, filters);
  return {
    roadMapId,
    asOf: filters.asOf,
    filters: {
      from: filters.from,
      to: filters.to,
      section: filters.sectionId,
      department: filters.departmentId,
      territory: filters.territoryId,
      status: filters.statuses,
    },
    total: dashboard.total,
    sections: dashboard.sections,
    departments: dashboard.departments,
    territory: dashboard.territory,
    territories: dashboard.territories,
    series: dashboard.series,
    attention: dashboard.attention,
    attentionCount: dashboard.attentionCount,
    measures: { data: dashboard.measures, page: filters.page, total: dashboard.measureCount },
  };
};

/**
 * The measures of the dashboard's list (same scope and filters), a page of them, each with its figures
 * per territory share as of the date, its quarterly plans and its fact entries up to the date — of the
 * territories the token sees only.
 */
export const measuresEndpoint: Endpoint = async ({ db, principal, params, url, today }) => {
  const { roadMapId } = parseParams(roadMapPath, params);
  const { page, pageSize } = parseParams(measuresQuery, queryObject(url.searchParams));
  const { filters } = parseDashboardFilters(url.searchParams, today);
  const lines = await roadMapMeasureLines(db, principal, roadMapId, filters);
  const byMeasure = new Map<number, MeasureLine[]>();
  for (const line of lines) byMeasure.set(line.measureId, [...(byMeasure.get(line.measureId) ?? []), line]);
  const pageIds = [...byMeasure.keys()].slice((page - 1) * pageSize, page * pageSize);
  const base = { page, pageSize, total: byMeasure.size, asOf: filters.asOf };
  if (pageIds.length === 0) return { ...base, data: [] };
  const [measures, plans, entries] = await Promise.all([
    db
      .selectFrom("measure")
      .select([
        "id",
        "section_id",
        "number",
        "title",
        "unit",
        "responsible_department_id",
        "territory_id",
        "share_of_base",
      ])
      .where("id", "in", pageIds)
      .execute(),
    db
      .selectFrom("measure_plan")
      .select(["measure_id", "territory_id", "year", "quarter", "planned", "base"])
      .where("measure_id", "in", pageIds)
      .orderBy("measure_id")
      .orderBy("year")
      .orderBy("quarter")
      .orderBy("territory_id")
      .execute(),
    db
      .selectFrom("progress_entry")
      .select(["id", "measure_id", "territory_id", "entry_date", "value", "people_reached"])
      .where("measure_id", "in", pageIds)
      .where("entry_date", "<=", filters.asOf.date)
      .orderBy("entry_date")
      .orderBy("id")
      .execute(),
  ]);
  const byId = new Map(measures.map((m) => [m.id, m]));
  // A measure counted whole (not split) is seen with all its rows; a split one only with its shares in view.
  const seen = (measureId: number, territoryId: number) => {
    const items = byMeasure.get(measureId)!;
    return items.some((item) => item.territoryId === null || item.territoryId === territoryId);
  };
  return {
    ...base,
    data: pageIds.map((measureId) => {
      const measure = byId.get(measureId)!;
      const items = byMeasure.get(measureId)!;
      return {
        id: measure.id,
        sectionId: measure.section_id,
        number: measure.number,
        title: measure.title,
        unit: measure.unit,
        shareOfBase: measure.share_of_base,
        departmentId: measure.responsible_department_id,
        department: items[0]!.department,
        territoryId: measure.territory_id,
        figures: items.map((item) => ({
          territoryId: item.territoryId,
          territory: item.territory,
          deadline: item.deadline,
          weight: item.weight,
          plan: item.plan,
          fact: item.fact,
          totalPlan: item.totalPlan,
          yearPlan: item.yearPlan,
          yearFact: item.yearFact,
          peopleReached: item.peopleReached,
          execution: item.execution,
          status: item.status,
        })),
        plans: plans
          .filter((plan) => plan.measure_id === measureId && seen(measureId, plan.territory_id))
          .map((plan) => ({
            territoryId: plan.territory_id,
            year: plan.year,
            quarter: plan.quarter,
            planned: plan.planned,
            base: plan.base,
          })),
        facts: entries
          .filter((entry) => entry.measure_id === measureId && seen(measureId, entry.territory_id))
          .map((entry) => ({
            id: entry.id,
            territoryId: entry.territory_id,
            date: entry.entry_date,
            value: entry.value,
            peopleReached: entry.people_reached,
          })),
      };
    }),
  };
};

function kpiPeriod(url: URL) {
  const { period } = parseParams(kpiQuery, queryObject(url.searchParams));
  return period ? periodParam.parse(period) : null;
}

/** The KPI ranking of the territories below one: the ranking page's view. */
export const rankingEndpoint: Endpoint = async ({ db, principal, params, url, today, locale }) => {
  const { territoryId } = parseParams(territoryPath, params);
  const period = kpiPeriod(url);
  const parent = await findTerritory(db, territoryId);
  if (!parent || !mayViewRanking(principal, parent.path)) throw notFound();
  const view = await rankingView(db, parent.id, period, today, locale);
  return {
    parent: { id: view.parent.id, name: view.parent.name },
    periods: view.periods,
    period: view.period,
    deadline: view.deadline,
    indicators: view.indicators,
    rows: view.rows,
    missing: view.missing,
  };
};

/** One territory's KPI scorecard: the scorecard page's view, without who entered each actual. */
export const scorecardEndpoint: Endpoint = async ({ db, principal, params, url, today, locale }) => {
  const { territoryId } = parseParams(territoryPath, params);
  const period = kpiPeriod(url);
  const territory = await findTerritory(db, territoryId);
  if (!territory || !mayViewScorecard(principal, territory.path)) throw notFound();
  const view = await scorecardView(db, territory.id, period, today, locale);
  return {
    territory: { id: view.territory.id, name: view.territory.name },
    parent: view.parent,
    periods: view.periods,
    period: view.period,
    closed: view.closed,
    deadline: view.deadline,
    rank: view.rank,
    explanation: view.explanation,
    trend: view.trend,
    lines: view.lines.map(({ record, ...line }) => ({
      ...line,
      comment: record?.comment ?? null,
      sourceUrl: record?.sourceUrl ?? null,
    })),
    measures: view.measures,
  };
};

export const unknownEndpoint: Endpoint = async () => {
  throw notFound();
};
