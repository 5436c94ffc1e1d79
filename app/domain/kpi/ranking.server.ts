import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "~db/schema";
import {
  ACHIEVEMENT_CAP,
  previousPeriod,
  SCORE_PRECISION,
  type KpiActualRow,
  type KpiPeriod,
  type TerritoryScore,
} from "./scoring";

// The SQL twin of rankTerritories() in scoring.ts: the same rules, computed in one statement so that
// a ranking of every district of the country stays fast. tests/integration/kpi.test.ts shows that
// both give the same scores and ranks.

type Db = Kysely<Database> | Transaction<Database>;

export interface RankingInput {
  /** The territories to score; each is ranked among those of them that share its parent. */
  territoryIds: number[];
  period: KpiPeriod;
  /**
   * Actuals of computed indicators (from road-map measures), worked out by computedActuals() for this
   * period and the previous one. Stored actuals count only for indicators entered by hand.
   */
  computed: KpiActualRow[];
  /** Territories for which the period (current) and the one before (previous) are final: missing actuals count as 0. */
  final: { current: number[]; previous: number[] };
}

interface RawRanking {
  territory_id: number;
  parent_id: number | null;
  score: number | null;
  rank: number | null;
  ranked: number;
  with_target: number;
  with_actual: number;
  previous_score: number | null;
  previous_rank: number | null;
  is_final: boolean;
}

export async function rankTerritoriesInSql(db: Db, input: RankingInput): Promise<TerritoryScore[]> {
  const { period } = input;
  const before = previousPeriod(period);
  const cap = sql`${ACHIEVEMENT_CAP}::float8`;
  const computed = JSON.stringify(
    input.computed.map((row) => ({
      indicator_id: row.indicatorId,
      territory_id: row.territoryId,
      year: row.year,
      quarter: row.quarter,
      actual: row.actual,
      base: row.base ?? null,
    })),
  );
  const { rows } = await sql<RawRanking>`
    WITH period_list AS (
      SELECT * FROM (VALUES (${period.year}::int, ${period.quarter}::int, true),
                            (${before.year}::int, ${before.quarter}::int, false)) AS p(year, quarter, is_current)
    ),
    territory_period AS (
      SELECT t.id, t.parent_id, p.year, p.quarter, p.is_current,
             t.id = ANY(CASE WHEN p.is_current THEN ${input.final.current}::int[]
                             ELSE ${input.final.previous}::int[] END) AS is_final
        FROM territory t CROSS JOIN period_list p
       WHERE t.id = ANY(${input.territoryIds}::int[])
    ),
    actual AS (
      SELECT a.indicator_id, a.territory_id, a.year, a.quarter, a.actual::float8 AS actual, a.base::float8 AS base
        FROM kpi_actual a JOIN kpi_indicator i ON i.id = a.indicator_id AND i.source = 'entered'
      UNION ALL
      SELECT indicator_id, territory_id, year, quarter, actual, base
        FROM jsonb_to_recordset(${computed}::jsonb)
          AS c(indicator_id int, territory_id int, year int, quarter int, actual float8, base float8)
    ),
    -- What achievement compares (comparedValues()): the counts, or a share-of-base indicator's shares.
    compared AS (
      SELECT t.territory_id, tp.parent_id, tp.is_current, tp.is_final, t.weight::float8 AS weight, i.direction,
             CASE WHEN i.share_of_base AND t.base > 0 THEN t.target::float8 / t.base::float8
                  ELSE t.target::float8 END AS target,
             CASE WHEN i.share_of_base AND t.base > 0 THEN a.actual / coalesce(a.base, t.base::float8)
                  ELSE a.actual END AS actual
        FROM kpi_target t
        JOIN territory_period tp ON tp.id = t.territory_id
                                AND tp.year = t.year AND coalesce(tp.quarter, 0) = coalesce(t.quarter, 0)
        JOIN kpi_indicator i ON i.id = t.indicator_id
        -- coalesce rather than IS NOT DISTINCT FROM: an equality the planner can hash.
        LEFT JOIN actual a ON a.indicator_id = t.indicator_id AND a.territory_id = t.territory_id
                          AND a.year = t.year AND coalesce(a.quarter, 0) = coalesce(t.quarter, 0)
    ),
    line AS (
      SELECT territory_id, parent_id, is_current, is_final, weight,
             CASE
               WHEN actual IS NULL THEN CASE WHEN is_final THEN 0::float8 END
               WHEN direction = 'higher_is_better' THEN
                 CASE WHEN target = 0 THEN CASE WHEN actual = 0 THEN 1 ELSE ${cap} END
                      ELSE least(actual / target, ${cap}) END
               ELSE
                 CASE WHEN actual = 0 THEN CASE WHEN target = 0 THEN 1 ELSE ${cap} END
                      ELSE least(target / actual, ${cap}) END
             END AS achievement,
             actual IS NOT NULL AS has_actual
        FROM compared
    ),
    score AS (
      SELECT territory_id, parent_id, is_current, is_final,
             sum(weight * achievement) FILTER (WHERE achievement IS NOT NULL)
               / nullif(sum(weight) FILTER (WHERE achievement IS NOT NULL), 0) AS score,
             count(*)::int AS with_target,
             count(*) FILTER (WHERE has_actual)::int AS with_actual
        FROM line
       GROUP BY territory_id, parent_id, is_current, is_final
    ),
    ranked AS (
      SELECT score.*,
             CASE WHEN score IS NOT NULL THEN
               rank() OVER (PARTITION BY parent_id, is_current, score IS NULL
                            ORDER BY round(score::numeric, ${SCORE_PRECISION}) DESC)
             END::int AS rank,
             count(score) OVER (PARTITION BY parent_id, is_current)::int AS ranked
        FROM score
    )
    SELECT now.territory_id, now.parent_id, now.score, now.rank, now.ranked, now.with_target, now.with_actual,
           now.is_final, before.score AS previous_score, before.rank AS previous_rank
      FROM ranked now
      LEFT JOIN ranked before ON before.territory_id = now.territory_id AND NOT before.is_current
     WHERE now.is_current
     ORDER BY coalesce(now.parent_id, 0), now.rank NULLS LAST, now.territory_id
  `.execute(db);
  return rows.map((row): TerritoryScore => ({
    territoryId: row.territory_id,
    parentId: row.parent_id,
    score: row.score,
    rank: row.rank,
    ranked: row.ranked,
    indicatorsWithTarget: row.with_target,
    indicatorsWithActual: row.with_actual,
    previousScore: row.previous_score,
    previousRank: row.previous_rank,
    scoreChange: row.score !== null && row.previous_score !== null ? row.score - row.previous_score : null,
    rankChange: row.rank !== null && row.previous_rank !== null ? row.previous_rank - row.rank : null,
    provisional: !row.is_final,
  }));
}
