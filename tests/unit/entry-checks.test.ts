import { describe, expect, it } from "vitest";
import { entryQuestions, entryStanding, mustAnswer, plausibilityConcern } from "~/domain/progress/entry-checks";

const measure = { id: 1, territoryId: 10, weight: 1, deadline: "2024-12-25", removedOn: null };
const thresholds = { green: 100, amber: 80 };
const plan = (territoryId: number, quarter: number, planned: number) => ({
  measureId: 1,
  territoryId,
  year: 2024,
  quarter,
  planned,
});
const entry = (territoryId: number, entryDate: string, value: number) => ({
  measureId: 1,
  territoryId,
  entryDate,
  value,
  peopleReached: null,
  reportStatus: null,
});

describe("plausibility of a fact", () => {
  it("asks from three times the quarter's plan on, and for any fact where nothing is planned", () => {
    expect(plausibilityConcern({ value: 24, quarterPlan: 8, quarterFact: 24 })).toBe("farPastPlan");
    expect(plausibilityConcern({ value: 1_500, quarterPlan: 8, quarterFact: 1_502 })).toBe("farPastPlan");
    expect(plausibilityConcern({ value: 23, quarterPlan: 8, quarterFact: 23 })).toBeNull();
    expect(plausibilityConcern({ value: 1, quarterPlan: 0, quarterFact: 1 })).toBe("noPlan");
    expect(plausibilityConcern({ value: 0, quarterPlan: 0, quarterFact: 0 })).toBeNull();
  });
});

describe("where an entry leaves its measure", () => {
  it("counts the entry's own quarter, so a quarter short of its plan is behind while it runs", () => {
    const standing = entryStanding({
      measure,
      plans: [plan(10, 3, 4), plan(10, 4, 8)],
      entries: [entry(10, "2024-09-01", 4), entry(10, "2024-11-20", 2)],
      territoryId: 10,
      entryDate: "2024-11-20",
      thresholds,
    });
    expect(standing).toMatchObject({ status: "behind", plan: 12, fact: 6, quarterPlan: 8, quarterFact: 2 });
    const questions = entryQuestions(
      standing,
      { value: 2, hasReason: false, entryDate: "2024-11-20" },
      { deadline: measure.deadline, amber: 80 },
      "rows[1].",
    );
    expect(questions).toEqual([expect.objectContaining({ kind: "reason", field: "rows[1].", status: "behind" })]);
    expect(mustAnswer(questions)).toBe(true);
  });

  it("judges a share of a split plan on its own territory's plan and facts", () => {
    const input = {
      measure,
      plans: [plan(11, 4, 2), plan(12, 4, 2)],
      entries: [entry(11, "2024-11-01", 1), entry(12, "2024-11-01", 7)],
      entryDate: "2024-11-20",
      thresholds,
    };
    expect(entryStanding({ ...input, territoryId: 11 })).toMatchObject({ status: "behind", plan: 2, fact: 1 });
    expect(entryStanding({ ...input, territoryId: 12 })).toMatchObject({
      status: "done",
      quarterPlan: 2,
      quarterFact: 7,
    });
  });

  it("is overdue once the deadline passed undone; a confirmed figure is asked only to stay on the form", () => {
    const standing = entryStanding({
      measure: { ...measure, deadline: "2024-10-15" },
      plans: [plan(10, 4, 2)],
      entries: [entry(10, "2024-11-20", 6)],
      territoryId: 10,
      entryDate: "2024-11-20",
      thresholds,
    });
    expect(standing.status).toBe("done");
    const questions = entryQuestions(
      standing,
      { value: 6, confirmedValue: 6, hasReason: false, entryDate: "2024-11-20" },
      { deadline: "2024-10-15", amber: 80 },
      "",
    );
    expect(questions).toMatchObject([{ kind: "confirm", answered: true }]);
    expect(mustAnswer(questions)).toBe(false);
    const late = entryStanding({
      measure: { ...measure, deadline: "2024-10-15" },
      plans: [plan(10, 4, 2)],
      entries: [entry(10, "2024-11-20", 1)],
      territoryId: 10,
      entryDate: "2024-11-20",
      thresholds,
    });
    expect(late.status).toBe("overdue");
  });
});
