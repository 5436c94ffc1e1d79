import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { DEFAULT_THRESHOLDS, ragOf } from "~/domain/execution/execution";
import { type pickText, type Locale } from "~/i18n/locales";
import { childTerritories, kpiPeriods, type TerritoryInfo } from "./kpi.server";
import { samePeriod, type KpiPeriod } from "./scoring";
import { choosePeriod, scorecardView, type ScorecardLine } from "./views.server";

// Two to four territories side by side. Each column is that territory's own scorecard, computed by
// the scorecard's view (one calculator), for one period shared by all columns.

export interface ComparedTerritory {
  id: number;
  name: ReturnType<typeof pickText>;
  /** False when the territory has no targets in the shared period: its column is empty. */
  hasPeriod: boolean;
  score: number | null;
  rag: ReturnType<typeof ragOf>;
  rank: { rank: number | null; ranked: number; rankChange: number | null } | null;
  final: boolean;
  lines: ScorecardLine[];
  trend: Array<{ period: KpiPeriod; score: number | null }>;
}

export async function compareView(
  db: Kysely<Database>,
  territories: TerritoryInfo[],
  asked: KpiPeriod | null,
  today: string,
  locale: Locale,
) {
  const periods = await kpiPeriods(
    db,
    territories.map((t) => t.id),
  );
  const period = choosePeriod(periods, asked, today);
  const columns: ComparedTerritory[] = [];
  // One after another: two to four scorecards, and the embedded database serves one query at a time.
  for (const territory of territories) {
    const card = await scorecardView(db, territory.id, period, today, locale);
    const hasPeriod = period !== null && card.period !== null && samePeriod(card.period, period);
    columns.push({
      id: territory.id,
      name: card.territory.name,
      hasPeriod,
      score: hasPeriod ? (card.explanation?.score ?? null) : null,
      rag: hasPeriod ? ragOf(card.explanation?.score ?? null, DEFAULT_THRESHOLDS) : null,
      rank:
        hasPeriod && card.rank
          ? { rank: card.rank.rank, ranked: card.rank.ranked, rankChange: card.rank.rankChange }
          : null,
      final: hasPeriod ? (card.explanation?.final ?? false) : false,
      lines: hasPeriod ? card.lines : [],
      trend: card.trend,
    });
  }
  // Indicator rows in the order the first territory that has each lists them.
  const indicators = new Map<number, ScorecardLine["indicator"]>();
  for (const column of columns)
    for (const line of column.lines)
      if (!indicators.has(line.indicator.id)) indicators.set(line.indicator.id, line.indicator);
  // Trend rows: every period of the same kind (years with years, quarters with quarters), oldest first.
  const trendPeriods = periods
    .filter((p) => period !== null && (p.quarter === null) === (period.quarter === null))
    .reverse();
  return { periods, period, columns, indicators: [...indicators.values()], trendPeriods };
}

/** The territories a user may pick beside the compared ones: the neighbours of each, as the ranking lists them. */
export async function compareCandidates(db: Kysely<Database>, compared: TerritoryInfo[]): Promise<TerritoryInfo[]> {
  const parentIds = [...new Set(compared.flatMap((t) => (t.parentId === null ? [] : [t.parentId])))];
  const lists = await Promise.all(parentIds.map((id) => childTerritories(db, id)));
  const seen = new Set<number>();
  return [...compared, ...lists.flat()].filter((t) => !seen.has(t.id) && seen.add(t.id));
}
