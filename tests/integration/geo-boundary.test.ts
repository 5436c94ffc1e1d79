import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { dashboardView } from "~/domain/execution/dashboard-view.server";
import { roadMapDashboard } from "~/domain/execution/dashboard.server";
import { boundariesOf, mapOfChildren } from "~/domain/geo/boundaries.server";
import { uploadBoundary } from "~/domain/geo/boundary-action.server";
import { MAX_BOUNDARY_BYTES } from "~/domain/geo/boundary-upload";
import { dashboardMap } from "~/domain/geo/maps.server";
import { translator } from "~/i18n/i18n";
import { createAdmin, createWorld, localized, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

const square = [
  [127.4, 50.2],
  [127.7, 50.2],
  [127.7, 50.4],
  [127.4, 50.4],
  [127.4, 50.2],
];

describe(`uploaded boundaries on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let admin: Principal;

  const form = (
    territoryId: number,
    replaces: number,
    content: string | Uint8Array<ArrayBuffer>,
    name = "shape.geojson",
  ) => {
    const data = new FormData();
    data.set("intent", "upload-boundary");
    data.set("territoryId", String(territoryId));
    data.set("replaces", String(replaces));
    data.set("file", new File([content], name, { type: "application/geo+json" }));
    return data;
  };
  const written = async () => ({
    boundaries: (await db.selectFrom("territory_boundary").selectAll().execute()).length,
    audit: (await db.selectFrom("audit_log").select("id").execute()).length,
  });
  const reply = async (result: Response) => ({ status: result.status, body: await result.json() });

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    admin = await createAdmin(db);
    // One district has a KATO code of the bundled files: its shape is drawn without an upload.
    await withActor(db, "system", (trx) =>
      trx.updateTable("territory").set({ kato_code: "791110000" }).where("id", "=", world.districtIds[0]).execute(),
    );
  });
  afterAll(() => close());

  it("refuses a malformed or oversized file with a translated reason, and writes nothing", async () => {
    const before = await written();
    const district = world.districtIds[1];
    const cases: Array<[string | Uint8Array<ArrayBuffer>, string]> = [
      ["{ not json", "notJson"],
      [JSON.stringify({ type: "Point", coordinates: [127.5, 50.3] }), "geometryType"],
      [JSON.stringify({ type: "Polygon", coordinates: [square.slice(0, 4)] }), "ringOpen"],
      [JSON.stringify({ type: "Polygon", coordinates: [[[500, 0], ...square]] }), "coordinates"],
      [new Uint8Array(MAX_BOUNDARY_BYTES + 10), "tooLarge"],
    ];
    for (const [content, error] of cases) {
      const result = (await uploadBoundary(db, admin, form(district, 0, content))) as Response;
      expect(await reply(result)).toEqual({ status: 400, body: { boundaryError: { error } } });
      expect(translator("ru")(`boundary.error.${error as "notJson"}`)).not.toMatch(/^boundary\./);
    }
    expect(await written()).toEqual(before);
  });

  it("stores an upload as the territory's next version, audited, and draws it in place of nothing", async () => {
    const district = world.districtIds[1];
    expect((await boundariesOf(db, [district])).size).toBe(0);
    const result = (await uploadBoundary(
      db,
      admin,
      form(district, 0, JSON.stringify({ type: "Polygon", coordinates: [square] })),
    )) as Response;
    expect(result.status).toBe(302);
    const stored = await db.selectFrom("territory_boundary").selectAll().where("territory_id", "=", district).execute();
    expect(stored.map((row) => [row.version, row.geometry.type, row.uploaded_by])).toEqual([[1, "Polygon", admin.id]]);
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "parent_table", "parent_id", "actor_id"])
      .where("table_name", "=", "territory_boundary")
      .execute();
    expect(audit).toEqual([{ action: "insert", parent_table: "territory", parent_id: district, actor_id: admin.id }]);
    expect((await boundariesOf(db, [district])).get(district)?.source).toBe("uploaded");

    // A second upload from the page opened before the first is refused: version 1 is no longer the newest.
    const stale = (await uploadBoundary(
      db,
      admin,
      form(district, 0, JSON.stringify({ type: "Polygon", coordinates: [square] })),
    )) as Response;
    expect(await reply(stale)).toEqual({ status: 400, body: { boundaryError: { error: "stale" } } });

    const map = await mapOfChildren(db, world.cityId, "kk");
    expect(map!.shapes.map((shape) => shape.id).sort()).toEqual([...world.districtIds].sort());
  });

  it("lets an uploaded boundary win over the bundled one", async () => {
    const district = world.districtIds[0];
    expect((await boundariesOf(db, [district])).get(district)?.source).toBe("bundled");
    await uploadBoundary(db, admin, form(district, 0, JSON.stringify({ type: "Polygon", coordinates: [square] })));
    const boundary = (await boundariesOf(db, [district])).get(district)!;
    expect(boundary.source).toBe("uploaded");
  });
});

describe(`the dashboard's kept map on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let admin: Principal;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    admin = await createAdmin(db);
  });
  afterAll(() => close());

  // The map is drawn once per revision of the road map: what changes it must move that revision.
  const shownMap = async () => {
    const today = "2024-12-31";
    const { filters } = parseDashboardFilters(new URLSearchParams(), today);
    const dashboard = await roadMapDashboard(db, admin, world.roadMapId, filters);
    const view = dashboardView(dashboard, filters, "kk", today);
    const map = await dashboardMap(db, view, "kk", { roadMapId: world.roadMapId, revision: dashboard.revision });
    return {
      drawn: (map?.shapes ?? []).map((shape) => shape.id).sort(),
      listed: (map?.unmapped ?? []).map((territory) => territory.id).sort(),
    };
  };

  it("shows a new code, a new district and an upload on the next view", async () => {
    expect(await shownMap()).toEqual({ drawn: [], listed: [] });

    await withActor(db, "system", (trx) =>
      trx.updateTable("territory").set({ kato_code: "791110000" }).where("id", "=", world.districtIds[0]).execute(),
    );
    expect(await shownMap()).toEqual({ drawn: [world.districtIds[0]], listed: [world.districtIds[1]] });

    const added = await withActor(db, "system", (trx) =>
      trx
        .insertInto("territory")
        .values({ kind: "district", parent_id: world.cityId, name: localized("Жаңа аудан") })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    expect(await shownMap()).toEqual({
      drawn: [world.districtIds[0]],
      listed: [world.districtIds[1], added.id].sort(),
    });

    const data = new FormData();
    data.set("intent", "upload-boundary");
    data.set("territoryId", String(added.id));
    data.set("replaces", "0");
    data.set("file", new File([JSON.stringify({ type: "Polygon", coordinates: [square] })], "new.geojson"));
    await uploadBoundary(db, admin, data);
    expect(await shownMap()).toEqual({
      drawn: [world.districtIds[0], added.id].sort(),
      listed: [world.districtIds[1]],
    });
  });
});
