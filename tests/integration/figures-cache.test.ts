import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { AsOf } from "~/domain/execution/execution";
import { sectionExecution } from "~/domain/execution/execution.server";
import { cachedFigures, roadMapRevision } from "~/domain/execution/figures-cache.server";
import { closeQuarter } from "~/domain/periods/periods.server";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { roadMapDashboard } from "~/domain/execution/dashboard.server";
import { createWorld, localized, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

// Figures are reused only while nothing that they depend on has changed: every write of the kinds a
// dashboard reads moves the road map's revision, and the next request computes afresh.

describe(`cached figures on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  const asOf: AsOf = { date: "2024-12-31", includeCurrentQuarter: false, facts: "all" };
  const thresholds = { green: 100, amber: 80 };

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    await withActor(db, "system", (trx) =>
      trx
        .insertInto("measure_plan")
        .values({ measure_id: world.measureId, territory_id: world.cityId, year: 2024, quarter: 1, planned: 10 })
        .execute(),
    );
  });
  afterAll(() => close());

  const execution = () =>
    cachedFigures(db, world.roadMapId, { kind: "test", asOf }, () =>
      sectionExecution(db, { roadMapId: world.roadMapId, territoryIds: null, sectionIds: null }, asOf, thresholds),
    ).then((rows) => rows.find((row) => row.topSectionId === null)!.execution);

  it("shows a new entry at once, and reuses the figures while nothing changes", async () => {
    expect(await execution()).toBe(0);
    const revision = await roadMapRevision(db, world.roadMapId);
    expect(await execution()).toBe(0);
    expect(await roadMapRevision(db, world.roadMapId)).toBe(revision);

    await withActor(db, world.editorId, (trx) =>
      trx
        .insertInto("progress_entry")
        .values({
          measure_id: world.measureId,
          territory_id: world.cityId,
          entry_date: "2024-02-01",
          value: 6,
          author_id: world.editorId,
        })
        .execute(),
    );
    expect(await execution()).toBeCloseTo(0.6);
  });

  it("moves the revision with every kind of change the figures depend on", async () => {
    const moves = async (write: () => Promise<unknown>) => {
      const before = await roadMapRevision(db, world.roadMapId);
      await write();
      return (await roadMapRevision(db, world.roadMapId)) > before;
    };
    expect(
      await moves(() =>
        withActor(db, "system", (trx) =>
          trx.updateTable("measure_plan").set({ planned: 12 }).where("measure_id", "=", world.measureId).execute(),
        ),
      ),
    ).toBe(true);
    expect(
      await moves(() =>
        withActor(db, "system", (trx) =>
          trx.updateTable("measure").set({ weight: 2 }).where("id", "=", world.measureId).execute(),
        ),
      ),
    ).toBe(true);
    expect(
      await moves(() =>
        withActor(db, "system", (trx) =>
          trx
            .updateTable("section")
            .set({ title: localized("Жастар саясаты") })
            .where("id", "=", world.sectionId)
            .execute(),
        ),
      ),
    ).toBe(true);
    expect(
      await moves(() =>
        withActor(db, "system", (trx) =>
          trx
            .insertInto("department_report")
            .values({
              road_map_id: world.roadMapId,
              department_id: world.departmentId,
              year: 2024,
              quarter: 1,
              status: "accepted",
              submitted_at: new Date(),
              submitted_by: world.editorId,
              reviewed_at: new Date(),
              reviewed_by: world.editorId,
            })
            .execute(),
        ),
      ),
    ).toBe(true);
    expect(await moves(() => closeQuarter(db, world.editorId, world.roadMapId, { year: 2024, quarter: 1 }))).toBe(true);
    expect(
      await moves(() =>
        withActor(db, "system", (trx) =>
          trx.updateTable("programme").set({ rag_amber: 70 }).where("id", "=", world.programmeId).execute(),
        ),
      ),
    ).toBe(true);
    // The accepted report and the changed plan and weight are in the next figures.
    expect(await execution()).toBeCloseTo(0.5);
  });

  it("keeps a road map's rows per revision: a write shows at once, a transaction's own writes stay its own", async () => {
    const scope = { roadMapId: world.roadMapId, territoryIds: null, sectionIds: null };
    const fact = async (on: Kysely<Database> = db) =>
      (await sectionExecution(on, scope, asOf, thresholds)).find((row) => row.topSectionId === null)!.fact;
    const before = await fact();
    expect(await fact()).toBe(before);

    // Read inside a transaction that rolls back: it sees its entry, nobody after it does.
    let inside: number | null = null;
    await expect(
      withActor(db, world.editorId, async (trx) => {
        await trx
          .insertInto("progress_entry")
          .values({
            measure_id: world.measureId,
            territory_id: world.cityId,
            entry_date: "2024-11-01",
            value: 5,
            author_id: world.editorId,
          })
          .execute();
        inside = await fact(trx);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(inside).toBe(before + 5);
    expect(await fact()).toBe(before);

    await withActor(db, world.editorId, (trx) =>
      trx
        .insertInto("progress_entry")
        .values({
          measure_id: world.measureId,
          territory_id: world.cityId,
          entry_date: "2024-11-02",
          value: 3,
          author_id: world.editorId,
        })
        .execute(),
    );
    expect(await fact()).toBe(before + 3);
  });

  it("narrows a council member's kept dashboard as soon as the council's scope is narrowed", async () => {
    const { councilId, memberId, otherSectionId } = await withActor(db, "system", async (trx) => {
      const other = await trx
        .insertInto("section")
        .values({ road_map_id: world.roadMapId, number: "3", title: localized("Мәдениет") })
        .returning("id")
        .executeTakeFirstOrThrow();
      const council = await trx
        .insertInto("council")
        .values({ territory_id: world.cityId, title: localized("«Miras» аймақтық кеңесі") })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("council_scope").values({ council_id: council.id, road_map_id: world.roadMapId }).execute();
      const member = await trx
        .insertInto("app_user")
        .values({ login: "council.member", display_name: "Кеңес мүшесі", password_hash: "x" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("role_assignment")
        .values({ user_id: member.id, role: "council", council_id: council.id, council_position: "member" })
        .execute();
      return { councilId: council.id, memberId: member.id, otherSectionId: other.id };
    });
    const member = (await loadPrincipal(db, memberId))!;
    const { filters } = parseDashboardFilters(new URLSearchParams(), "2024-12-31");
    const sectionsSeen = async () =>
      (await roadMapDashboard(db, member, world.roadMapId, filters)).options.sections.map((s) => s.id).sort();
    expect(await sectionsSeen()).toEqual([world.sectionId, otherSectionId].sort());
    expect(await sectionsSeen()).toEqual([world.sectionId, otherSectionId].sort());

    await withActor(db, "system", (trx) =>
      trx
        .updateTable("council_scope")
        .set({ section_id: otherSectionId })
        .where("council_id", "=", councilId)
        .execute(),
    );
    expect(await sectionsSeen()).toEqual([otherSectionId]);
  });
});
