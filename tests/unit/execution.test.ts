import { describe, expect, it } from "vitest";
import {
  groupFigures,
  itemFigures,
  planInWindow,
  ragOf,
  termsInForce,
  type AsOf,
  type EntryRow,
  type MeasureFacts,
  type PlanRow,
} from "~/domain/execution/execution";

// Hand-worked cases of DESIGN.md's formulas; the expected numbers are computed in the comments.

const measure = (id: number, overrides: Partial<MeasureFacts> = {}): MeasureFacts => ({
  id,
  territoryId: 100,
  weight: 1,
  deadline: "2027-12-31",
  removedOn: null,
  ...overrides,
});
const plan = (measureId: number, year: number, quarter: number, planned: number, territoryId = 100): PlanRow => ({
  measureId,
  territoryId,
  year,
  quarter,
  planned,
});
const entry = (
  measureId: number,
  entryDate: string,
  value: number,
  peopleReached: number | null = null,
  territoryId = 100,
  reportStatus: EntryRow["reportStatus"] = "accepted",
): EntryRow => ({
  measureId,
  territoryId,
  entryDate,
  value,
  peopleReached,
  reportStatus,
});
const asOf = (date: string, includeCurrentQuarter = false, facts: AsOf["facts"] = "accepted"): AsOf => ({
  date,
  includeCurrentQuarter,
  facts,
});

function figures(
  measures: MeasureFacts[],
  plans: PlanRow[],
  entries: EntryRow[],
  at: AsOf,
  territoryIds?: Set<number>,
) {
  const items = itemFigures({ measures, plans, entries, asOf: at, territoryIds });
  return { items, group: groupFigures(items) };
}

describe("the as-of window", () => {
  it("holds the quarters that ended on or before the date", () => {
    expect(planInWindow(2024, 3, asOf("2024-09-30"))).toBe(true);
    expect(planInWindow(2024, 4, asOf("2024-10-31"))).toBe(false);
    expect(planInWindow(2024, 4, asOf("2024-10-31", true))).toBe(true);
    expect(planInWindow(2025, 1, asOf("2024-10-31", true))).toBe(false);
  });
});

describe("measure execution", () => {
  it("is 20 of 20 for the 2023 domestic-violence events of the Shymkent road map", () => {
    const plans = [1, 2, 3, 4].map((q) => plan(1, 2023, q, 5));
    const entries = [
      entry(1, "2023-03-15", 5, 1200),
      entry(1, "2023-06-10", 5, 1300),
      entry(1, "2023-09-20", 5, 1240),
      entry(1, "2023-12-05", 5, 1400),
    ];
    const { items, group } = figures([measure(1, { deadline: "2023-12-31" })], plans, entries, asOf("2023-12-31"));
    expect(items[0]).toMatchObject({ plan: 20, fact: 20, execution: 1, status: "done", peopleReached: 5140 });
    expect(group.execution).toBe(1);
  });

  it("counts only the plan of ended quarters unless the current one is included", () => {
    // Q1 10 + Q2 10 planned; 8 done by 15 May. Window = Q1 only → 8/10; with Q2 → 8/20.
    const plans = [plan(1, 2024, 1, 10), plan(1, 2024, 2, 10)];
    const entries = [entry(1, "2024-02-01", 3), entry(1, "2024-05-10", 5), entry(1, "2024-05-20", 7)];
    expect(figures([measure(1)], plans, entries, asOf("2024-05-15")).group.execution).toBeCloseTo(0.8);
    expect(figures([measure(1)], plans, entries, asOf("2024-05-15", true)).group.execution).toBeCloseTo(0.4);
  });

  it("ignores entries dated after the as-of date", () => {
    const { items } = figures(
      [measure(1)],
      [plan(1, 2024, 1, 4)],
      [entry(1, "2024-03-31", 2), entry(1, "2024-04-01", 2)],
      asOf("2024-03-31"),
    );
    expect(items[0]).toMatchObject({ fact: 2, execution: 0.5 });
  });

  it("does not count a measure with no plan in the window", () => {
    const { items, group } = figures([measure(1)], [plan(1, 2025, 4, 3)], [], asOf("2024-10-31"));
    expect(items[0]!.execution).toBeNull();
    expect(group.execution).toBeNull();
    expect(group.counted).toBe(0);
  });
});

describe("group execution", () => {
  it("caps over-delivery so that it never hides a miss", () => {
    // A: 15 of 10 → 100 %, B: 5 of 10 → 50 %; mean 75 %, not 20/20 = 100 %.
    const { group } = figures(
      [measure(1), measure(2)],
      [plan(1, 2024, 1, 10), plan(2, 2024, 1, 10)],
      [entry(1, "2024-03-01", 15), entry(2, "2024-03-01", 5)],
      asOf("2024-03-31"),
    );
    expect(group.execution).toBeCloseTo(0.75);
  });

  it("is a weighted mean", () => {
    // A weight 3 at 100 %, B weight 1 at 50 % → (3 + 0.5) / 4 = 87.5 %.
    const { group } = figures(
      [measure(1, { weight: 3 }), measure(2)],
      [plan(1, 2024, 1, 10), plan(2, 2024, 1, 10)],
      [entry(1, "2024-03-01", 10), entry(2, "2024-03-01", 5)],
      asOf("2024-03-31"),
    );
    expect(group.execution).toBeCloseTo(0.875);
  });

  it("leaves a measure removed from control out of the percentage but counts its status", () => {
    const { group } = figures(
      [measure(1), measure(2, { removedOn: "2024-02-01" })],
      [plan(1, 2024, 1, 10), plan(2, 2024, 1, 10)],
      [entry(1, "2024-03-01", 10)],
      asOf("2024-03-31"),
    );
    expect(group.execution).toBe(1);
    expect(group.statusCounts).toMatchObject({ done: 1, removed: 1 });
    // Before its removal it still counted: (1 + 0) / 2.
    expect(
      figures(
        [measure(1), measure(2, { removedOn: "2024-05-01" })],
        [plan(1, 2024, 1, 10), plan(2, 2024, 1, 10)],
        [entry(1, "2024-03-01", 10)],
        asOf("2024-03-31"),
      ).group.execution,
    ).toBeCloseTo(0.5);
  });

  it("reports the year's plan beside the as-of window: of the 2024 plan of 25, 19 done by 31 October", () => {
    const plans = [plan(1, 2024, 1, 5), plan(1, 2024, 2, 5), plan(1, 2024, 3, 5), plan(1, 2024, 4, 10)];
    const entries = [
      entry(1, "2023-12-01", 4),
      entry(1, "2024-03-01", 5),
      entry(1, "2024-06-01", 5),
      entry(1, "2024-09-01", 5),
      entry(1, "2024-10-20", 4),
    ];
    const { group } = figures([measure(1)], plans, entries, asOf("2024-10-31"));
    expect(group).toMatchObject({ yearPlan: 25, yearFact: 19, plan: 15 });
    expect(group.yearExecution).toBeCloseTo(0.76);
    // The window counts the 2023 entry too: (4 + 19) of 15 → capped at 100 %.
    expect(group.execution).toBe(1);
  });
});

describe("which facts count", () => {
  // 10 planned in Q1; 4 in an accepted report, 3 submitted, 2 sent back, 1 never submitted.
  const plans = [plan(1, 2024, 1, 10)];
  const entries = [
    entry(1, "2024-01-10", 4, null, 100, "accepted"),
    entry(1, "2024-02-10", 3, null, 100, "submitted"),
    entry(1, "2024-03-10", 2, null, 100, "returned"),
    entry(1, "2024-03-20", 1, null, 100, null),
  ];
  it("are those of accepted reports, unless submitted ones or all are asked for", () => {
    expect(figures([measure(1)], plans, entries, asOf("2024-03-31")).items[0]!.fact).toBe(4);
    expect(figures([measure(1)], plans, entries, asOf("2024-03-31", false, "submitted")).items[0]!.fact).toBe(7);
    expect(figures([measure(1)], plans, entries, asOf("2024-03-31", false, "all")).items[0]!.fact).toBe(10);
  });
});

describe("statuses", () => {
  const plans = [plan(1, 2024, 1, 10), plan(1, 2024, 2, 10)];
  it("is overdue once the deadline has passed and the measure is not done", () => {
    const m = measure(1, { deadline: "2024-06-30" });
    expect(figures([m], plans, [entry(1, "2024-03-01", 19)], asOf("2024-07-01")).items[0]!.status).toBe("overdue");
    expect(figures([m], plans, [entry(1, "2024-03-01", 19)], asOf("2024-06-30")).items[0]!.status).toBe("on_track");
    expect(figures([m], plans, [entry(1, "2024-03-01", 20)], asOf("2024-07-01")).items[0]!.status).toBe("done");
  });

  it("is behind below the amber threshold and on track at it", () => {
    expect(figures([measure(1)], plans, [entry(1, "2024-03-01", 7.9)], asOf("2024-04-15")).items[0]!.status).toBe(
      "behind",
    );
    expect(figures([measure(1)], plans, [entry(1, "2024-03-01", 8)], asOf("2024-04-15")).items[0]!.status).toBe(
      "on_track",
    );
  });

  it("rates execution by the programme's thresholds", () => {
    expect(ragOf(1)).toBe("green");
    expect(ragOf(0.8)).toBe("amber");
    expect(ragOf(0.799)).toBe("red");
    expect(ragOf(0.9, { green: 90, amber: 70 })).toBe("green");
    expect(ragOf(null)).toBeNull();
  });
});

describe("territory slices", () => {
  // One measure shared by two districts (ids 1 and 2), one each planned; district 1 did 2, district 2 none.
  const m = measure(1, { territoryId: 100 });
  const plans = [plan(1, 2025, 1, 1, 1), plan(1, 2025, 1, 1, 2)];
  const entries = [entry(1, "2025-02-01", 2, null, 1)];

  it("counts a shared measure once for the whole road map", () => {
    // min(2 / 2, 1) = 100 %: over-delivery in one district covers the other.
    expect(figures([m], plans, entries, asOf("2025-03-31")).group.execution).toBe(1);
  });

  it("counts one item per territory in a slice, each with its own share", () => {
    // District 1: 100 %, district 2: 0 % → 50 %.
    const { items, group } = figures([m], plans, entries, asOf("2025-03-31"), new Set([1, 2]));
    expect(items.map((item) => [item.territoryId, item.execution])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect(group.execution).toBeCloseTo(0.5);
    expect(figures([m], plans, entries, asOf("2025-03-31"), new Set([2])).group.execution).toBe(0);
  });
});

describe("territory slices of split plans", () => {
  // A city (100) measure, planned 1 for each of districts 1 and 2 in 2025-Q1, due at its end.
  const slice = new Set([100, 1, 2]);
  const shared = measure(1, { territoryId: 100, deadline: "2025-03-31" });
  const plans = [plan(1, 2025, 1, 1, 1), plan(1, 2025, 1, 1, 2)];

  it("counts its own territory only when it holds a share", () => {
    // The city holds no share: two items, not three; the city's own entry counts nowhere in the slice.
    const { items } = figures([shared], plans, [entry(1, "2025-02-01", 1, null, 100)], asOf("2025-03-31"), slice);
    expect(items.map((item) => item.territoryId)).toEqual([1, 2]);
    const withCity = figures([shared], [...plans, plan(1, 2025, 1, 1, 100)], [], asOf("2025-03-31"), slice);
    expect(withCity.items.map((item) => item.territoryId).sort((a, b) => a! - b!)).toEqual([1, 2, 100]);
  });

  it("counts an overdue split measure once per share", () => {
    // After the deadline, districts 1 and 2 are each overdue: 2, and nothing at the city.
    const { group } = figures([shared], plans, [], asOf("2025-04-01"), slice);
    expect(group.statusCounts.overdue).toBe(2);
    expect(figures([shared], plans, [], asOf("2025-04-01"), new Set([100])).items).toEqual([]);
  });

  it("counts a measure whose plan is not split at its own territory, planned or not", () => {
    const own = measure(2, { territoryId: 100 });
    expect(figures([own], [], [], asOf("2025-04-01"), slice).items.map((item) => item.territoryId)).toEqual([100]);
    expect(
      figures([own], [plan(2, 2025, 1, 3, 100)], [], asOf("2025-04-01"), slice).items.map((item) => item.territoryId),
    ).toEqual([100]);
  });
});

describe("terms in force «as of» a date", () => {
  // Deadline 30 June 2024, moved to 31 December on 1 October; weight 3, lowered to 1 on 1 October;
  // removed from control on 1 September, back on control on 1 November.
  const moved = measure(1, {
    deadline: "2024-12-31",
    weight: 1,
    removedOn: null,
    history: {
      deadlines: [{ changedOn: "2024-10-01", previousDeadline: "2024-06-30" }],
      weights: [{ changedOn: "2024-10-01", previousWeight: 3 }],
      control: [
        { changedOn: "2024-09-01", controlState: "removed" },
        { changedOn: "2024-11-01", controlState: "on_control" },
      ],
    },
  });

  it("uses the deadline in force then: overdue as of August, not after the deadline moved", () => {
    expect(termsInForce(moved, "2024-08-15")).toEqual({ deadline: "2024-06-30", weight: 3, removed: false });
    const plans = [plan(1, 2024, 1, 10)];
    const entries = [entry(1, "2024-03-01", 10 * 0.9)];
    expect(figures([moved], plans, entries, asOf("2024-08-15")).items[0]!.status).toBe("overdue");
    expect(figures([moved], plans, entries, asOf("2024-11-15")).items[0]!.status).toBe("on_track");
  });

  it("is removed from control only between the removal and the return", () => {
    expect(termsInForce(moved, "2024-08-31").removed).toBe(false);
    expect(termsInForce(moved, "2024-09-01").removed).toBe(true);
    expect(termsInForce(moved, "2024-10-31").removed).toBe(true);
    expect(termsInForce(moved, "2024-11-01").removed).toBe(false);
  });

  it("weighs a measure by the weight it had then", () => {
    // Before 1 October: (3 × 0 + 1 × 1) / 4 = 25 %; after: (1 × 0 + 1 × 1) / 2 = 50 %.
    const other = measure(2);
    const plans = [plan(1, 2024, 2, 10), plan(2, 2024, 2, 10)];
    const entries = [entry(2, "2024-05-01", 10)];
    expect(figures([moved, other], plans, entries, asOf("2024-08-31")).group.execution).toBeCloseTo(0.25);
    expect(figures([moved, other], plans, entries, asOf("2024-11-15")).group.execution).toBeCloseTo(0.5);
  });

  it("without a control log, is removed from its removal day on", () => {
    const removed = measure(3, { removedOn: "2024-09-01" });
    expect(termsInForce(removed, "2024-08-31").removed).toBe(false);
    expect(termsInForce(removed, "2024-09-01").removed).toBe(true);
  });
});
