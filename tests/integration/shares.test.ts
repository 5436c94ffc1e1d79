import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import { plansSchema, type MeasureInput } from "~/domain/admin/admin-schema";
import { saveMeasure, savePlans } from "~/domain/admin/measures.server";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { shareFigures, shareKey } from "~/domain/shares/shares.server";
import { createWorld, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

// A measure counted as a share of a base (documents of each district library's fund), set up as an
// admin does it, rolled up over three districts with different funds: Σ documents / Σ funds.

describe(`shares of a base (${engineName})`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let admin: Principal;
  let measureId: number;
  let districts: number[];
  const FUNDS = [100_000, 2_000, 20_000];
  const DONE = [35_000, 1_800, 4_000];
  const asOf = { date: "2024-12-31", includeCurrentQuarter: false, facts: "all" } as const;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    const third = await withActor(db, "system", async (trx) => {
      const adminUser = await trx
        .insertInto("app_user")
        .values({ login: "admin", display_name: "Әкімші", password_hash: "x" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("role_assignment").values({ user_id: adminUser.id, role: "admin" }).execute();
      const district = await trx
        .insertInto("territory")
        .values({ kind: "district", parent_id: world.cityId, name: JSON.stringify({ kk: "Қаратау ауданы" }) })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { adminId: adminUser.id, districtId: district.id };
    });
    admin = (await loadPrincipal(db, third.adminId))!;
    districts = [...world.districtIds, third.districtId];
    const input: MeasureInput = {
      intent: "save-measure",
      sectionId: world.sectionId,
      number: "2.5",
      titleKk: "Кітапхана қорын цифрландыру",
      unit: "document",
      responsibleDepartmentId: world.departmentId,
      coExecutorIds: [],
      territoryId: world.cityId,
      deadline: "2024-12-25",
      weight: 1,
      shareOfBase: true,
      baseLabelKk: "Кітапхана қоры, құжат",
    };
    measureId = await saveMeasure(db, admin, world.roadMapId, input, "2024-01-10");
    await savePlans(db, admin, measureId, {
      intent: "save-plans",
      rows: districts.map((territoryId, index) => ({
        territoryId,
        year: 2024,
        mode: "q4",
        total: DONE[index]! + 1_000,
        base: FUNDS[index],
      })),
    });
    await withActor(db, "system", (trx) =>
      trx
        .insertInto("progress_entry")
        .values(
          districts.map((territoryId, index) => ({
            measure_id: measureId,
            territory_id: territoryId,
            entry_date: "2024-11-15",
            value: DONE[index]!,
            author_id: world.editorId,
          })),
        )
        .execute(),
    );
  });
  afterAll(() => close());

  it("keeps the base of every plan row, as the admin entered it", async () => {
    const measure = await db
      .selectFrom("measure")
      .select(["share_of_base", "base_label"])
      .where("id", "=", measureId)
      .executeTakeFirstOrThrow();
    expect(measure).toEqual({ share_of_base: true, base_label: { kk: "Кітапхана қоры, құжат" } });
    const plans = await db
      .selectFrom("measure_plan")
      .select(["territory_id", "base"])
      .where("measure_id", "=", measureId)
      .orderBy("territory_id")
      .execute();
    expect(plans.map((p) => p.base)).toEqual(FUNDS);
  });

  it("rolls up over three territories with different bases as Σ counts / Σ bases", async () => {
    const shares = await shareFigures(db, { measureIds: [measureId, world.measureId], asOf, territoryIds: null });
    const whole = shares.get(shareKey(measureId, null))!;
    const counts = DONE.reduce((a, b) => a + b, 0);
    const bases = FUNDS.reduce((a, b) => a + b, 0);
    expect(whole.fact).toMatchObject({ count: counts, base: bases });
    expect(whole.fact.ratio).toBeCloseTo(counts / bases, 12);
    const meanOfPercentages = DONE.reduce((sum, done, i) => sum + done / FUNDS[i]!, 0) / DONE.length;
    expect(Math.abs(whole.fact.ratio! - meanOfPercentages)).toBeGreaterThan(0.1);
    districts.forEach((territoryId, index) => {
      expect(shares.get(shareKey(measureId, territoryId))!.fact.ratio).toBeCloseTo(DONE[index]! / FUNDS[index]!, 12);
    });
    // A measure that is not a share of a base has none.
    expect(shares.has(shareKey(world.measureId, null))).toBe(false);
  });

  it("rolls up a slice over the territories it holds only", async () => {
    const slice = new Set(districts.slice(1));
    const whole = (await shareFigures(db, { measureIds: [measureId], asOf, territoryIds: slice })).get(
      shareKey(measureId, null),
    )!;
    expect(whole.fact.ratio).toBeCloseTo((DONE[1]! + DONE[2]!) / (FUNDS[1]! + FUNDS[2]!), 12);
  });

  it("asks for a base on every plan row of a share-of-base measure, and for a positive one", () => {
    const limits = { startYear: 2023, endYear: 2027 };
    const form = (base: string) => ({
      intent: "save-plans",
      rows: [{ territoryId: String(districts[0]), year: "2024", mode: "q4", total: "10", base }],
    });
    const issues = (base: string) =>
      plansSchema(limits, { shareOfBase: true })
        .safeParse(form(base))
        .error?.issues.map((issue) => issue.message);
    expect(issues("")).toEqual(["figures.baseNeeded"]);
    expect(issues("0")).toEqual(["figures.baseInvalid"]);
    expect(issues("2000")).toBeUndefined();
    expect(plansSchema(limits).safeParse(form("")).success).toBe(true);
  });
});
