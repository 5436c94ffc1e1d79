import type { Kysely } from "kysely";
import type { Database, KpiDirection, KpiSource, MeasureUnit } from "~db/schema";
import { DEFAULT_THRESHOLDS, ragOf, type Rag } from "~/domain/execution/execution";
import { pickText, type Locale, type ShownText } from "~/i18n/locales";
import {
  childTerritories,
  computedActuals,
  finalPeriods,
  finalTerritoryIds,
  findTerritory,
  isPeriodClosed,
  kpiPeriods,
  loadEnteredActuals,
  loadIndicators,
  loadKpiData,
  loadTargets,
  type IndicatorInfo,
} from "./kpi.server";
import { rankTerritoriesInSql } from "./ranking.server";
import {
  explainScore,
  finalKey,
  kpiReportingDeadline,
  previousPeriod,
  samePeriod,
  type KpiActualRow,
  type KpiPeriod,
  type ScoreExplanation,
} from "./scoring";

// What the KPI pages show, shaped on the server: the ranking of a parent's territories with its
// heatmap, and one territory's scorecard.

export interface IndicatorColumn {
  id: number;
  title: ShownText | null;
  unit: MeasureUnit;
  direction: KpiDirection;
  source: KpiSource;
}

export interface HeatCell {
  target: number;
  weight: number;
  weighted: number | null;
  actual: number | null;
  achievement: number | null;
  rag: Rag | null;
  /** Not reported in a final period: counted as 0. */
  countedAsZero: boolean;
}

export interface RankingRow {
  territoryId: number;
  name: ShownText | null;
  score: number | null;
  rank: number | null;
  rankChange: number | null;
  scoreChange: number | null;
  previousRank: number | null;
  rag: Rag | null;
  reported: number;
  total: number;
  weightedSum: number;
  countedWeight: number;
  /** Missing actuals are still left out: the period is neither closed nor past its deadline for the territory. */
  provisional: boolean;
  cells: Record<number, HeatCell>;
}

const column = (indicator: IndicatorInfo, locale: Locale): IndicatorColumn => ({
  id: indicator.id,
  title: pickText(indicator.title, locale),
  unit: indicator.unit,
  direction: indicator.direction,
  source: indicator.source,
});

export function choosePeriod(periods: KpiPeriod[], asked: KpiPeriod | null, today: string): KpiPeriod | null {
  if (asked && periods.some((period) => samePeriod(period, asked))) return asked;
  // The latest period that has ended, else the latest one.
  const year = Number(today.slice(0, 4));
  return periods.find((period) => period.year < year) ?? periods[0] ?? null;
}

/** The actuals' own bases by indicator, for share-of-base indicators. */
const actualBases = (actuals: KpiActualRow[]) =>
  new Map(actuals.flatMap((a) => (a.base === null || a.base === undefined ? [] : [[a.indicatorId, a.base] as const])));

const indicatorMap = (indicators: IndicatorInfo[]) =>
  new Map(
    indicators.map((i) => [
      i.id,
      { id: i.id, direction: i.direction, ragGreen: i.ragGreen, ragAmber: i.ragAmber, shareOfBase: i.shareOfBase },
    ]),
  );

/** The ranking of the territories whose parent is `parentId`, for a period (the latest ended one by default). */
export async function rankingView(
  db: Kysely<Database>,
  parentId: number,
  asked: KpiPeriod | null,
  today: string,
  locale: Locale,
) {
  const parent = await findTerritory(db, parentId);
  if (!parent) throw new Response("Not found", { status: 404 });
  const territories = await childTerritories(db, parentId);
  const ids = territories.map((t) => t.id);
  const periods = await kpiPeriods(db, ids);
  const period = choosePeriod(periods, asked, today);
  const base = { parent: { ...parent, name: pickText(parent.name, locale) }, periods, period };
  if (!period) return { ...base, indicators: [], rows: [], deadline: null, missing: [] };

  const [{ indicators, targets, entered, computed }, final] = await Promise.all([
    loadKpiData(db, ids, period, today),
    finalPeriods(db, territories, [period, previousPeriod(period)], today),
  ]);
  const ranking = await rankTerritoriesInSql(db, {
    territoryIds: ids,
    period,
    computed,
    final: finalTerritoryIds(final, ids, period),
  });
  const facts = indicatorMap(indicators);
  const inPeriod = targets.filter((target) => samePeriod(target, period));
  const used = new Set(inPeriod.map((target) => target.indicatorId));
  const actuals = [...entered, ...computed].filter((actual) => samePeriod(actual, period));
  const names = new Map(territories.map((t) => [t.id, pickText(t.name, locale)]));

  const rows = ranking.map((row): RankingRow => {
    const explanation = explainScore(
      facts,
      inPeriod.filter((target) => target.territoryId === row.territoryId),
      new Map(actuals.filter((a) => a.territoryId === row.territoryId).map((a) => [a.indicatorId, a.actual])),
      !row.provisional,
      actualBases(actuals.filter((a) => a.territoryId === row.territoryId)),
    );
    const cells: Record<number, HeatCell> = {};
    for (const line of explanation.lines) {
      cells[line.indicatorId] = {
        target: line.target,
        weight: line.weight,
        weighted: line.weighted,
        actual: line.actual,
        achievement: line.achievement,
        rag: line.rag,
        countedAsZero: line.countedAsZero,
      };
    }
    return {
      territoryId: row.territoryId,
      name: names.get(row.territoryId) ?? null,
      score: row.score,
      rank: row.rank,
      rankChange: row.rankChange,
      scoreChange: row.scoreChange,
      previousRank: row.previousRank,
      rag: ragOf(row.score, DEFAULT_THRESHOLDS),
      reported: row.indicatorsWithActual,
      total: row.indicatorsWithTarget,
      weightedSum: explanation.weightedSum,
      countedWeight: explanation.countedWeight,
      provisional: row.provisional,
      cells,
    };
  });
  const columns = indicators.filter((indicator) => used.has(indicator.id)).map((i) => column(i, locale));
  return {
    ...base,
    previousPeriod: previousPeriod(period),
    indicators: columns,
    rows,
    deadline: kpiReportingDeadline(period),
    /** What a provisional ranking still waits for: each territory's indicators with no actual yet. */
    missing: rows
      .filter((row) => row.provisional && row.reported < row.total)
      .map((row) => ({
        territoryId: row.territoryId,
        name: row.name,
        indicators: columns.filter((c) => row.cells[c.id] && row.cells[c.id]!.actual === null).map((c) => c.title),
      })),
  };
}

export interface ScorecardLine {
  indicator: IndicatorColumn & { description: ShownText | null; ragGreen: number; ragAmber: number };
  target: number;
  weight: number;
  actual: number | null;
  /** A share-of-base indicator's bases: its target and actual are shown as shares with their counts. */
  targetBase: number | null;
  actualBase: number | null;
  raw: number | null;
  achievement: number | null;
  capped: boolean;
  countedAsZero: boolean;
  weighted: number | null;
  contribution: number | null;
  rag: Rag | null;
  record: {
    id: number;
    version: number;
    comment: ShownText | null;
    commentKk: string;
    commentRu: string;
    sourceUrl: string | null;
    enteredBy: string;
  } | null;
}

/** One territory's KPI for a period: every indicator's line, the score explained, its rank and trend. */
export async function scorecardView(
  db: Kysely<Database>,
  territoryId: number,
  asked: KpiPeriod | null,
  today: string,
  locale: Locale,
) {
  const territory = await findTerritory(db, territoryId);
  if (!territory) throw new Response("Not found", { status: 404 });
  const parent = territory.parentId === null ? null : await findTerritory(db, territory.parentId);
  const periods = await kpiPeriods(db, [territory.id]);
  const period = choosePeriod(periods, asked, today);
  const base = {
    territory: { ...territory, name: pickText(territory.name, locale) },
    parent: parent && { id: parent.id, name: pickText(parent.name, locale) },
    periods,
    period,
  };
  if (!period) {
    return {
      ...base,
      lines: [],
      explanation: null,
      rank: null,
      trend: [],
      measures: [],
      closed: false,
      deadline: null,
    };
  }

  const siblingTerritories = parent ? await childTerritories(db, parent.id) : [territory];
  const siblings = siblingTerritories.map((t) => t.id);
  const [indicators, allTargets, allEntered, closed, final] = await Promise.all([
    loadIndicators(db),
    loadTargets(db, [territory.id], periods),
    loadEnteredActuals(db, [territory.id], periods),
    isPeriodClosed(db, territory.path, period),
    finalPeriods(db, siblingTerritories, [...periods, previousPeriod(period)], today),
  ]);
  const allComputed = await computedActuals(db, indicators, allTargets, today);
  const { computed: siblingComputed } = await loadKpiData(db, siblings, period, today);
  const ranking = await rankTerritoriesInSql(db, {
    territoryIds: siblings,
    period,
    computed: siblingComputed,
    final: finalTerritoryIds(final, siblings, period),
  });
  const facts = indicatorMap(indicators);
  const byId = new Map(indicators.map((i) => [i.id, i]));

  const explain = (p: KpiPeriod): ScoreExplanation =>
    explainScore(
      facts,
      allTargets.filter((target) => samePeriod(target, p)),
      new Map([...allEntered, ...allComputed].filter((a) => samePeriod(a, p)).map((a) => [a.indicatorId, a.actual])),
      final.has(finalKey(territory.id, p)),
      actualBases([...allEntered, ...allComputed].filter((a) => samePeriod(a, p))),
    );
  const explanation = explain(period);
  const lines = explanation.lines.map((line): ScorecardLine => {
    const indicator = byId.get(line.indicatorId)!;
    const record = allEntered.find((a) => a.indicatorId === line.indicatorId && samePeriod(a, period));
    return {
      indicator: {
        ...column(indicator, locale),
        description: pickText(indicator.description, locale),
        ragGreen: indicator.ragGreen,
        ragAmber: indicator.ragAmber,
      },
      target: line.target,
      weight: line.weight,
      actual: line.actual,
      targetBase: line.targetBase,
      actualBase: line.actualBase,
      raw: line.raw === Infinity ? null : line.raw,
      achievement: line.achievement,
      capped: line.capped,
      countedAsZero: line.countedAsZero,
      weighted: line.weighted,
      contribution: line.contribution,
      rag: line.rag,
      record: record
        ? {
            id: record.id,
            version: record.version,
            comment: pickText(record.comment, locale),
            commentKk: record.comment?.kk ?? "",
            commentRu: record.comment?.ru ?? "",
            sourceUrl: record.sourceUrl,
            enteredBy: record.enteredBy,
          }
        : null,
    };
  });

  const linkedIds = [
    ...new Set(
      lines.flatMap((line) =>
        line.indicator.source === "measure_fact" ? byId.get(line.indicator.id)!.measureIds : [],
      ),
    ),
  ];
  const measures = linkedIds.length
    ? await db
        .selectFrom("measure")
        .select(["id", "number", "title"])
        .where("id", "in", linkedIds)
        .orderBy("number")
        .execute()
    : [];
  const own = ranking.find((row) => row.territoryId === territory.id) ?? null;
  const sameKind = periods.filter((p) => (p.quarter === null) === (period.quarter === null)).reverse();

  return {
    ...base,
    closed,
    deadline: kpiReportingDeadline(period),
    lines,
    explanation: {
      weightedSum: explanation.weightedSum,
      countedWeight: explanation.countedWeight,
      totalWeight: explanation.totalWeight,
      final: explanation.final,
      score: explanation.score,
    },
    rank: own && {
      rank: own.rank,
      ranked: own.ranked,
      rankChange: own.rankChange,
      scoreChange: own.scoreChange,
      previousRank: own.previousRank,
    },
    trend: sameKind.map((p) => ({ period: p, score: explain(p).score })),
    measures: measures.map((m) => ({ id: m.id, number: m.number, title: pickText(m.title, locale) })),
  };
}

/** Where /kpi leads: the parent territory whose children have the most targets. */
export async function busiestRankingParent(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom("kpi_target as k")
    .innerJoin("territory as t", "t.id", "k.territory_id")
    .select("t.parent_id")
    .where("t.parent_id", "is not", null)
    .groupBy("t.parent_id")
    .orderBy((eb) => eb.fn.countAll(), "desc")
    .orderBy("t.parent_id")
    .executeTakeFirst();
  return row?.parent_id ?? null;
}
