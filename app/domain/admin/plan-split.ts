// A year's plan becomes quarterly plans: given per quarter, split evenly over the four quarters
// (to three decimals; what rounding leaves goes to Q4, so the quarters always add up to the total),
// or held in Q4 (DESIGN.md: a plan given only for a year is held in its Q4 unless split).

export type PlanMode = "quarters" | "even" | "q4";

export interface PlanRowInput {
  mode: PlanMode;
  total?: number;
  quarters: [number | undefined, number | undefined, number | undefined, number | undefined];
}

/** Planned value per quarter (1–4); quarters left blank are absent. */
export function quarterlyPlan(row: PlanRowInput): Map<1 | 2 | 3 | 4, number> {
  const plan = new Map<1 | 2 | 3 | 4, number>();
  if (row.mode === "quarters") {
    row.quarters.forEach((value, index) => {
      if (value !== undefined) plan.set((index + 1) as 1 | 2 | 3 | 4, value);
    });
    return plan;
  }
  if (row.total === undefined) return plan;
  if (row.mode === "q4") {
    plan.set(4, row.total);
    return plan;
  }
  const thousandths = Math.round(row.total * 1000);
  const share = Math.floor(thousandths / 4);
  for (const quarter of [1, 2, 3] as const) plan.set(quarter, share / 1000);
  plan.set(4, (thousandths - share * 3) / 1000);
  return plan;
}

/** Whether the row holds anything to save. */
export function isBlankPlanRow(row: PlanRowInput): boolean {
  return row.mode === "quarters" ? row.quarters.every((value) => value === undefined) : row.total === undefined;
}
