import { describe, expect, it } from "vitest";
import { controlSchema, measureSchema, plansSchema, programmeSchema } from "~/domain/admin/admin-schema";
import { quarterlyPlan } from "~/domain/admin/plan-split";
import { allowedTransitions, canTransition, PROGRAMME_STATUSES } from "~/domain/admin/programme-status";
import { dictionaries } from "~/i18n/i18n";

const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (result.error?.issues ?? []).map((issue): [string, string] => [issue.path.join("."), issue.message]);

describe("a year's plan over its quarters", () => {
  it("splits evenly to three decimals, the rest in Q4, so the quarters add up to the year", () => {
    expect([
      ...quarterlyPlan({ mode: "even", total: 10, quarters: [undefined, undefined, undefined, undefined] }),
    ]).toEqual([
      [1, 2.5],
      [2, 2.5],
      [3, 2.5],
      [4, 2.5],
    ]);
    const split = quarterlyPlan({ mode: "even", total: 1, quarters: [undefined, undefined, undefined, undefined] });
    expect([...split.values()]).toEqual([0.25, 0.25, 0.25, 0.25]);
    const odd = quarterlyPlan({ mode: "even", total: 0.01, quarters: [undefined, undefined, undefined, undefined] });
    expect([...odd.values()]).toEqual([0.002, 0.002, 0.002, 0.004]);
  });

  it("holds a year's plan in Q4, or takes the quarters as given", () => {
    expect([...quarterlyPlan({ mode: "q4", total: 7, quarters: [1, 2, 3, 4] })]).toEqual([[4, 7]]);
    expect([...quarterlyPlan({ mode: "quarters", total: 9, quarters: [undefined, 3, 0, undefined] })]).toEqual([
      [2, 3],
      [3, 0],
    ]);
  });
});

describe("programme status workflow", () => {
  it("allows only the next steps, back to draft from approval, and archiving after approval", () => {
    expect(allowedTransitions("draft")).toEqual(["under_approval"]);
    expect(canTransition("under_approval", "draft")).toBe(true);
    expect(canTransition("draft", "in_force")).toBe(false);
    expect(canTransition("completed", "archived")).toBe(true);
    expect(allowedTransitions("archived")).toEqual([]);
    for (const status of PROGRAMME_STATUSES) expect(canTransition(status, status)).toBe(false);
  });
});

describe("administration forms", () => {
  it("give translated messages: a title in one language, ordered years and thresholds", () => {
    const result = programmeSchema.safeParse({
      intent: "save-programme",
      startYear: "2027",
      endYear: "2024",
      ragGreen: "80",
      ragAmber: "90",
    });
    expect(issues(result)).toEqual([
      ["titleKk", "admin.validation.oneLanguage"],
      ["endYear", "admin.validation.years"],
      ["ragAmber", "admin.validation.ragOrder"],
    ]);
    for (const [, key] of issues(result))
      expect(
        key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dictionaries.ru),
      ).toEqual(expect.any(String));
  });

  it("need a reason to take a measure off control", () => {
    expect(
      issues(controlSchema.safeParse({ intent: "remove-from-control", version: "3", changedOn: "2026-11-30" })),
    ).toEqual([["reasonKk", "admin.validation.reasonRequired"]]);
  });

  it("refuse a measure whose responsible department is also a co-executor, or a malformed number", () => {
    const result = measureSchema.safeParse({
      intent: "save-measure",
      sectionId: "1",
      number: "2..1",
      titleKk: "Іс-шара",
      unit: "event",
      responsibleDepartmentId: "4",
      coExecutorIds: ["4", "5"],
      territoryId: "1",
      deadline: "2026-12-25",
    });
    expect(issues(result)).toEqual([
      ["number", "admin.validation.number"],
      ["coExecutorIds", "admin.validation.coExecutorIsResponsible"],
    ]);
  });

  it("check plan rows: years of the programme, one row per territory and year, quarters adding up", () => {
    const schema = plansSchema({ startYear: 2024, endYear: 2026 });
    const row = { territoryId: "1", mode: "quarters" };
    const result = schema.safeParse({
      intent: "save-plans",
      rows: [
        { ...row, year: "2023", q1: "1" },
        { ...row, year: "2024", q1: "1", total: "5" },
        { ...row, year: "2025", mode: "even", total: "4" },
        { ...row, year: "2025", mode: "q4", total: "-1" },
        { ...row, year: "2026", total: "8" },
      ],
    });
    expect(issues(result)).toEqual([
      ["rows.0.year", "admin.validation.yearOutside"],
      ["rows.3.total", "validation.notNegative"],
      ["rows.1.total", "admin.validation.quartersSum"],
      ["rows.3.year", "admin.validation.duplicateYear"],
      ["rows.4.mode", "admin.validation.chooseSplit"],
    ]);
  });
});
