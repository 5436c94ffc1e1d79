import { describe, expect, it } from "vitest";
import {
  explainScore,
  indicatorShare,
  type KpiActualRow,
  type KpiIndicatorFacts,
  type KpiTargetRow,
} from "~/domain/kpi/scoring";

// A KPI indicator that is a share of a base: libraries with a coworking centre among a district's
// libraries. Worked by hand in the comments.

const libraries: KpiIndicatorFacts = {
  id: 7,
  direction: "higher_is_better",
  ragGreen: 100,
  ragAmber: 80,
  shareOfBase: true,
};
const period = { year: 2019, quarter: null };
const target = (territoryId: number, count: number, base: number): KpiTargetRow => ({
  indicatorId: 7,
  territoryId,
  ...period,
  target: count,
  base,
  weight: 1,
});
const actual = (territoryId: number, count: number, base: number | null = null): KpiActualRow => ({
  indicatorId: 7,
  territoryId,
  ...period,
  actual: count,
  base,
});

describe("a share-of-base KPI indicator", () => {
  const targets = [target(1, 8, 10), target(2, 2, 2), target(3, 30, 40)];
  const actuals = [actual(1, 5), actual(2, 2), actual(3, 12, 48)];

  it("rolls up over three territories with different bases as Σ counts / Σ bases", () => {
    // Bases: 10 and 2 from the targets, 48 from the third actual's own: (5 + 2 + 12) / (10 + 2 + 48) = 19 / 60.
    const share = indicatorShare(7, period, new Set([1, 2, 3]), targets, actuals);
    expect(share).toMatchObject({ count: 19, base: 60 });
    expect(share.ratio).toBeCloseTo(19 / 60, 12);
    // Not the mean of 50 %, 100 % and 25 %.
    expect(share.ratio).not.toBeCloseTo((0.5 + 1 + 0.25) / 3, 2);
  });

  it("compares the shares: a grown base lowers the share achieved", () => {
    const score = (row: KpiActualRow) =>
      explainScore(
        new Map([[7, libraries]]),
        [targets[2]!],
        new Map([[7, row.actual]]),
        true,
        new Map(row.base === null || row.base === undefined ? [] : [[7, row.base]]),
      ).lines[0]!;
    // Target 30 / 40 = 75 %. 12 of the target's 40 = 30 % → 30 / 75 = 0.4; 12 of 48 = 25 % → 25 / 75 = 1/3.
    expect(score(actual(3, 12)).achievement).toBeCloseTo(0.4, 12);
    const grown = score(actual(3, 12, 48));
    expect(grown.achievement).toBeCloseTo(1 / 3, 12);
    expect(grown).toMatchObject({ target: 30, actual: 12, targetBase: 40, actualBase: 48 });
  });
});
