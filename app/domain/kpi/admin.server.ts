import { sql, type Kysely } from "kysely";
import { withActor } from "~db/actor";
import type { Database, LocalizedText } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { claimVersion } from "~/domain/editing/versioned.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import type { CopyInput, IndicatorInput, TargetInput } from "./admin-schema";
import { childTerritories } from "./kpi.server";

// The admin's KPI set-up: indicators, targets per territory and period, copying a target set to the
// next period. Every write runs on behalf of the admin, so the database audits it.

function localized(input: IndicatorInput): string {
  const text: LocalizedText = {};
  if (input.titleKk) text.kk = input.titleKk;
  if (input.titleRu) text.ru = input.titleRu;
  if (input.titleEn) text.en = input.titleEn;
  return JSON.stringify(text);
}

/** Adds an indicator, or changes one from the version the admin started from. */
export async function saveIndicator(
  db: Kysely<Database>,
  principal: Principal,
  input: IndicatorInput,
): Promise<number> {
  requireAdmin(principal);
  return withActor(db, principal.id, async (trx) => {
    let measureIds: number[] = [];
    if (input.source === "measure_fact") {
      const measures = await trx
        .selectFrom("measure")
        .select(["id", "number"])
        .where("road_map_id", "=", input.roadMapId!)
        .where("number", "in", input.measureNumbers)
        .execute();
      const unknown = input.measureNumbers.filter((number) => !measures.some((m) => m.number === number));
      if (unknown.length)
        throw new RefusedWrite("kpi.admin.unknownMeasures", { numbers: unknown.join(", ") }, "measureNumbers");
      measureIds = measures.map((m) => m.id);
    }
    const values = {
      title: localized(input),
      unit: input.unit,
      direction: input.direction,
      category: input.category,
      rag_green: input.ragGreen,
      rag_amber: input.ragAmber,
      source: input.source,
      road_map_id: input.source === "road_map_execution" ? input.roadMapId! : null,
    };
    let id: number;
    if (input.indicatorId && input.version) {
      await claimVersion(trx, "kpi_indicator", input.indicatorId, input.version);
      await trx.updateTable("kpi_indicator").set(values).where("id", "=", input.indicatorId).execute();
      id = input.indicatorId;
    } else {
      id = (await trx.insertInto("kpi_indicator").values(values).returning("id").executeTakeFirstOrThrow()).id;
    }
    const current = await trx
      .selectFrom("kpi_indicator_measure")
      .select("measure_id")
      .where("indicator_id", "=", id)
      .execute();
    const stale = current.map((row) => row.measure_id).filter((measureId) => !measureIds.includes(measureId));
    const added = measureIds.filter((measureId) => !current.some((row) => row.measure_id === measureId));
    if (stale.length)
      await trx
        .deleteFrom("kpi_indicator_measure")
        .where("indicator_id", "=", id)
        .where("measure_id", "in", stale)
        .execute();
    if (added.length)
      await trx
        .insertInto("kpi_indicator_measure")
        .values(added.map((measureId) => ({ indicator_id: id, measure_id: measureId })))
        .execute();
    return id;
  });
}

/** Sets a target and weight for one territory of the parent, or for every one of them at once. */
export async function setTargets(
  db: Kysely<Database>,
  principal: Principal,
  parentId: number,
  input: TargetInput,
): Promise<number> {
  requireAdmin(principal);
  const children = (await childTerritories(db, parentId)).map((t) => t.id);
  const territoryIds = input.territoryId === "all" ? children : [input.territoryId];
  if (!territoryIds.every((id) => children.includes(id))) throw new RefusedWrite("kpi.admin.outsideParent");
  return withActor(db, principal.id, async (trx) => {
    for (const territoryId of territoryIds) {
      await sql`
        INSERT INTO kpi_target (indicator_id, territory_id, year, quarter, target, weight)
        VALUES (${input.indicatorId}, ${territoryId}, ${input.year}, ${input.quarter ?? null}, ${input.target}, ${input.weight})
        ON CONFLICT (indicator_id, territory_id, year, quarter)
        DO UPDATE SET target = EXCLUDED.target, weight = EXCLUDED.weight`.execute(trx);
    }
    return territoryIds.length;
  });
}

/**
 * Copies the targets of the parent's territories from one period to another; targets already set in
 * the destination stay as they are. Returns how many were copied.
 */
export async function copyTargets(
  db: Kysely<Database>,
  principal: Principal,
  parentId: number,
  input: CopyInput,
): Promise<number> {
  requireAdmin(principal);
  return withActor(db, principal.id, async (trx) => {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO kpi_target (indicator_id, territory_id, year, quarter, target, weight)
      SELECT k.indicator_id, k.territory_id, ${input.toYear}, ${input.toQuarter ?? null}::smallint, k.target, k.weight
        FROM kpi_target k JOIN territory t ON t.id = k.territory_id
       WHERE t.parent_id = ${parentId} AND k.year = ${input.fromYear}
         AND k.quarter IS NOT DISTINCT FROM ${input.fromQuarter ?? null}::smallint
      ON CONFLICT (indicator_id, territory_id, year, quarter) DO NOTHING
      RETURNING id`.execute(trx);
    return rows.length;
  });
}
