import type { KpiDirection } from "~db/schema";
import { ragOf, type Rag } from "~/domain/execution/execution";
import { reportDueDate, type Quarter } from "~/domain/periods/quarter";
import { rollUpShares, type Share } from "~/domain/shares/share-of-base";

// The reference implementation of DESIGN.md's KPI numbers: achievement, territory score, ranking.
// The ranking page computes the same in SQL (ranking.server.ts); tests show that both agree.
//
// Rules where DESIGN.md is silent, chosen so that a score can always be explained:
// - Achievement is actual / target (higher is better) or target / actual (lower is better), capped
//   at 120 %. A target of 0 met exactly (actual 0) is 100 %.
// - Lower is better with an actual of 0 (no NEET youth at all) is the best possible result: the cap,
//   120 % — unless the target was 0 too, which is exactly met (100 %).
// - Higher is better with a target of 0 and an actual above it: the cap.
// - Withholding a figure never pays. Once a period is final for a territory — its KPI period closed
//   (for it or a territory above it) or its reporting deadline passed — a missing actual counts as 0
//   achievement, shown as «not reported — counted as 0». Before that the score is provisional: a
//   missing actual is left out (numerator and denominator) and listed as missing; a territory with no
//   actual at all has no score and no rank yet and is listed after the ranked ones.
// - A share-of-base indicator (libraries with a coworking centre of all libraries) holds counts with
//   their base: achievement compares the shares, actual / its base (the target's when the actual has
//   none) against target / its base. Without a target base it compares the counts.
// - Weights need not sum to 1: the score divides by the weights that count.
// - Ranks are competition ranks (1, 1, 3) among territories of one parent for one period, by the
//   score rounded to SCORE_PRECISION, so that sums added in another order tie as they should.

export const ACHIEVEMENT_CAP = 1.2;
/** Decimal places of a score (as a ratio) that decide ties. */
export const SCORE_PRECISION = 9;

/** A KPI period: a quarter, or a whole year when quarter is null. */
export interface KpiPeriod {
  year: number;
  quarter: number | null;
}

export interface KpiIndicatorFacts {
  id: number;
  direction: KpiDirection;
  /** Percentages of achievement: green at or above, amber at or above, red below. */
  ragGreen: number;
  ragAmber: number;
  /** Target and actual are counts of a base: achievement compares the shares. */
  shareOfBase?: boolean;
}

export interface KpiTargetRow extends KpiPeriod {
  indicatorId: number;
  territoryId: number;
  target: number;
  weight: number;
  /** The base the target count is a share of (a share-of-base indicator). */
  base?: number | null;
}

export interface KpiActualRow extends KpiPeriod {
  indicatorId: number;
  territoryId: number;
  actual: number;
  /** The base the actual count is a share of; the target's when absent. */
  base?: number | null;
}

export interface KpiTerritoryFacts {
  id: number;
  parentId: number | null;
}

export const periodKey = ({ year, quarter }: KpiPeriod) => (quarter === null ? `${year}` : `${year}-Q${quarter}`);

export function samePeriod(a: KpiPeriod, b: KpiPeriod): boolean {
  return a.year === b.year && a.quarter === b.quarter;
}

/** The period before: the previous quarter, or the previous year. */
export function previousPeriod({ year, quarter }: KpiPeriod): KpiPeriod {
  if (quarter === null) return { year: year - 1, quarter: null };
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

/**
 * The day by which a period's actuals are due: as quarterly reports, the 5th day of the month after
 * the quarter (after the year's last quarter for a year).
 */
export function kpiReportingDeadline({ year, quarter }: KpiPeriod): string {
  return reportDueDate({ year, quarter: (quarter ?? 4) as Quarter["quarter"] });
}

/** Whether a period's figures are final for a territory: its period closed, or its deadline passed. */
export function isPeriodFinal(period: KpiPeriod, closed: boolean, today: string): boolean {
  return closed || today > kpiReportingDeadline(period);
}

/** The key of a (territory, period) pair in KpiFacts.final. */
export const finalKey = (territoryId: number, period: KpiPeriod) => `${territoryId}@${periodKey(period)}`;

/** The next period: the next quarter, or the next year. */
export function nextPeriod({ year, quarter }: KpiPeriod): KpiPeriod {
  if (quarter === null) return { year: year + 1, quarter: null };
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 };
}

/** Achievement before the cap: how far the actual is from the target, in the indicator's direction. */
export function rawAchievement(direction: KpiDirection, target: number, actual: number): number {
  const [better, worse] = direction === "higher_is_better" ? [actual, target] : [target, actual];
  if (worse === 0) return better === 0 ? 1 : Infinity;
  return better / worse;
}

/** Achievement as a ratio (1 = target met), capped at 120 %; null when there is no actual. */
export function achievement(direction: KpiDirection, target: number, actual: number | null): number | null {
  if (actual === null) return null;
  return Math.min(rawAchievement(direction, target, actual), ACHIEVEMENT_CAP);
}

/** What achievement compares: the counts, or for a share-of-base indicator with a target base the shares. */
export function comparedValues(
  indicator: KpiIndicatorFacts,
  target: KpiTargetRow,
  actual: number | null,
  actualBase: number | null | undefined,
): { target: number; actual: number | null } {
  const base = target.base ?? null;
  if (!indicator.shareOfBase || base === null || !(base > 0)) return { target: target.target, actual };
  return { target: target.target / base, actual: actual === null ? null : actual / (actualBase ?? base) };
}

/**
 * A share-of-base indicator over many territories for one period: Σ actual counts / Σ their bases
 * (each actual's own, else its target's), never the mean of the territories' percentages.
 */
export function indicatorShare(
  indicatorId: number,
  period: KpiPeriod,
  territoryIds: ReadonlySet<number>,
  targets: KpiTargetRow[],
  actuals: KpiActualRow[],
): Share {
  const units = actuals
    .filter((a) => a.indicatorId === indicatorId && territoryIds.has(a.territoryId) && samePeriod(a, period))
    .map((a) => {
      const target = targets.find(
        (t) => t.indicatorId === indicatorId && t.territoryId === a.territoryId && samePeriod(t, period),
      );
      return { count: a.actual, base: a.base ?? target?.base ?? null };
    });
  return rollUpShares(units);
}

/** Rounds a score so that equal scores compare equal whatever order their sums were added in. */
export function roundScore(score: number): number {
  return Number(score.toFixed(SCORE_PRECISION));
}

/** One indicator's line in the explanation of a score. */
export interface ScoreLine {
  indicatorId: number;
  target: number;
  actual: number | null;
  /** For a share-of-base indicator: the bases of the target and of the actual (the target's when it has none). */
  targetBase: number | null;
  actualBase: number | null;
  weight: number;
  /** Before the cap; null without an actual; Infinity when the cap applies with nothing to divide by. */
  raw: number | null;
  /** No actual, in a final period: the indicator counts with 0 achievement. */
  countedAsZero: boolean;
  achievement: number | null;
  capped: boolean;
  /** weight × achievement; null when the indicator does not count. */
  weighted: number | null;
  /** The indicator's share of the weights that count (0 when it does not count). */
  weightShare: number;
  /** What the indicator adds to the score: weighted / Σ counted weights. */
  contribution: number | null;
  rag: Rag | null;
}

export interface ScoreExplanation {
  lines: ScoreLine[];
  /** Σ weight × achievement over the indicators that count. */
  weightedSum: number;
  /** Σ weight over the indicators that count: those with an actual, and every one once the period is final. */
  countedWeight: number;
  /** Whether the period is final for the territory (missing actuals count as 0), or the score still provisional. */
  final: boolean;
  /** Σ weight over every indicator with a target. */
  totalWeight: number;
  score: number | null;
}

/**
 * A territory's score for a period from its targets and actuals, line by line. `final`: the period is
 * closed or past its deadline for the territory, so a missing actual counts as 0 achievement.
 */
export function explainScore(
  indicators: ReadonlyMap<number, KpiIndicatorFacts>,
  targets: KpiTargetRow[],
  actuals: ReadonlyMap<number, number>,
  final: boolean,
  /** The actuals' own bases, by indicator (share-of-base indicators). */
  actualBases: ReadonlyMap<number, number> = new Map(),
): ScoreExplanation {
  const partial = targets.map((target) => {
    const indicator = indicators.get(target.indicatorId);
    if (!indicator) throw new Error(`KPI target of unknown indicator ${target.indicatorId}`);
    const actual = actuals.get(target.indicatorId) ?? null;
    const compared = comparedValues(indicator, target, actual, actualBases.get(target.indicatorId));
    const raw = compared.actual === null ? null : rawAchievement(indicator.direction, compared.target, compared.actual);
    const value = actual === null && final ? 0 : achievement(indicator.direction, compared.target, compared.actual);
    return { target, indicator, actual, raw, value };
  });
  const counted = partial.filter((line) => line.value !== null);
  const weightedSum = counted.reduce((sum, line) => sum + line.target.weight * line.value!, 0);
  const countedWeight = counted.reduce((sum, line) => sum + line.target.weight, 0);
  const totalWeight = targets.reduce((sum, target) => sum + target.weight, 0);
  const lines = partial.map(({ target, indicator, actual, raw, value }): ScoreLine => {
    const weighted = value === null ? null : target.weight * value;
    return {
      indicatorId: target.indicatorId,
      target: target.target,
      actual,
      targetBase: indicator.shareOfBase ? (target.base ?? null) : null,
      actualBase:
        indicator.shareOfBase && actual !== null ? (actualBases.get(target.indicatorId) ?? target.base ?? null) : null,
      weight: target.weight,
      raw,
      countedAsZero: actual === null && final,
      achievement: value,
      capped: raw !== null && raw > ACHIEVEMENT_CAP,
      weighted,
      weightShare: value === null || countedWeight === 0 ? 0 : target.weight / countedWeight,
      contribution: weighted === null || countedWeight === 0 ? null : weighted / countedWeight,
      rag: ragOf(value, { green: indicator.ragGreen, amber: indicator.ragAmber }),
    };
  });
  return {
    lines,
    weightedSum,
    countedWeight,
    final,
    totalWeight,
    score: countedWeight > 0 ? weightedSum / countedWeight : null,
  };
}

export interface TerritoryScore {
  territoryId: number;
  parentId: number | null;
  score: number | null;
  /** Competition rank among the parent's territories in the period; null without a score. */
  rank: number | null;
  /** How many territories of the parent are ranked in the period. */
  ranked: number;
  indicatorsWithTarget: number;
  indicatorsWithActual: number;
  previousScore: number | null;
  previousRank: number | null;
  /** Score now minus score before; null when either is missing. */
  scoreChange: number | null;
  /** Places gained (positive) or lost since the previous period; null when either rank is missing. */
  rankChange: number | null;
  /** The period is not final for the territory yet: missing actuals are left out, not counted as 0. */
  provisional: boolean;
}

/** Competition ranks (1, 1, 3) of the scored items, higher first; null for the unscored. */
export function competitionRanks(scores: Array<number | null>): Array<number | null> {
  const rounded = scores.map((score) => (score === null ? null : roundScore(score)));
  return rounded.map((score) =>
    score === null ? null : 1 + rounded.filter((other) => other !== null && other > score).length,
  );
}

export interface KpiFacts {
  indicators: KpiIndicatorFacts[];
  territories: KpiTerritoryFacts[];
  targets: KpiTargetRow[];
  /** Entered and computed actuals alike. */
  actuals: KpiActualRow[];
  /** The (territory, period) pairs that are final (finalKey): closed or past their reporting deadline. */
  final: ReadonlySet<string>;
}

interface PeriodScore {
  territoryId: number;
  parentId: number | null;
  explanation: ScoreExplanation;
  rank: number | null;
  ranked: number;
}

function scoresInPeriod(facts: KpiFacts, period: KpiPeriod): Map<number, PeriodScore> {
  const indicators = new Map(facts.indicators.map((indicator) => [indicator.id, indicator]));
  const parents = new Map(facts.territories.map((territory) => [territory.id, territory.parentId]));
  const targetsBy = new Map<number, KpiTargetRow[]>();
  for (const target of facts.targets) {
    if (!samePeriod(target, period) || !parents.has(target.territoryId)) continue;
    targetsBy.set(target.territoryId, [...(targetsBy.get(target.territoryId) ?? []), target]);
  }
  const actualsBy = new Map<number, Map<number, number>>();
  const basesBy = new Map<number, Map<number, number>>();
  for (const actual of facts.actuals) {
    if (!samePeriod(actual, period)) continue;
    const own = actualsBy.get(actual.territoryId) ?? new Map<number, number>();
    own.set(actual.indicatorId, actual.actual);
    actualsBy.set(actual.territoryId, own);
    if (actual.base === null || actual.base === undefined) continue;
    const bases = basesBy.get(actual.territoryId) ?? new Map<number, number>();
    bases.set(actual.indicatorId, actual.base);
    basesBy.set(actual.territoryId, bases);
  }
  const scored = [...targetsBy].map(([territoryId, targets]) => ({
    territoryId,
    parentId: parents.get(territoryId) ?? null,
    explanation: explainScore(
      indicators,
      targets,
      actualsBy.get(territoryId) ?? new Map(),
      facts.final.has(finalKey(territoryId, period)),
      basesBy.get(territoryId),
    ),
  }));
  const result = new Map<number, PeriodScore>();
  for (const parentId of new Set(scored.map((row) => row.parentId))) {
    const siblings = scored.filter((row) => row.parentId === parentId);
    const ranks = competitionRanks(siblings.map((row) => row.explanation.score));
    const ranked = ranks.filter((rank) => rank !== null).length;
    siblings.forEach((row, index) => result.set(row.territoryId, { ...row, rank: ranks[index]!, ranked }));
  }
  return result;
}

/**
 * Every territory with a target in the period, scored and ranked among its parent's territories,
 * with its change since the previous period; ranked first (best first), then the unscored.
 */
export function rankTerritories(facts: KpiFacts, period: KpiPeriod): TerritoryScore[] {
  const now = scoresInPeriod(facts, period);
  const before = scoresInPeriod(facts, previousPeriod(period));
  const rows = [...now.values()].map((row): TerritoryScore => {
    const previous = before.get(row.territoryId);
    const score = row.explanation.score;
    const previousScore = previous?.explanation.score ?? null;
    const previousRank = previous?.rank ?? null;
    return {
      territoryId: row.territoryId,
      parentId: row.parentId,
      score,
      rank: row.rank,
      ranked: row.ranked,
      indicatorsWithTarget: row.explanation.lines.length,
      indicatorsWithActual: row.explanation.lines.filter((line) => line.actual !== null).length,
      previousScore,
      previousRank,
      scoreChange: score !== null && previousScore !== null ? score - previousScore : null,
      rankChange: row.rank !== null && previousRank !== null ? previousRank - row.rank : null,
      provisional: !row.explanation.final,
    };
  });
  return rows.sort(
    (a, b) =>
      (a.parentId ?? 0) - (b.parentId ?? 0) ||
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      a.territoryId - b.territoryId,
  );
}
