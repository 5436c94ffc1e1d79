import { sql, type Kysely } from "kysely";
import type { Database, LocalizedText } from "~db/schema";
import {
  childTerritories,
  computedActuals,
  finalPeriods,
  kpiPeriods,
  loadEnteredActuals,
  loadIndicators,
  loadTargets,
} from "~/domain/kpi/kpi.server";
import { previousPeriod, rankTerritories, type KpiPeriod } from "~/domain/kpi/scoring";

export interface ExpectedKpi {
  parentId: number;
  period: KpiPeriod;
  /** Best first, as the reference calculator ranks them. */
  ranking: Array<{ territoryId: number; name: LocalizedText; rank: number | null }>;
}

/**
 * The ranking of Karaganda Region's cities and districts in its latest year that has ended, by the
 * reference calculator (scoring.ts) from the seeded targets and actuals — not by the page's SQL.
 */
export async function expectedKpi(db: Kysely<Database>, today: string): Promise<ExpectedKpi> {
  const parent = await db
    .selectFrom("territory")
    .select("id")
    .where("kind", "=", "oblast")
    .where(sql<boolean>`name ->> 'en' = 'Karaganda Region'`)
    .executeTakeFirstOrThrow();
  const territories = await childTerritories(db, parent.id);
  const ids = territories.map((t) => t.id);
  const periods = await kpiPeriods(db, ids);
  const period = periods.find((p) => p.year < Number(today.slice(0, 4)))!;
  const both = [period, previousPeriod(period)];
  const indicators = await loadIndicators(db);
  const targets = await loadTargets(db, ids, both);
  const entered = await loadEnteredActuals(db, ids, both);
  const computed = await computedActuals(db, indicators, targets, today);
  const final = await finalPeriods(db, territories, both, today);
  const rows = rankTerritories(
    {
      indicators: indicators.map((i) => ({
        id: i.id,
        direction: i.direction,
        ragGreen: i.ragGreen,
        ragAmber: i.ragAmber,
      })),
      territories: territories.map((t) => ({ id: t.id, parentId: t.parentId })),
      targets,
      actuals: [...entered, ...computed],
      final,
    },
    period,
  );
  const names = new Map(territories.map((t) => [t.id, t.name]));
  return {
    parentId: parent.id,
    period,
    ranking: rows.map((row) => ({ territoryId: row.territoryId, name: names.get(row.territoryId)!, rank: row.rank })),
  };
}
