import type { Kysely } from "kysely";
import type { Database, LocalizedText } from "~db/schema";
import { entryCounts, planInWindow, type AsOf } from "~/domain/execution/execution";
import { measureShares, type MeasureShares } from "./share-of-base";

// The rows behind shares of a base, for the measures that are counted that way: their plans with
// bases, and their entries with the state of the quarterly report that holds them (so that the fact
// basis — accepted, submitted, all — is the dashboard's).

export interface MeasureShareFigures extends MeasureShares {
  measureId: number;
  baseLabel: LocalizedText | null;
}

/** The key of an item's shares: a whole measure (`12:`), or its share in one territory (`12:34`). */
export const shareKey = (measureId: number, territoryId: number | null) => `${measureId}:${territoryId ?? ""}`;

/**
 * Shares of the share-of-base measures among `measureIds` as of D: per measure over the territories
 * of `territoryIds` (every one when null), and per measure and territory. Other measures are absent.
 */
export async function shareFigures(
  db: Kysely<Database>,
  input: { measureIds: number[]; asOf: AsOf; territoryIds: ReadonlySet<number> | null },
): Promise<Map<string, MeasureShareFigures>> {
  const result = new Map<string, MeasureShareFigures>();
  if (input.measureIds.length === 0) return result;
  const measures = await db
    .selectFrom("measure")
    .select(["id", "base_label"])
    .where("id", "in", input.measureIds)
    .where("share_of_base", "=", true)
    .execute();
  if (measures.length === 0) return result;
  const ids = measures.map((m) => m.id);
  const [plans, entries] = await Promise.all([
    db
      .selectFrom("measure_plan")
      .select(["measure_id", "territory_id", "year", "quarter", "planned", "base"])
      .where("measure_id", "in", ids)
      .execute(),
    db
      .selectFrom("progress_entry as e")
      .innerJoin("measure as m", "m.id", "e.measure_id")
      .leftJoin("department_report as r", (join) =>
        join
          .onRef("r.road_map_id", "=", "m.road_map_id")
          .onRef("r.department_id", "=", "m.responsible_department_id")
          .onRef("r.year", "=", "e.year")
          .onRef("r.quarter", "=", "e.quarter"),
      )
      .select(["e.measure_id", "e.territory_id", "e.entry_date", "e.value", "e.base", "r.status"])
      .where("e.measure_id", "in", ids)
      .where("e.entry_date", "<=", input.asOf.date)
      .execute(),
  ]);
  const inSlice = (territoryId: number) => !input.territoryIds || input.territoryIds.has(territoryId);
  const planDue = (year: number, quarter: number) => planInWindow(year, quarter, input.asOf);
  for (const measure of measures) {
    const planRows = plans
      .filter((p) => p.measure_id === measure.id && inSlice(p.territory_id))
      .map((p) => ({
        territoryId: p.territory_id,
        year: p.year,
        quarter: p.quarter,
        planned: p.planned,
        base: p.base,
      }));
    const entryRows = entries
      .filter((e) => e.measure_id === measure.id && inSlice(e.territory_id) && entryCounts(e.status, input.asOf.facts))
      .map((e) => ({ territoryId: e.territory_id, entryDate: e.entry_date, value: e.value, base: e.base }));
    const whole = measureShares({ plans: planRows, entries: entryRows, asOf: input.asOf.date, planDue });
    result.set(shareKey(measure.id, null), { ...whole, measureId: measure.id, baseLabel: measure.base_label });
    for (const territory of whole.territories) {
      const own = (row: { territoryId: number }) => row.territoryId === territory.territoryId;
      const shares = measureShares({
        plans: planRows.filter(own),
        entries: entryRows.filter(own),
        asOf: input.asOf.date,
        planDue,
      });
      result.set(shareKey(measure.id, territory.territoryId), {
        ...shares,
        measureId: measure.id,
        baseLabel: measure.base_label,
      });
    }
  }
  return result;
}

/** The shares of the share-of-base items among a dashboard's lines, by the lines' keys (shareKey). */
export async function sharesOfLines(
  db: Kysely<Database>,
  lines: ReadonlyArray<{ measureId: number; territoryId: number | null; shareOfBase: boolean }>,
  asOf: AsOf,
): Promise<Record<string, { plan: MeasureShares["plan"]; fact: MeasureShares["fact"] }>> {
  // The lines say which measures are counted so: a page with none of them reads nothing.
  const figures = await shareFigures(db, {
    measureIds: [...new Set(lines.filter((line) => line.shareOfBase).map((line) => line.measureId))],
    asOf,
    territoryIds: null,
  });
  const result: Record<string, { plan: MeasureShares["plan"]; fact: MeasureShares["fact"] }> = {};
  for (const line of lines) {
    const key = shareKey(line.measureId, line.territoryId);
    const shares = figures.get(key);
    if (shares) result[key] = { plan: shares.plan, fact: shares.fact };
  }
  return result;
}
