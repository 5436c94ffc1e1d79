import { sql, type Kysely, type Transaction } from "kysely";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { claimVersion } from "~/domain/editing/versioned.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { localizedValue, type ProgrammeInput, type ProgrammeStatusInput, type RoadMapInput } from "./admin-schema";
import { canTransition } from "./programme-status";

type Trx = Transaction<Database>;

export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/** Sets the reason the audit log records for the rest of the transaction. */
export async function setAuditReason(trx: Trx, reason: string): Promise<void> {
  await sql`SELECT set_config('oryndau.reason', ${reason}, true)`.execute(trx);
}

export async function listProgrammes(db: Kysely<Database>) {
  return db
    .selectFrom("programme as p")
    .select([
      "p.id",
      "p.title",
      "p.owner",
      "p.start_year",
      "p.end_year",
      "p.status",
      (eb) =>
        eb
          .selectFrom("road_map as rm")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("rm.programme_id", "=", "p.id")
          .as("road_map_count"),
    ])
    .orderBy("p.start_year", "desc")
    .orderBy("p.id")
    .execute();
}

export async function programmeDetail(db: Kysely<Database>, programmeId: number) {
  const programme = await db.selectFrom("programme").selectAll().where("id", "=", programmeId).executeTakeFirst();
  if (!programme) throw notFound();
  const [statusChanges, roadMaps] = await Promise.all([
    db
      .selectFrom("programme_status_change as c")
      .leftJoin("app_user as u", "u.id", "c.changed_by")
      .select(["c.id", "c.from_status", "c.to_status", "c.changed_on", "c.note", "c.created_at", "u.display_name"])
      .where("c.programme_id", "=", programmeId)
      .orderBy("c.changed_on", "desc")
      .orderBy("c.id", "desc")
      .execute(),
    db
      .selectFrom("road_map as rm")
      .innerJoin("territory as t", "t.id", "rm.territory_id")
      .select([
        "rm.id",
        "rm.title",
        "rm.approved_on",
        "t.name as territory_name",
        (eb) =>
          eb
            .selectFrom("measure as m")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("m.road_map_id", "=", "rm.id")
            .as("measure_count"),
      ])
      .where("rm.programme_id", "=", programmeId)
      .orderBy("rm.id")
      .execute(),
  ]);
  return { programme, statusChanges, roadMaps };
}

function programmeValues(input: ProgrammeInput) {
  return {
    title: localizedValue(input.titleKk, input.titleRu, input.titleEn)!,
    owner: localizedValue(input.ownerKk, input.ownerRu, input.ownerEn),
    description: localizedValue(input.descriptionKk, input.descriptionRu, input.descriptionEn),
    start_year: input.startYear,
    end_year: input.endYear,
    rag_green: input.ragGreen,
    rag_amber: input.ragAmber,
  };
}

/** Creates a programme (a draft, its first step recorded) or changes one from the version the user started from. */
export async function saveProgramme(
  db: Kysely<Database>,
  principal: Principal,
  input: ProgrammeInput,
  today: string,
): Promise<number> {
  requireAdmin(principal);
  return withActor(db, principal.id, async (trx) => {
    if (input.programmeId) {
      await claimVersion(trx, "programme", input.programmeId, input.version ?? 0);
      await trx.updateTable("programme").set(programmeValues(input)).where("id", "=", input.programmeId).execute();
      return input.programmeId;
    }
    const { id } = await trx
      .insertInto("programme")
      .values({ ...programmeValues(input), status: "draft" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("programme_status_change")
      .values({ programme_id: id, from_status: null, to_status: "draft", changed_on: today, changed_by: principal.id })
      .execute();
    return id;
  });
}

/** Moves a programme one allowed step along its workflow, dated and attributed. */
export async function changeProgrammeStatus(
  db: Kysely<Database>,
  principal: Principal,
  programmeId: number,
  input: ProgrammeStatusInput,
): Promise<void> {
  requireAdmin(principal);
  await withActor(db, principal.id, async (trx) => {
    await claimVersion(trx, "programme", programmeId, input.version);
    const { status } = await trx
      .selectFrom("programme")
      .select("status")
      .where("id", "=", programmeId)
      .executeTakeFirstOrThrow();
    if (!canTransition(status, input.toStatus)) {
      throw new RefusedWrite("admin.validation.transition", {}, "toStatus");
    }
    const note = localizedValue(input.noteKk, input.noteRu);
    if (note) await setAuditReason(trx, input.noteKk || input.noteRu || "");
    await trx.updateTable("programme").set({ status: input.toStatus }).where("id", "=", programmeId).execute();
    await trx
      .insertInto("programme_status_change")
      .values({
        programme_id: programmeId,
        from_status: status,
        to_status: input.toStatus,
        changed_on: input.changedOn,
        changed_by: principal.id,
        note,
      })
      .execute();
  });
}

/** Creates a road map of a programme for a territory, or changes one. */
export async function saveRoadMap(
  db: Kysely<Database>,
  principal: Principal,
  programmeId: number,
  input: RoadMapInput,
): Promise<number> {
  requireAdmin(principal);
  return withActor(db, principal.id, async (trx) => {
    const values = {
      territory_id: input.territoryId,
      title: localizedValue(input.titleKk, input.titleRu, input.titleEn)!,
      approved_on: input.approvedOn ?? null,
    };
    const taken = await trx
      .selectFrom("road_map")
      .select("id")
      .where("programme_id", "=", programmeId)
      .where("territory_id", "=", input.territoryId)
      .$if(input.roadMapId !== undefined, (qb) => qb.where("id", "<>", input.roadMapId!))
      .executeTakeFirst();
    if (taken) throw new RefusedWrite("admin.validation.roadMapTaken", {}, "territoryId");
    if (input.roadMapId) {
      const current = await trx
        .selectFrom("road_map")
        .select("programme_id")
        .where("id", "=", input.roadMapId)
        .executeTakeFirst();
      if (current && current.programme_id !== programmeId) throw notFound();
      await claimVersion(trx, "road_map", input.roadMapId, input.version ?? 0);
      await trx.updateTable("road_map").set(values).where("id", "=", input.roadMapId).execute();
      return input.roadMapId;
    }
    const { id } = await trx
      .insertInto("road_map")
      .values({ ...values, programme_id: programmeId })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  });
}
