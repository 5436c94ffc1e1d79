import { describe, expect, it } from "vitest";
import { measureShares, rollUpShares } from "~/domain/shares/share-of-base";
import { formatShare } from "~/i18n/figures";
import { translator } from "~/i18n/i18n";

describe("shares of a base", () => {
  it("roll up over three territories with different bases as Σ counts / Σ bases, never the mean of percentages", () => {
    const units = [
      { count: 35_000, base: 100_000 },
      { count: 1_800, base: 2_000 },
      { count: 4_000, base: 20_000 },
    ];
    const share = rollUpShares(units);
    expect(share.count).toBe(35_000 + 1_800 + 4_000);
    expect(share.base).toBe(100_000 + 2_000 + 20_000);
    expect(share.ratio).toBeCloseTo(40_800 / 122_000, 12);
    const meanOfPercentages = (0.35 + 0.9 + 0.2) / 3;
    expect(Math.abs(share.ratio! - meanOfPercentages)).toBeGreaterThan(0.1);
  });

  it("gives no percentage when a unit's base is unknown, but keeps the counts", () => {
    const share = rollUpShares([
      { count: 10, base: 100 },
      { count: 5, base: null },
    ]);
    expect(share).toMatchObject({ count: 15, base: 100, ratio: null, withoutBase: 1 });
  });

  it("reads with its counts in every language", () => {
    const share = rollUpShares([{ count: 35_000, base: 100_000 }]);
    expect(formatShare(translator("ru"), "ru", share)).toBe("35\u00a0000 из 100\u00a0000 — 35\u00a0%");
    expect(formatShare(translator("kk"), "kk", share)).toBe("100\u00a0000 ішінен 35\u00a0000 — 35%");
    expect(formatShare(translator("en"), "en", share)).toBe("35,000 of 100,000 — 35%");
  });

  it("measures a territory's share against the base in force on D: an entry's base overrides the plan's from its date", () => {
    const plans = [
      { territoryId: 1, year: 2024, quarter: 2, planned: 500, base: 1_000 },
      { territoryId: 2, year: 2024, quarter: 2, planned: 100, base: 400 },
    ];
    const entries = [
      { territoryId: 1, entryDate: "2024-05-10", value: 300, base: null },
      { territoryId: 1, entryDate: "2024-06-10", value: 200, base: 1_250 },
      { territoryId: 2, entryDate: "2024-06-20", value: 100, base: null },
    ];
    const planDue = (year: number, quarter: number) => year === 2024 && quarter <= 2;
    const before = measureShares({ plans, entries, asOf: "2024-05-31", planDue });
    expect(before.fact).toMatchObject({ count: 300, base: 1_400 });
    const after = measureShares({ plans, entries, asOf: "2024-06-30", planDue });
    expect(after.territories.map((t) => t.base)).toEqual([1_250, 400]);
    expect(after.fact.ratio).toBeCloseTo(600 / 1_650, 12);
    expect(after.plan.ratio).toBeCloseTo(600 / 1_650, 12);
  });
});
