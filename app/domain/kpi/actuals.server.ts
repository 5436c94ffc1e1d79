import type { Kysely } from "kysely";
import { withActor } from "~db/actor";
import type { Database, LocalizedText } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { forbidden } from "~/domain/auth/permissions.server";
import { claimSubmission } from "~/domain/editing/submission.server";
import { claimVersion } from "~/domain/editing/versioned.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { mayEnterActuals } from "./access";
import type { ActualInput } from "./actual-schema";
import { findTerritory, isPeriodClosed } from "./kpi.server";
import { periodKey } from "./scoring";

// Writing KPI actuals, the way progress entries are written: in one transaction on behalf of the
// user (audited by the database), from the version the user started from, never into a closed period.

function comment(kk: string | undefined, ru: string | undefined): string | null {
  const text: LocalizedText = {};
  if (kk) text.kk = kk;
  if (ru) text.ru = ru;
  return Object.keys(text).length ? JSON.stringify(text) : null;
}

/**
 * Adds a territory's actual for an indicator and period, or changes it from the version the user saw;
 * once per form render. A change that does not say which version it started from is refused.
 */
export async function saveActual(
  db: Kysely<Database>,
  principal: Principal,
  territoryId: number,
  input: ActualInput,
): Promise<number> {
  if (input.actualId !== undefined && input.version === undefined) throw new RefusedWrite("entryRules.versionRequired");
  return withActor(db, principal.id, async (trx) => {
    await claimSubmission(trx, principal.id, input.submissionKey);
    const territory = await findTerritory(trx, territoryId);
    if (!territory) throw new Response("Not found", { status: 404 });
    if (!mayEnterActuals(principal, territory.path)) throw forbidden();
    const period = { year: input.year, quarter: input.quarter ?? null };
    const indicator = await trx
      .selectFrom("kpi_indicator")
      .select(["id", "source"])
      .where("id", "=", input.indicatorId)
      .executeTakeFirst();
    if (!indicator) throw new Response("Not found", { status: 404 });
    if (indicator.source !== "entered") throw new RefusedWrite("kpi.computedIndicator");
    const target = await trx
      .selectFrom("kpi_target")
      .select("id")
      .where("indicator_id", "=", indicator.id)
      .where("territory_id", "=", territory.id)
      .where("year", "=", period.year)
      .where("quarter", period.quarter === null ? "is" : "=", period.quarter)
      .executeTakeFirst();
    if (!target) throw new RefusedWrite("kpi.noTarget");
    if (await isPeriodClosed(trx, territory.path, period)) {
      throw new RefusedWrite("kpi.periodClosed", { period: periodKey(period) });
    }
    const values = {
      actual: input.actual,
      comment: comment(input.commentKk, input.commentRu),
      source_url: input.sourceUrl || null,
      entered_by: principal.id,
    };
    if (input.actualId && input.version) {
      const current = await trx
        .selectFrom("kpi_actual")
        .select(["indicator_id", "territory_id", "year", "quarter"])
        .where("id", "=", input.actualId)
        .executeTakeFirst();
      if (
        current &&
        (current.indicator_id !== indicator.id ||
          current.territory_id !== territory.id ||
          current.year !== period.year ||
          current.quarter !== period.quarter)
      ) {
        throw forbidden();
      }
      await claimVersion(trx, "kpi_actual", input.actualId, input.version);
      await trx.updateTable("kpi_actual").set(values).where("id", "=", input.actualId).execute();
      return input.actualId;
    }
    const row = await trx
      .insertInto("kpi_actual")
      .values({
        indicator_id: indicator.id,
        territory_id: territory.id,
        year: period.year,
        quarter: period.quarter,
        ...values,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
}
