import fc from "fast-check";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { AsOf } from "~/domain/execution/execution";
import {
  departmentExecution,
  itemExecution,
  quarterSeriesExecution,
  roadMapFigures,
  sectionExecution,
  territoryExecution,
  type ExecutionScope,
} from "~/domain/execution/execution.server";
import { createWorld, localized, type World } from "../fixtures/world";
import {
  comparable,
  referenceDepartmentExecution,
  referenceItemExecution,
  referenceQuarterSeries,
  referenceSectionExecution,
  referenceTerritoryExecution,
} from "./execution-reference";
import { createTestDatabase, engineName } from "./test-database";

// DESIGN.md: SQL may compute the figures for speed, but then SQL and the reference implementation agree.

// Dates from a small pool (quarter ends, their next days, a mid-month day), so that deadlines, entries
// and as-of dates often fall on the same day or on a quarter's boundary, where mistakes hide.
const dateArb = fc
  .record({
    year: fc.integer({ min: 2023, max: 2026 }),
    month: fc.constantFrom(1, 3, 4, 6, 9, 10, 12),
    day: fc.constantFrom("01", "end"),
  })
  .map(({ year, month, day }) => {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${year}-${String(month).padStart(2, "0")}-${day === "end" ? last : day}`;
  });
const amountArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 40 }),
  fc.integer({ min: 1, max: 100_000 }).map((thousandths) => thousandths / 1000),
);
// Shares: 0 = the city itself, 1 and 2 = its districts, 3 = a rural district inside district 1.
const shareArb = fc.integer({ min: 0, max: 3 });
const measureArb = fc.record({
  inSubsection: fc.boolean(),
  // 0 = the world's department, 1 = a second one.
  department: fc.integer({ min: 0, max: 1 }),
  weight: fc.constantFrom(0.5, 1, 1, 2, 3),
  deadline: dateArb,
  removedOn: fc.option(dateArb, { nil: null }),
  // Deadlines moved and weights changed later, each taking effect on its day; removals from control and
  // returns to it, alternating in the order made (replacing `removedOn` when there are any). The days
  // are not always in the order the changes were made.
  deadlineMoves: fc.array(fc.record({ on: dateArb, to: dateArb }), { maxLength: 2 }),
  weightMoves: fc.array(fc.record({ on: dateArb, to: fc.constantFrom(0.5, 1, 2, 3) }), { maxLength: 1 }),
  controlLog: fc.array(dateArb, { maxLength: 2 }),
  plans: fc.array(
    fc.record({
      year: fc.integer({ min: 2023, max: 2026 }),
      quarter: fc.integer({ min: 1, max: 4 }),
      planned: amountArb,
      share: shareArb,
    }),
    { maxLength: 6 },
  ),
  entries: fc.array(
    fc.record({
      date: dateArb,
      value: amountArb,
      people: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
      share: shareArb,
    }),
    { maxLength: 6 },
  ),
});
const scenarioArb = fc.record({
  measures: fc.array(measureArb, { minLength: 1, maxLength: 8 }),
  asOf: dateArb,
  includeCurrentQuarter: fc.boolean(),
  slice: fc.constantFrom("none", "city", "district", "sections", "department", "statuses"),
  // A quarter range's first quarter, or the whole programme.
  from: fc.option(fc.constantFrom("2023-04-01", "2024-01-01", "2024-07-01", "2025-01-01"), { nil: undefined }),
  facts: fc.constantFrom("accepted" as const, "submitted" as const, "all" as const),
  // The department's quarterly reports, 2023-Q1 … 2026-Q4.
  reports: fc.array(fc.constantFrom(null, "submitted" as const, "accepted" as const, "returned" as const), {
    minLength: 16,
    maxLength: 16,
  }),
  amber: fc.constantFrom(50, 80, 95),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

const unchanged = { deadlineMoves: [], weightMoves: [], controlLog: [] };

// Always tried besides the random ones: a deadline on the as-of day, execution exactly at the amber
// threshold, an entry on the last day of a quarter, a removal on the as-of day.
const boundaries: Scenario = {
  asOf: "2024-06-30",
  includeCurrentQuarter: false,
  slice: "none",
  from: undefined,
  facts: "submitted",
  reports: ["accepted", "submitted", "accepted", "returned", ...Array<null>(12).fill(null)],
  amber: 80,
  measures: [
    {
      inSubsection: false,
      department: 0,
      weight: 1,
      deadline: "2024-06-30",
      removedOn: null,
      plans: [{ year: 2024, quarter: 2, planned: 10, share: 0 }],
      entries: [{ date: "2024-06-30", value: 9, people: 3, share: 0 }],
      ...unchanged,
    },
    {
      inSubsection: true,
      department: 1,
      weight: 2,
      deadline: "2025-12-31",
      removedOn: null,
      plans: [{ year: 2024, quarter: 1, planned: 10, share: 1 }],
      entries: [{ date: "2024-03-31", value: 8, people: null, share: 1 }],
      ...unchanged,
    },
    {
      inSubsection: false,
      department: 0,
      weight: 1,
      deadline: "2025-12-31",
      removedOn: "2024-06-30",
      plans: [{ year: 2024, quarter: 2, planned: 5, share: 2 }],
      entries: [],
      ...unchanged,
    },
  ],
};

// A city slice of shared measures, as of a day before and after their deadline moved, their weight
// changed and they left control: one split between the districts only (the city holds no share, but
// has an entry), one whose city holds a share too, one not split at all.
const history = (asOf: string): Scenario => ({
  asOf,
  includeCurrentQuarter: true,
  slice: "city",
  from: undefined,
  facts: "all",
  reports: Array<null>(16).fill(null),
  amber: 80,
  measures: [
    {
      inSubsection: false,
      department: 0,
      weight: 2,
      deadline: "2024-03-31",
      removedOn: null,
      deadlineMoves: [{ on: "2024-10-01", to: "2025-12-31" }],
      weightMoves: [{ on: "2024-10-01", to: 1 }],
      controlLog: [],
      plans: [
        { year: 2024, quarter: 1, planned: 4, share: 1 },
        { year: 2024, quarter: 1, planned: 6, share: 2 },
      ],
      entries: [
        { date: "2024-03-31", value: 4, people: null, share: 1 },
        { date: "2024-03-31", value: 5, people: null, share: 0 },
      ],
    },
    {
      inSubsection: true,
      department: 1,
      weight: 1,
      deadline: "2024-12-31",
      removedOn: null,
      ...unchanged,
      controlLog: ["2024-10-01"],
      plans: [
        { year: 2024, quarter: 2, planned: 3, share: 0 },
        { year: 2024, quarter: 2, planned: 3, share: 3 },
      ],
      entries: [{ date: "2024-06-30", value: 1, people: 2, share: 3 }],
    },
    {
      inSubsection: false,
      department: 0,
      weight: 1,
      deadline: "2024-06-30",
      removedOn: null,
      ...unchanged,
      deadlineMoves: [{ on: "2024-09-30", to: "2024-12-31" }],
      plans: [{ year: 2024, quarter: 2, planned: 2, share: 0 }],
      entries: [],
    },
  ],
});

describe(`execution in SQL equals the reference calculator on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let departmentIds: [number, number];
  let ruralId: number;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    const second = await withActor(db, "system", (trx) =>
      trx
        .insertInto("department")
        .values({ territory_id: world.cityId, name: localized("Мәдениет басқармасы") })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    departmentIds = [world.departmentId, second.id];
    const rural = await withActor(db, "system", (trx) =>
      trx
        .insertInto("territory")
        .values({ kind: "rural", parent_id: world.districtIds[0], name: localized("Ауылдық округ") })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    ruralId = rural.id;
  });
  afterAll(() => close());

  /** A new road map holding the scenario's measures, plans and entries. */
  async function insertScenario(scenario: Scenario) {
    const shares = [world.cityId, ...world.districtIds, ruralId];
    return withActor(db, "system", async (trx) => {
      const programme = await trx
        .insertInto("programme")
        .values({ title: localized("P"), start_year: 2023, end_year: 2027 })
        .returning("id")
        .executeTakeFirstOrThrow();
      const roadMap = await trx
        .insertInto("road_map")
        .values({ programme_id: programme.id, territory_id: world.cityId, title: localized("R") })
        .returning("id")
        .executeTakeFirstOrThrow();
      const [first, second] = await trx
        .insertInto("section")
        .values([
          { road_map_id: roadMap.id, number: "1", title: localized("Бірінші"), position: 1 },
          { road_map_id: roadMap.id, number: "2", title: localized("Екінші"), position: 2 },
        ])
        .returning("id")
        .execute();
      const sub = await trx
        .insertInto("section")
        .values({
          road_map_id: roadMap.id,
          parent_id: second!.id,
          number: "2.1",
          title: localized("Ішкі"),
          position: 3,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      // Each change's previous value, oldest first; the measure holds the values after the last one.
      const moves = scenario.measures.map((m) => {
        const deadlines: Array<{ changed_on: string; previous_deadline: string; new_deadline: string }> = [];
        for (const move of m.deadlineMoves) {
          const previous = deadlines.at(-1)?.new_deadline ?? m.deadline;
          if (move.to !== previous)
            deadlines.push({ changed_on: move.on, previous_deadline: previous, new_deadline: move.to });
        }
        const weights: Array<{ changed_on: string; previous_weight: number; new_weight: number }> = [];
        for (const move of m.weightMoves) {
          const previous = weights.at(-1)?.new_weight ?? m.weight;
          if (move.to !== previous)
            weights.push({ changed_on: move.on, previous_weight: previous, new_weight: move.to });
        }
        const control = m.controlLog.map((on, index) => ({
          changed_on: on,
          control_state: index % 2 === 0 ? ("removed" as const) : ("on_control" as const),
        }));
        const removedOn = control.length ? (control.length % 2 ? control.at(-1)!.changed_on : null) : m.removedOn;
        return {
          deadlines,
          weights,
          control,
          deadline: deadlines.at(-1)?.new_deadline ?? m.deadline,
          weight: weights.at(-1)?.new_weight ?? m.weight,
          removedOn,
        };
      });
      const measures = await trx
        .insertInto("measure")
        .values(
          scenario.measures.map((m, index) => ({
            road_map_id: roadMap.id,
            section_id: m.inSubsection ? sub.id : index % 2 ? second!.id : first!.id,
            number: `${index + 1}`,
            title: localized(`Іс-шара ${index + 1}`),
            unit: "event" as const,
            responsible_department_id: departmentIds[m.department as 0 | 1],
            territory_id: world.cityId,
            deadline: moves[index]!.deadline,
            weight: moves[index]!.weight,
            control_state: moves[index]!.removedOn ? ("removed" as const) : ("on_control" as const),
            removed_on: moves[index]!.removedOn,
            removed_reason: moves[index]!.removedOn ? localized("Себебі") : null,
          })),
        )
        .returning("id")
        .execute();
      const changes = <Row>(pick: (move: (typeof moves)[number]) => Row[]) =>
        moves.flatMap((move, index) => pick(move).map((row) => ({ ...row, measure_id: measures[index]!.id })));
      const deadlineChanges = changes((move) => move.deadlines).map((row) => ({ ...row, reason: localized("Ауысты") }));
      if (deadlineChanges.length) await trx.insertInto("measure_deadline_change").values(deadlineChanges).execute();
      const weightChanges = changes((move) => move.weights);
      if (weightChanges.length) await trx.insertInto("measure_weight_change").values(weightChanges).execute();
      const controlChanges = changes((move) => move.control).map((row) => ({ ...row, reason: localized("Себебі") }));
      if (controlChanges.length) await trx.insertInto("measure_control_change").values(controlChanges).execute();
      const plans = new Map<
        string,
        { measure_id: number; territory_id: number; year: number; quarter: number; planned: number }
      >();
      scenario.measures.forEach((m, index) => {
        for (const p of m.plans) {
          const row = {
            measure_id: measures[index]!.id,
            territory_id: shares[p.share]!,
            year: p.year,
            quarter: p.quarter,
            planned: 0,
          };
          const key = `${row.measure_id}:${row.territory_id}:${row.year}:${row.quarter}`;
          (plans.get(key) ?? plans.set(key, row).get(key)!).planned += p.planned;
        }
      });
      if (plans.size)
        await trx
          .insertInto("measure_plan")
          .values([...plans.values()])
          .execute();
      const entries = scenario.measures.flatMap((m, index) =>
        m.entries.map((e) => ({
          measure_id: measures[index]!.id,
          territory_id: shares[e.share]!,
          entry_date: e.date,
          value: e.value,
          people_reached: e.people,
          author_id: world.editorId,
        })),
      );
      if (entries.length) await trx.insertInto("progress_entry").values(entries).execute();
      // The same report states for both departments, the second one a quarter later.
      const reports = departmentIds.flatMap((departmentId, shift) =>
        scenario.reports.flatMap((status, slot) => {
          const index = slot + shift;
          return status === null || index > 15
            ? []
            : [
                {
                  road_map_id: roadMap.id,
                  department_id: departmentId,
                  year: 2023 + Math.floor(index / 4),
                  quarter: (index % 4) + 1,
                  status,
                  submitted_at: new Date(),
                  submitted_by: world.editorId,
                  reviewed_at: status === "submitted" ? null : new Date(),
                  reviewed_by: status === "submitted" ? null : world.editorId,
                },
              ];
        }),
      );
      if (reports.length) await trx.insertInto("department_report").values(reports).execute();
      return { roadMapId: roadMap.id, sectionIds: [first!.id, sub.id] };
    });
  }

  it("on generated road maps: by section, department, territory and item, with every kind of filter", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const { roadMapId, sectionIds } = await insertScenario(scenario);
        const scope: ExecutionScope = {
          roadMapId,
          territoryIds:
            scenario.slice === "city"
              ? [world.cityId, ...world.districtIds]
              : scenario.slice === "district"
                ? [world.districtIds[0]]
                : null,
          sectionIds: scenario.slice === "sections" ? sectionIds : null,
          departmentIds: scenario.slice === "department" ? [departmentIds[1]] : null,
          statuses: scenario.slice === "statuses" ? ["behind", "overdue"] : null,
        };
        const asOf: AsOf = {
          date: scenario.asOf,
          includeCurrentQuarter: scenario.includeCurrentQuarter,
          facts: scenario.facts,
          from: scenario.from && scenario.from <= scenario.asOf ? scenario.from : undefined,
        };
        const thresholds = { green: 100, amber: scenario.amber };
        const quarters = Array.from({ length: 16 }, (_, i) => ({
          year: 2023 + Math.floor(i / 4),
          quarter: (i % 4) + 1,
        }));
        const sections = await sectionExecution(db, scope, asOf, thresholds);
        const departments = await departmentExecution(db, scope, asOf, thresholds);
        const territories = await territoryExecution(db, scope, asOf, thresholds, world.cityId);
        const items = await itemExecution(db, scope, asOf, thresholds);
        const series = await quarterSeriesExecution(db, scope, asOf, thresholds, quarters);
        expect(comparable(sections)).toEqual(comparable(await referenceSectionExecution(db, scope, asOf, thresholds)));
        expect(comparable(departments)).toEqual(
          comparable(await referenceDepartmentExecution(db, scope, asOf, thresholds)),
        );
        expect(comparable(territories)).toEqual(
          comparable(await referenceTerritoryExecution(db, scope, asOf, thresholds, world.cityId)),
        );
        expect(comparable(items)).toEqual(comparable(await referenceItemExecution(db, scope, asOf, thresholds)));
        expect(comparable(series)).toEqual(
          comparable(await referenceQuarterSeries(db, scope, asOf, thresholds, quarters)),
        );
        // The dashboard's single pass gives every one of them at once, the list in the same order.
        const all = await roadMapFigures(db, scope, asOf, thresholds, { territoriesBelow: world.cityId, quarters });
        expect(comparable(all.sections)).toEqual(comparable(sections));
        expect(comparable(all.departments)).toEqual(comparable(departments));
        expect(comparable(all.territories)).toEqual(comparable(territories));
        expect(all.items).toEqual(items);
        expect(all.series).toEqual(series);
      }),
      { numRuns: 60, examples: [[boundaries], [history("2024-06-30")], [history("2024-12-31")]] },
    );
  });
});
