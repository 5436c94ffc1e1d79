import fc from "fast-check";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { newSubmissionKey } from "~/domain/editing/submission.server";
import { StaleEdit, RefusedWrite } from "~/domain/editing/write-errors";
import { copyTargets, saveIndicator, setTargets } from "~/domain/kpi/admin.server";
import { saveActual } from "~/domain/kpi/actuals.server";
import { computedActuals, loadIndicators } from "~/domain/kpi/kpi.server";
import { rankTerritoriesInSql } from "~/domain/kpi/ranking.server";
import {
  finalKey,
  previousPeriod,
  rankTerritories,
  type KpiActualRow,
  type KpiPeriod,
  type KpiTargetRow,
} from "~/domain/kpi/scoring";
import { createWorld, localized, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

// DESIGN.md: SQL may compute the figures for speed, but then SQL and the reference implementation agree.

let db: Kysely<Database>;
let close: () => Promise<void>;
let world: World;
/** Two parents (the city, and an oblast) with four territories each. */
let children: Array<{ id: number; parentId: number }>;
let indicatorIds: number[];

beforeAll(async () => {
  const connection = await createTestDatabase();
  db = connection.db;
  close = connection.close;
  world = await createWorld(db);
  await withActor(db, "system", async (trx) => {
    const second = await trx
      .insertInto("territory")
      .values({ kind: "oblast", parent_id: world.countryId, name: localized("Қарағанды облысы") })
      .returning("id")
      .executeTakeFirstOrThrow();
    const extra = await trx
      .insertInto("territory")
      .values([
        { kind: "district", parent_id: world.cityId, name: localized("Еңбекші") },
        { kind: "district", parent_id: world.cityId, name: localized("Қаратау") },
        ...[1, 2, 3, 4].map((n) => ({ kind: "city_obl" as const, parent_id: second.id, name: localized(`Қала ${n}`) })),
      ])
      .returning(["id", "parent_id"])
      .execute();
    children = [
      ...world.districtIds.map((id) => ({ id, parentId: world.cityId })),
      ...extra.map((row) => ({ id: row.id, parentId: row.parent_id! })),
    ];
    const indicators = await trx
      .insertInto("kpi_indicator")
      .values([
        { title: localized("A"), unit: "person", direction: "higher_is_better", category: "youth" },
        { title: localized("B"), unit: "percent", direction: "lower_is_better", category: "youth" },
        // A share of a base: achievement compares actual / base with target / base.
        { title: localized("C"), unit: "item", direction: "higher_is_better", category: "youth", share_of_base: true },
        {
          title: localized("D"),
          unit: "centre",
          direction: "higher_is_better",
          category: "youth",
          source: "measure_fact",
        },
      ])
      .returning("id")
      .execute();
    indicatorIds = indicators.map((row) => row.id);
    await trx
      .insertInto("kpi_indicator_measure")
      .values({ indicator_id: indicatorIds[3]!, measure_id: world.measureId })
      .execute();
  });
});

afterAll(async () => {
  await close();
});

const periodArb = fc.constantFrom<KpiPeriod>(
  { year: 2024, quarter: null },
  { year: 2025, quarter: null },
  { year: 2025, quarter: 1 },
  { year: 2024, quarter: 4 },
);
// Small pools, so that ties, zeros and the cap happen often.
const amountArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.constantFrom(7.5, 8.125, 0.001));
const cellArb = fc.record({
  target: fc.option(amountArb, { nil: null, freq: 3 }),
  weight: fc.constantFrom(0.3, 0.2, 1, 2, 0.125),
  actual: fc.option(amountArb, { nil: null, freq: 4 }),
  targetBase: fc.constantFrom(10, 19, 40, 100),
  actualBase: fc.option(fc.constantFrom(12, 19, 50), { nil: null, freq: 2 }),
});

describe(`KPI ranking in SQL equals the reference (${engineName})`, () => {
  it("on generated targets and actuals", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            periodArb,
            fc.array(fc.array(cellArb, { minLength: 4, maxLength: 4 }), { minLength: 8, maxLength: 8 }),
          ),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        periodArb,
        // Which territories' periods are final (closed or past the deadline): the asked one and the one before.
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        async (periods, asked, finalNow, finalBefore) => {
          const targets: KpiTargetRow[] = [];
          const actuals: KpiActualRow[] = [];
          const computed: KpiActualRow[] = [];
          const seen = new Set<string>();
          for (const [period, grid] of periods) {
            for (const [t, row] of grid.entries()) {
              for (const [i, cell] of row.entries()) {
                const key = `${period.year}-${period.quarter}-${t}-${i}`;
                if (seen.has(key) || cell.target === null) continue;
                seen.add(key);
                const base = { indicatorId: indicatorIds[i]!, territoryId: children[t]!.id, ...period };
                // The third indicator is a share of a base: its target and actual carry bases.
                const share = i === 2;
                targets.push({
                  ...base,
                  target: cell.target,
                  weight: cell.weight,
                  base: share ? cell.targetBase : null,
                });
                if (cell.actual === null) continue;
                // The fourth indicator is computed: its actual comes from outside the table.
                if (i === 3) computed.push({ ...base, actual: cell.actual });
                else actuals.push({ ...base, actual: cell.actual, base: share ? cell.actualBase : null });
              }
            }
          }
          await withActor(db, "system", async (trx) => {
            await trx.deleteFrom("kpi_actual").execute();
            await trx.deleteFrom("kpi_target").execute();
            if (targets.length)
              await trx
                .insertInto("kpi_target")
                .values(
                  targets.map((r) => ({
                    indicator_id: r.indicatorId,
                    territory_id: r.territoryId,
                    year: r.year,
                    quarter: r.quarter,
                    target: r.target,
                    weight: r.weight,
                    base: r.base ?? null,
                  })),
                )
                .execute();
            if (actuals.length)
              await trx
                .insertInto("kpi_actual")
                .values(
                  actuals.map((r) => ({
                    indicator_id: r.indicatorId,
                    territory_id: r.territoryId,
                    year: r.year,
                    quarter: r.quarter,
                    actual: r.actual,
                    base: r.base ?? null,
                    entered_by: world.editorId,
                  })),
                )
                .execute();
          });
          const indicators = await loadIndicators(db);
          const finalIds = {
            current: children.filter((_, index) => finalNow[index]).map((c) => c.id),
            previous: children.filter((_, index) => finalBefore[index]).map((c) => c.id),
          };
          const final = new Set([
            ...finalIds.current.map((id) => finalKey(id, asked)),
            ...finalIds.previous.map((id) => finalKey(id, previousPeriod(asked))),
          ]);
          const expected = rankTerritories(
            {
              indicators: indicators.map((i) => ({
                id: i.id,
                direction: i.direction,
                ragGreen: i.ragGreen,
                ragAmber: i.ragAmber,
                shareOfBase: i.shareOfBase,
              })),
              territories: children,
              targets,
              actuals: [...actuals, ...computed],
              final,
            },
            asked,
          );
          const actual = await rankTerritoriesInSql(db, {
            territoryIds: children.map((c) => c.id),
            period: asked,
            computed,
            final: finalIds,
          });
          const rounded = (rows: typeof expected) =>
            rows.map((row) => ({
              ...row,
              score: row.score === null ? null : Number(row.score.toFixed(9)),
              previousScore: row.previousScore === null ? null : Number(row.previousScore.toFixed(9)),
              scoreChange: row.scoreChange === null ? null : Number(row.scoreChange.toFixed(9)),
            }));
          expect(rounded(actual)).toEqual(rounded(expected));
        },
      ),
      { numRuns: engineName === "pglite" ? 40 : 80 },
    );
  });
});

describe(`KPI actuals (${engineName})`, () => {
  const akimOf = (territoryPath: number[]): Principal => ({
    id: world.editorId,
    login: "editor",
    displayName: "Editor",
    locale: "kk",
    assignments: [{ role: "akim", departmentId: null, councilId: null, councilPosition: null, territoryPath }],
  });
  const period2025 = { year: 2025 };

  it("are entered for the akim's own territory, audited, version-checked, and locked with the period", async () => {
    const [districtA, districtB] = world.districtIds;
    await withActor(db, "system", async (trx) => {
      await trx.deleteFrom("kpi_actual").execute();
      await trx.deleteFrom("kpi_target").execute();
      await trx
        .insertInto("kpi_target")
        .values(
          [districtA, districtB].map((territory_id) => ({
            indicator_id: indicatorIds[0]!,
            territory_id,
            year: 2025,
            quarter: null,
            target: 10,
          })),
        )
        .execute();
    });
    const pathA = [world.countryId, world.cityId, districtA];
    const akim = akimOf(pathA);
    const input = {
      intent: "actual" as const,
      submissionKey: newSubmissionKey(),
      indicatorId: indicatorIds[0]!,
      ...period2025,
      actual: 9,
      commentKk: "Түсініктеме",
    };
    const id = await saveActual(db, akim, districtA, input);
    const audit = await db
      .selectFrom("audit_log")
      .select(["actor_id", "action"])
      .where("table_name", "=", "kpi_actual")
      .where("row_id", "=", id)
      .execute();
    expect(audit).toEqual([{ actor_id: world.editorId, action: "insert" }]);

    await expect(
      saveActual(db, akim, districtB, { ...input, submissionKey: newSubmissionKey() }),
    ).rejects.toMatchObject({ status: 403 });
    await saveActual(db, akim, districtA, {
      ...input,
      submissionKey: newSubmissionKey(),
      actual: 11,
      actualId: id,
      version: 1,
    });
    await expect(
      saveActual(db, akim, districtA, {
        ...input,
        submissionKey: newSubmissionKey(),
        actual: 12,
        actualId: id,
        version: 1,
      }),
    ).rejects.toBeInstanceOf(StaleEdit);
    await expect(
      saveActual(db, akim, districtA, { ...input, submissionKey: newSubmissionKey(), indicatorId: indicatorIds[1]! }),
    ).rejects.toBeInstanceOf(RefusedWrite);

    await withActor(db, "system", (trx) =>
      trx
        .insertInto("reporting_period")
        .values({ territory_id: world.cityId, year: 2025, quarter: null, status: "closed" })
        .execute(),
    );
    await expect(
      saveActual(db, akim, districtA, {
        ...input,
        submissionKey: newSubmissionKey(),
        actual: 13,
        actualId: id,
        version: 2,
      }),
    ).rejects.toMatchObject({
      messageKey: "kpi.periodClosed",
    });
    // The database refuses it too, whatever the code path.
    await expect(
      withActor(db, "system", (trx) => trx.updateTable("kpi_actual").set({ actual: 1 }).where("id", "=", id).execute()),
    ).rejects.toMatchObject({ code: "OR001" });
    await withActor(db, "system", (trx) =>
      trx.deleteFrom("reporting_period").where("territory_id", "=", world.cityId).execute(),
    );
  });

  it("of a measure-fact indicator are the fact of its linked measures in the territory", async () => {
    const [districtA] = world.districtIds;
    await withActor(db, "system", async (trx) => {
      await trx
        .insertInto("measure_plan")
        .values({ measure_id: world.measureId, territory_id: districtA, year: 2025, quarter: 2, planned: 5 })
        .execute();
      await trx
        .insertInto("progress_entry")
        .values([
          {
            measure_id: world.measureId,
            territory_id: districtA,
            entry_date: "2025-05-10",
            value: 3,
            author_id: world.editorId,
          },
          {
            measure_id: world.measureId,
            territory_id: districtA,
            entry_date: "2024-05-10",
            value: 7,
            author_id: world.editorId,
          },
        ])
        .execute();
      await trx
        .insertInto("department_report")
        .values({
          road_map_id: world.roadMapId,
          department_id: world.departmentId,
          year: 2025,
          quarter: 2,
          status: "accepted",
          submitted_at: "2025-07-05T10:00:00Z",
          submitted_by: world.editorId,
          reviewed_at: "2025-07-08T10:00:00Z",
          reviewed_by: world.editorId,
        })
        .execute();
    });
    const indicators = await loadIndicators(db);
    const rows = await computedActuals(
      db,
      indicators,
      [{ indicatorId: indicatorIds[3]!, territoryId: districtA, year: 2025, quarter: null, target: 1, weight: 1 }],
      "2026-01-15",
    );
    expect(rows).toEqual([
      { indicatorId: indicatorIds[3]!, territoryId: districtA, year: 2025, quarter: null, actual: 3 },
    ]);
  });
});

describe(`KPI set-up by an admin (${engineName})`, () => {
  const admin = (): Principal => ({
    id: world.editorId,
    login: "admin",
    displayName: "Admin",
    locale: "kk",
    assignments: [{ role: "admin", departmentId: null, councilId: null, councilPosition: null, territoryPath: null }],
  });

  it("adds an indicator linked to measures, sets a target for every territory at once and copies the set on", async () => {
    const id = await saveIndicator(db, admin(), {
      intent: "indicator",
      titleKk: "Жаңа индикатор",
      unit: "event",
      direction: "higher_is_better",
      category: "culture",
      ragGreen: 100,
      ragAmber: 70,
      source: "measure_fact",
      roadMapId: world.roadMapId,
      measureNumbers: ["2.1"],
    });
    const links = await db
      .selectFrom("kpi_indicator_measure")
      .select("measure_id")
      .where("indicator_id", "=", id)
      .execute();
    expect(links).toEqual([{ measure_id: world.measureId }]);
    await expect(
      saveIndicator(db, admin(), {
        intent: "indicator",
        indicatorId: id,
        version: 1,
        titleKk: "Басқа",
        unit: "event",
        direction: "higher_is_better",
        category: "culture",
        ragGreen: 100,
        ragAmber: 70,
        source: "measure_fact",
        roadMapId: world.roadMapId,
        measureNumbers: ["9.9"],
      }),
    ).rejects.toMatchObject({ messageKey: "kpi.admin.unknownMeasures" });

    const count = await setTargets(db, admin(), world.cityId, {
      intent: "target",
      indicatorId: id,
      territoryId: "all",
      year: 2030,
      target: 4,
      weight: 0.5,
    });
    expect(count).toBe(4);
    const copied = await copyTargets(db, admin(), world.cityId, { intent: "copy", fromYear: 2030, toYear: 2031 });
    expect(copied).toBe(4);
    expect(await copyTargets(db, admin(), world.cityId, { intent: "copy", fromYear: 2030, toYear: 2031 })).toBe(0);
    const audit = await db
      .selectFrom("audit_log")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .where("table_name", "=", "kpi_target")
      .where("actor_id", "=", world.editorId)
      .executeTakeFirstOrThrow();
    expect(Number(audit.n)).toBeGreaterThanOrEqual(8);

    const akim: Principal = { ...admin(), assignments: [{ ...admin().assignments[0]!, role: "akim" }] };
    await expect(
      copyTargets(db, akim, world.cityId, { intent: "copy", fromYear: 2030, toYear: 2032 }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });
});
