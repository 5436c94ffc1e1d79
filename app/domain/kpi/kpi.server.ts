import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, KpiDirection, KpiSource, LocalizedText, MeasureUnit, TerritoryKind } from "~db/schema";
import { DEFAULT_THRESHOLDS } from "~/domain/execution/execution";
import { territoryExecution } from "~/domain/execution/execution.server";
import { quarterEnd, quarterStart, type Quarter } from "~/domain/periods/quarter";
import {
  finalKey,
  isPeriodFinal,
  previousPeriod,
  samePeriod,
  type KpiActualRow,
  type KpiPeriod,
  type KpiTargetRow,
} from "./scoring";

// Reading KPI data: indicators, targets, actuals (entered, and computed from road-map measures by
// the execution SQL — the one definition of a measure's fact and execution).

type Db = Kysely<Database> | Transaction<Database>;

export interface IndicatorInfo {
  id: number;
  code: string | null;
  title: LocalizedText;
  description: LocalizedText | null;
  unit: MeasureUnit;
  direction: KpiDirection;
  category: string;
  ragGreen: number;
  ragAmber: number;
  shareOfBase: boolean;
  source: KpiSource;
  roadMapId: number | null;
  measureIds: number[];
  version: number;
}

export async function loadIndicators(db: Db): Promise<IndicatorInfo[]> {
  const [rows, links] = await Promise.all([
    db.selectFrom("kpi_indicator").selectAll().orderBy("category").orderBy("id").execute(),
    db.selectFrom("kpi_indicator_measure").selectAll().orderBy("measure_id").execute(),
  ]);
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    unit: row.unit,
    direction: row.direction,
    category: row.category,
    ragGreen: row.rag_green,
    ragAmber: row.rag_amber,
    shareOfBase: row.share_of_base,
    source: row.source,
    roadMapId: row.road_map_id,
    measureIds: links.filter((link) => link.indicator_id === row.id).map((link) => link.measure_id),
    version: row.version,
  }));
}

export interface TerritoryInfo {
  id: number;
  parentId: number | null;
  kind: TerritoryKind;
  name: LocalizedText;
  path: number[];
}

const territoryColumns = ["id", "parent_id", "kind", "name", "path"] as const;
const toTerritory = (row: {
  id: number;
  parent_id: number | null;
  kind: TerritoryKind;
  name: LocalizedText;
  path: number[];
}): TerritoryInfo => ({ id: row.id, parentId: row.parent_id, kind: row.kind, name: row.name, path: row.path });

export async function findTerritory(db: Db, id: number): Promise<TerritoryInfo | null> {
  const row = await db.selectFrom("territory").select(territoryColumns).where("id", "=", id).executeTakeFirst();
  return row ? toTerritory(row) : null;
}

export async function territoriesByIds(db: Db, ids: number[]): Promise<TerritoryInfo[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("territory").select(territoryColumns).where("id", "in", ids).execute();
  return rows.map(toTerritory);
}

export async function childTerritories(db: Db, parentId: number): Promise<TerritoryInfo[]> {
  const rows = await db
    .selectFrom("territory")
    .select(territoryColumns)
    .where("parent_id", "=", parentId)
    .orderBy("id")
    .execute();
  return rows.map(toTerritory);
}

/** Periods with any target for these territories, newest first (a year after its quarters). */
export async function kpiPeriods(db: Db, territoryIds: number[]): Promise<KpiPeriod[]> {
  if (territoryIds.length === 0) return [];
  const rows = await db
    .selectFrom("kpi_target")
    .select(["year", "quarter"])
    .distinct()
    .where("territory_id", "in", territoryIds)
    .execute();
  return rows.sort((a, b) => b.year - a.year || (b.quarter ?? 5) - (a.quarter ?? 5));
}

export interface TargetRecord extends KpiTargetRow {
  id: number;
  version: number;
}

function inPeriods<T extends { year: number; quarter: number | null }>(rows: T[], periods: KpiPeriod[]): T[] {
  return rows.filter((row) => periods.some((period) => samePeriod(row, period)));
}

export async function loadTargets(db: Db, territoryIds: number[], periods: KpiPeriod[]): Promise<TargetRecord[]> {
  if (territoryIds.length === 0 || periods.length === 0) return [];
  const rows = await db
    .selectFrom("kpi_target")
    .select(["id", "indicator_id", "territory_id", "year", "quarter", "target", "weight", "base", "version"])
    .where("territory_id", "in", territoryIds)
    .where(
      "year",
      "in",
      periods.map((period) => period.year),
    )
    .orderBy("indicator_id")
    .execute();
  return inPeriods(
    rows.map((row) => ({
      id: row.id,
      indicatorId: row.indicator_id,
      territoryId: row.territory_id,
      year: row.year,
      quarter: row.quarter,
      target: row.target,
      weight: row.weight,
      base: row.base,
      version: row.version,
    })),
    periods,
  );
}

export interface ActualRecord extends KpiActualRow {
  id: number;
  version: number;
  comment: LocalizedText | null;
  sourceUrl: string | null;
  enteredBy: string;
  updatedAt: string;
}

/** Actuals entered by hand (of indicators whose source is «entered»). */
export async function loadEnteredActuals(
  db: Db,
  territoryIds: number[],
  periods: KpiPeriod[],
): Promise<ActualRecord[]> {
  if (territoryIds.length === 0 || periods.length === 0) return [];
  const rows = await db
    .selectFrom("kpi_actual as a")
    .innerJoin("kpi_indicator as i", "i.id", "a.indicator_id")
    .innerJoin("app_user as u", "u.id", "a.entered_by")
    .select([
      "a.id",
      "a.indicator_id",
      "a.territory_id",
      "a.year",
      "a.quarter",
      "a.actual",
      "a.base",
      "a.version",
      "a.comment",
      "a.source_url",
      "a.updated_at",
      "u.display_name",
    ])
    .where("i.source", "=", "entered")
    .where("a.territory_id", "in", territoryIds)
    .where(
      "a.year",
      "in",
      periods.map((period) => period.year),
    )
    .execute();
  return inPeriods(
    rows.map((row) => ({
      id: row.id,
      indicatorId: row.indicator_id,
      territoryId: row.territory_id,
      year: row.year,
      quarter: row.quarter,
      actual: row.actual,
      base: row.base,
      version: row.version,
      comment: row.comment,
      sourceUrl: row.source_url,
      enteredBy: row.display_name,
      updatedAt: new Date(row.updated_at).toISOString(),
    })),
    periods,
  );
}

/** The first and last day of a period. */
export function periodDates({ year, quarter }: KpiPeriod): { from: string; to: string } {
  if (quarter === null) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const q = { year, quarter } as Quarter;
  return { from: quarterStart(q), to: quarterEnd(q) };
}

/**
 * Actuals of computed indicators for the targets given: the fact of the linked measures in the
 * territory (and below it), or the execution (%) of the indicator's road map there — both from
 * territoryExecution(), counting the facts of accepted quarterly reports dated in the period, up to
 * today. Nothing for a period that has not begun.
 */
export async function computedActuals(
  db: Kysely<Database>,
  indicators: IndicatorInfo[],
  targets: KpiTargetRow[],
  today: string,
): Promise<KpiActualRow[]> {
  const computed = new Map(indicators.filter((i) => i.source !== "entered").map((i) => [i.id, i]));
  const relevant = targets.filter((target) => computed.has(target.indicatorId));
  if (relevant.length === 0) return [];
  const parents = new Map(
    (await territoriesByIds(db, [...new Set(relevant.map((target) => target.territoryId))])).map((t) => [
      t.id,
      t.parentId,
    ]),
  );
  const measureRoadMaps = new Map<number, number>();
  const measureIds = [...computed.values()].flatMap((indicator) => indicator.measureIds);
  if (measureIds.length) {
    const rows = await db.selectFrom("measure").select(["id", "road_map_id"]).where("id", "in", measureIds).execute();
    rows.forEach((row) => measureRoadMaps.set(row.id, row.road_map_id));
  }

  // One execution query per indicator, period, parent territory and road map.
  const groups = new Map<string, { indicator: IndicatorInfo; period: KpiPeriod; parentId: number; ids: Set<number> }>();
  for (const target of relevant) {
    const parentId = parents.get(target.territoryId) ?? target.territoryId;
    const key = `${target.indicatorId}:${target.year}:${target.quarter}:${parentId}`;
    const group = groups.get(key) ?? {
      indicator: computed.get(target.indicatorId)!,
      period: { year: target.year, quarter: target.quarter },
      parentId,
      ids: new Set<number>(),
    };
    group.ids.add(target.territoryId);
    groups.set(key, group);
  }

  const actuals: KpiActualRow[] = [];
  for (const { indicator, period, parentId, ids } of groups.values()) {
    const { from, to } = periodDates(period);
    if (from > today) continue;
    const asOf = { date: to < today ? to : today, from, includeCurrentQuarter: false, facts: "accepted" as const };
    const byRoadMap = new Map<number, number[] | null>();
    if (indicator.source === "road_map_execution" && indicator.roadMapId !== null) {
      byRoadMap.set(indicator.roadMapId, null);
    } else {
      for (const measureId of indicator.measureIds) {
        const roadMapId = measureRoadMaps.get(measureId);
        if (roadMapId !== undefined) byRoadMap.set(roadMapId, [...(byRoadMap.get(roadMapId) ?? []), measureId]);
      }
    }
    const sums = new Map<number, number>();
    for (const [roadMapId, measures] of byRoadMap) {
      const rows = await territoryExecution(
        db,
        { roadMapId, territoryIds: null, sectionIds: null, measureIds: measures },
        asOf,
        DEFAULT_THRESHOLDS,
        parentId,
      );
      for (const row of rows) {
        if (!ids.has(row.groupId)) continue;
        if (indicator.source === "road_map_execution") {
          if (row.execution !== null) sums.set(row.groupId, row.execution * 100);
        } else {
          sums.set(row.groupId, (sums.get(row.groupId) ?? 0) + row.fact);
        }
      }
    }
    for (const territoryId of ids) {
      const actual = sums.get(territoryId) ?? (indicator.source === "measure_fact" ? 0 : undefined);
      if (actual !== undefined) actuals.push({ indicatorId: indicator.id, territoryId, ...period, actual });
    }
  }
  return actuals;
}

/**
 * Everything the ranking of a set of territories needs for a period and the one before: targets,
 * entered actuals with their records, computed actuals.
 */
export async function loadKpiData(db: Kysely<Database>, territoryIds: number[], period: KpiPeriod, today: string) {
  const periods = [period, previousPeriod(period)];
  const [indicators, targets, entered] = await Promise.all([
    loadIndicators(db),
    loadTargets(db, territoryIds, periods),
    loadEnteredActuals(db, territoryIds, periods),
  ]);
  const computed = await computedActuals(db, indicators, targets, today);
  return { indicators, targets, entered, computed };
}

/**
 * The (territory, period) pairs whose figures are final (scoring.ts finalKey): the period closed for
 * the territory or one above it, or its reporting deadline passed. A missing actual counts as 0 there.
 */
export async function finalPeriods(
  db: Db,
  territories: Array<Pick<TerritoryInfo, "id" | "path">>,
  periods: KpiPeriod[],
  today: string,
): Promise<Set<string>> {
  const above = [...new Set(territories.flatMap((territory) => territory.path))];
  const years = [...new Set(periods.map((period) => period.year))];
  const closed =
    above.length && years.length
      ? await db
          .selectFrom("reporting_period")
          .select(["territory_id", "year", "quarter"])
          .where("territory_id", "in", above)
          .where("year", "in", years)
          .where("status", "=", "closed")
          .execute()
      : [];
  const final = new Set<string>();
  for (const period of periods) {
    const closedHere = new Set(
      closed
        .filter((row) => samePeriod({ year: row.year, quarter: row.quarter }, period))
        .map((row) => row.territory_id),
    );
    for (const territory of territories) {
      const isClosed = territory.path.some((id) => closedHere.has(id));
      if (isPeriodFinal(period, isClosed, today)) final.add(finalKey(territory.id, period));
    }
  }
  return final;
}

/** The `final` input of the SQL ranking from the final pairs. */
export function finalTerritoryIds(final: ReadonlySet<string>, territoryIds: number[], period: KpiPeriod) {
  const pick = (p: KpiPeriod) => territoryIds.filter((id) => final.has(finalKey(id, p)));
  return { current: pick(period), previous: pick(previousPeriod(period)) };
}

/** Closed KPI periods that lock a territory's actuals: its own, or those of any territory above it. */
export async function isPeriodClosed(db: Db, territoryPath: number[], period: KpiPeriod): Promise<boolean> {
  const row = await db
    .selectFrom("reporting_period")
    .select("id")
    .where("territory_id", "in", territoryPath)
    .where("status", "=", "closed")
    .where("year", "=", period.year)
    .where(sql<boolean>`quarter IS NOT DISTINCT FROM ${period.quarter}::smallint`)
    .executeTakeFirst();
  return row !== undefined;
}
