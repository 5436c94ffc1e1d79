import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import { seedDemoData } from "~db/seed";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { measureHistory } from "~/domain/audit/history.server";
import { removeAgendaItem, removeAttendee } from "~/domain/meetings/meetings.server";
import { measureDetail } from "~/domain/progress/measure.server";
import { submitReport } from "~/domain/progress/reports.server";
import { subtreeTerritoryIds } from "~/domain/roadmap/roadmap.server";
import { createTestDatabase, engineName } from "./test-database";

// The scope gaps an outside test found, on the demo data: each write or read outside the user's
// scope is refused and changes nothing.

const TODAY = "2026-11-22";

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("it was allowed");
}
const status = (error: unknown) => (error instanceof Response ? error.status : error);

describe(`scope on every path, on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  const principals = new Map<string, Principal>();
  const as = (login: string) => principals.get(login)!;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    await seedDemoData(db, { today: TODAY });
    for (const user of await db.selectFrom("app_user").select(["id", "login"]).execute()) {
      principals.set(user.login, (await loadPrincipal(db, user.id))!);
    }
  });
  afterAll(() => close());

  const territoryOf = async (login: string) => {
    const path = as(login).assignments[0]!.territoryPath!;
    return path[path.length - 1]!;
  };

  it("refuses an editor a department report on a road map their department has no measure on", async () => {
    const editor = as("zhumakulova");
    const departmentId = editor.assignments[0]!.departmentId!;
    const foreign = await db
      .selectFrom("road_map as rm")
      .select("rm.id")
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("measure as m")
              .select("m.id")
              .whereRef("m.road_map_id", "=", "rm.id")
              .where("m.responsible_department_id", "=", departmentId),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    const key = { roadMapId: foreign.id, departmentId, quarter: { year: 2025, quarter: 2 as const } };
    expect(status(await thrown(submitReport(db, editor, key, TODAY)))).toBe(404);
    const reports = await db
      .selectFrom("department_report")
      .select("id")
      .where("road_map_id", "=", foreign.id)
      .where("department_id", "=", departmentId)
      .execute();
    expect(reports).toEqual([]);
  });

  it("opens to an akim exactly the measures with their territory, a share or an entry in it", async () => {
    const akim = as("akim.abay");
    const abay = await territoryOf("akim.abay");
    const below = new Set(await subtreeTerritoryIds(db, [abay]));
    const path = akim.assignments[0]!.territoryPath!;
    const roadMap = await db
      .selectFrom("road_map")
      .select("id")
      .where("territory_id", "=", path[path.length - 2]!)
      .executeTakeFirstOrThrow();
    const measures = await db
      .selectFrom("measure")
      .select(["id", "territory_id"])
      .where("road_map_id", "=", roadMap.id)
      .execute();
    const [plans, entries] = await Promise.all([
      db.selectFrom("measure_plan").select(["measure_id", "territory_id"]).execute(),
      db.selectFrom("progress_entry").select(["measure_id", "territory_id"]).execute(),
    ]);
    const opened: number[] = [];
    const refused: number[] = [];
    for (const measure of measures) {
      const error = await measureDetail(db, akim, measure.id, TODAY).then(
        () => null,
        (caught: unknown) => caught,
      );
      if (error === null) opened.push(measure.id);
      else if (status(error) === 404) refused.push(measure.id);
      else throw error;
    }
    const theirs = measures
      .filter(
        (m) =>
          below.has(m.territory_id) ||
          plans.some((p) => p.measure_id === m.id && below.has(p.territory_id)) ||
          entries.some((e) => e.measure_id === m.id && below.has(e.territory_id)),
      )
      .map((m) => m.id);
    expect(opened.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(opened.sort((a, b) => a - b)).toEqual(theirs.sort((a, b) => a - b));
  });

  it("never shows an akim the state an entry had before it moved into their territory", async () => {
    const abay = await territoryOf("akim.abay");
    const below = new Set(await subtreeTerritoryIds(db, [abay]));
    const share = await db
      .selectFrom("measure_plan as inside")
      .innerJoin("measure_plan as outside", "outside.measure_id", "inside.measure_id")
      .select(["inside.measure_id", "outside.territory_id as outside_id"])
      .where("inside.territory_id", "=", abay)
      .where("outside.territory_id", "not in", [...below])
      .executeTakeFirstOrThrow();
    const adminId = as("admin").id;
    const entry = await withActor(db, adminId, async (trx) => {
      const created = await trx
        .insertInto("progress_entry")
        .values({
          measure_id: share.measure_id,
          territory_id: share.outside_id,
          entry_date: TODAY,
          value: 1234567,
          narrative: JSON.stringify({ kk: "Басқа аудан", ru: "Другой район" }),
          author_id: adminId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return created;
    });
    await withActor(db, adminId, (trx) =>
      trx
        .updateTable("progress_entry")
        .set({
          territory_id: abay,
          value: 7654321,
          narrative: JSON.stringify({ kk: "Абай ауданы", ru: "Абайский район" }),
          version: sql`version + 1`,
        })
        .where("id", "=", entry.id)
        .execute(),
    );

    const { events } = await measureHistory(db, share.measure_id, { territoryIds: below });
    const shown = events.filter((event) => event.table === "progress_entry");
    const moved = shown.find((event) => event.changes.some((c) => c.field === "value" && c.after === 7654321));
    expect(moved, "the move, as the entry arriving").toMatchObject({ action: "insert" });
    const values = shown.flatMap((event) => event.changes.flatMap((c) => [c.before, c.after]));
    expect(values).not.toContain(1234567);
    const territories = shown.flatMap((event) =>
      event.changes.filter((c) => c.field === "territory_id").flatMap((c) => [c.before, c.after]),
    );
    expect(territories).not.toContain(share.outside_id);
    expect(JSON.stringify(shown)).not.toContain("Басқа аудан");

    // Everyone else sees the move as it happened.
    const full = await measureHistory(db, share.measure_id, {});
    const update = full.events.find((event) => event.changes.some((c) => c.field === "value" && c.after === 7654321));
    expect(update?.changes).toContainEqual({ field: "value", before: 1234567, after: 7654321 });
  });

  it("removes an attendee or agenda item only through its own meeting", async () => {
    const secretary = as("miras.secretary");
    const meetings = await db.selectFrom("meeting").select(["id", "status"]).orderBy("id").execute();
    const open = meetings.find((m) => m.status !== "minutes_approved")!;
    const other = meetings.find((m) => m.id !== open.id)!;
    const attendee = await db
      .selectFrom("meeting_attendee")
      .select("id")
      .where("meeting_id", "=", other.id)
      .executeTakeFirstOrThrow();
    const item = await db
      .selectFrom("agenda_item")
      .select("id")
      .where("meeting_id", "=", other.id)
      .executeTakeFirstOrThrow();
    for (const principal of [secretary, as("admin")]) {
      expect(status(await thrown(removeAttendee(db, principal, open.id, attendee.id)))).toBe(404);
      expect(status(await thrown(removeAgendaItem(db, principal, open.id, item.id)))).toBe(404);
    }
    const still = await Promise.all([
      db.selectFrom("meeting_attendee").select("id").where("id", "=", attendee.id).execute(),
      db.selectFrom("agenda_item").select("id").where("id", "=", item.id).execute(),
    ]);
    expect(still.map((rows) => rows.length)).toEqual([1, 1]);
  });

  it("pages a measure's history newest first and says when older events remain", async () => {
    const measure = await db.selectFrom("measure").select("id").orderBy("id").executeTakeFirstOrThrow();
    const all = await measureHistory(db, measure.id, { limit: 1000 });
    expect(all.more).toBe(false);
    expect(all.events.length).toBeGreaterThan(3);
    const first = await measureHistory(db, measure.id, { limit: 2 });
    const second = await measureHistory(db, measure.id, { limit: 2, offset: 2 });
    expect(first.more).toBe(true);
    expect([...first.events, ...second.events].map((e) => e.id)).toEqual(all.events.slice(0, 4).map((e) => e.id));
  });
});
