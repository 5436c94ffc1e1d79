import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  achievement,
  competitionRanks,
  explainScore,
  finalKey,
  isPeriodFinal,
  kpiReportingDeadline,
  nextPeriod,
  previousPeriod,
  rankTerritories,
  type KpiFacts,
  type KpiIndicatorFacts,
  type KpiTargetRow,
} from "~/domain/kpi/scoring";

// Hand-worked cases of DESIGN.md's KPI formulas; the expected numbers are worked out in the comments.

const higher: KpiIndicatorFacts = { id: 1, direction: "higher_is_better", ragGreen: 100, ragAmber: 80 };
const lower: KpiIndicatorFacts = { id: 2, direction: "lower_is_better", ragGreen: 100, ragAmber: 80 };
const third: KpiIndicatorFacts = { id: 3, direction: "higher_is_better", ragGreen: 100, ragAmber: 80 };
const indicators = new Map([higher, lower, third].map((indicator) => [indicator.id, indicator]));
const year = { year: 2025, quarter: null };
const target = (indicatorId: number, value: number, weight: number, territoryId = 10): KpiTargetRow => ({
  indicatorId,
  territoryId,
  ...year,
  target: value,
  weight,
});

describe("achievement", () => {
  it("divides actual by target when higher is better", () => {
    expect(achievement("higher_is_better", 200, 150)).toBe(0.75);
  });
  it("divides target by actual when lower is better", () => {
    // NEET share: target 8 %, actual 10 % → 8 / 10 = 80 %.
    expect(achievement("lower_is_better", 8, 10)).toBe(0.8);
    // Better than the target: 8 / 7.5 = 106.7 %.
    expect(achievement("lower_is_better", 8, 7.5)).toBeCloseTo(1.0667, 4);
  });
  it("caps at 120 %", () => {
    expect(achievement("higher_is_better", 100, 300)).toBe(1.2);
    expect(achievement("lower_is_better", 10, 5)).toBe(1.2);
  });
  it("gives the cap for a zero actual when lower is better, and 100 % for a zero target met", () => {
    expect(achievement("lower_is_better", 8, 0)).toBe(1.2);
    expect(achievement("lower_is_better", 0, 0)).toBe(1);
    expect(achievement("lower_is_better", 0, 2)).toBe(0);
  });
  it("gives 0 for a zero actual when higher is better, and the cap above a zero target", () => {
    expect(achievement("higher_is_better", 5, 0)).toBe(0);
    expect(achievement("higher_is_better", 0, 0)).toBe(1);
    expect(achievement("higher_is_better", 0, 3)).toBe(1.2);
  });
  it("is missing without an actual", () => {
    expect(achievement("higher_is_better", 5, null)).toBeNull();
  });
});

describe("explainScore", () => {
  it("weights achievements by weights that need not sum to 1", () => {
    // 150/200 = 0.75 (w 3), 8/10 = 0.8 (w 1): (3·0.75 + 1·0.8) / 4 = 3.05 / 4 = 0.7625.
    const explanation = explainScore(
      indicators,
      [target(1, 200, 3), target(2, 8, 1)],
      new Map([
        [1, 150],
        [2, 10],
      ]),
      true,
    );
    expect(explanation.score).toBeCloseTo(0.7625, 10);
    expect(explanation.weightedSum).toBeCloseTo(3.05, 10);
    expect(explanation.countedWeight).toBe(4);
    expect(explanation.lines.map((line) => line.contribution)).toEqual([0.5625, 0.2]);
    expect(explanation.lines.map((line) => line.rag)).toEqual(["red", "amber"]);
  });
  it("leaves a missing actual out of a provisional score and says so", () => {
    // Only indicator 1 counts: 0.3 · 1.2 (capped from 1.5) / 0.3 = 1.2; indicator 2's weight 0.7 is missing.
    const explanation = explainScore(indicators, [target(1, 100, 0.3), target(2, 8, 0.7)], new Map([[1, 150]]), false);
    expect(explanation.score).toBeCloseTo(1.2, 10);
    expect(explanation.countedWeight).toBeCloseTo(0.3, 10);
    expect(explanation.totalWeight).toBeCloseTo(1, 10);
    expect(explanation.lines[0]).toMatchObject({ raw: 1.5, achievement: 1.2, capped: true, rag: "green" });
    expect(explanation.lines[1]).toMatchObject({
      actual: null,
      achievement: null,
      contribution: null,
      rag: null,
      countedAsZero: false,
    });
    expect(explanation.final).toBe(false);
  });
  it("counts a missing actual as 0 once the period is final", () => {
    // 0.3 · 1.2 + 0.7 · 0 = 0.36 over the whole weight 1: the district that withheld its figure scores 36 %.
    const explanation = explainScore(indicators, [target(1, 100, 0.3), target(2, 8, 0.7)], new Map([[1, 150]]), true);
    expect(explanation.score).toBeCloseTo(0.36, 10);
    expect(explanation.countedWeight).toBeCloseTo(1, 10);
    expect(explanation.lines[1]).toMatchObject({ actual: null, achievement: 0, countedAsZero: true, rag: "red" });
  });
  it("has no score without any actual while provisional, and 0 once final", () => {
    expect(explainScore(indicators, [target(1, 100, 1)], new Map(), false).score).toBeNull();
    expect(explainScore(indicators, [target(1, 100, 1)], new Map(), true).score).toBe(0);
  });
  it("never gives a higher final score for withholding a figure than for reporting any non-negative value", () => {
    const line = fc.record({
      indicatorId: fc.constantFrom(1, 2, 3),
      target: fc.double({ min: 0, max: 1e6, noNaN: true }),
      weight: fc.double({ min: 0.001, max: 100, noNaN: true }),
      actual: fc.double({ min: 0, max: 1e7, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(line, { minLength: 1, maxLength: 3, selector: (l) => l.indicatorId }), (lines) => {
        const targets = lines.map((l) => target(l.indicatorId, l.target, l.weight));
        const reported = new Map(lines.map((l) => [l.indicatorId, l.actual]));
        const score = (actuals: Map<number, number>) => explainScore(indicators, targets, actuals, true).score!;
        for (const withheld of lines) {
          const without = new Map(reported);
          without.delete(withheld.indicatorId);
          expect(score(without)).toBeLessThanOrEqual(score(reported) + 1e-12);
        }
      }),
    );
  });
});

describe("final periods", () => {
  it("are due, like quarterly reports, by the 5th of the month after the period", () => {
    expect(kpiReportingDeadline({ year: 2025, quarter: 2 })).toBe("2025-07-05");
    expect(kpiReportingDeadline({ year: 2025, quarter: null })).toBe("2026-01-05");
  });
  it("are final when closed or past the deadline, provisional before", () => {
    expect(isPeriodFinal({ year: 2025, quarter: null }, false, "2026-01-05")).toBe(false);
    expect(isPeriodFinal({ year: 2025, quarter: null }, false, "2026-01-06")).toBe(true);
    expect(isPeriodFinal({ year: 2025, quarter: null }, true, "2025-06-01")).toBe(true);
  });
});

describe("competitionRanks", () => {
  it("lets ties share a rank and skips the places they take", () => {
    expect(competitionRanks([0.9, 1.1, 0.9, null, 0.5])).toEqual([2, 1, 2, null, 4]);
  });
  it("ties scores that differ only by the order of a sum", () => {
    expect(competitionRanks([0.1 + 0.2, 0.3])).toEqual([1, 1]);
  });
});

describe("periods", () => {
  it("steps by quarter or by year", () => {
    expect(previousPeriod({ year: 2025, quarter: 1 })).toEqual({ year: 2024, quarter: 4 });
    expect(nextPeriod({ year: 2025, quarter: 4 })).toEqual({ year: 2026, quarter: 1 });
    expect(previousPeriod(year)).toEqual({ year: 2024, quarter: null });
  });
});

describe("rankTerritories", () => {
  // Parent 1 with territories 10, 11, 12, 13; parent 2 with territory 20 (ranked on its own).
  const territories = [
    { id: 10, parentId: 1 },
    { id: 11, parentId: 1 },
    { id: 12, parentId: 1 },
    { id: 13, parentId: 1 },
    { id: 20, parentId: 2 },
  ];
  const facts: KpiFacts = {
    indicators: [higher, lower, third],
    territories,
    targets: [
      ...[10, 11, 12, 13, 20].flatMap((territoryId) => [
        target(1, 100, 2, territoryId),
        target(2, 10, 1, territoryId),
        { ...target(1, 100, 1, territoryId), year: 2024 },
      ]),
    ],
    actuals: [
      // 2025: 10 → (2·0.9 + 1·1.0)/3 = 0.9333; 11 → (2·1.0 + 1·0.8)/3 = 0.9333 (tie);
      // 12 → (2·1.2 + 1·1.2)/3 = 1.2 (capped: 150 and 5); 13 → no actual; 20 → 2·0.5/2 = 0.5.
      { indicatorId: 1, territoryId: 10, ...year, actual: 90 },
      { indicatorId: 2, territoryId: 10, ...year, actual: 10 },
      { indicatorId: 1, territoryId: 11, ...year, actual: 100 },
      { indicatorId: 2, territoryId: 11, ...year, actual: 12.5 },
      { indicatorId: 1, territoryId: 12, ...year, actual: 150 },
      { indicatorId: 2, territoryId: 12, ...year, actual: 5 },
      { indicatorId: 1, territoryId: 20, ...year, actual: 50 },
      // 2024: 10 → 1.1, 11 → 0.7, 12 → 1.0.
      { indicatorId: 1, territoryId: 10, year: 2024, quarter: null, actual: 110 },
      { indicatorId: 1, territoryId: 11, year: 2024, quarter: null, actual: 70 },
      { indicatorId: 1, territoryId: 12, year: 2024, quarter: null, actual: 100 },
    ],
    final: new Set(),
  };

  it("ranks among the same parent, ties sharing a rank, with the change since the previous period", () => {
    const rows = rankTerritories(facts, year);
    expect(rows.every((row) => row.provisional)).toBe(true);
    const simple = rows.map((row) => ({
      id: row.territoryId,
      rank: row.rank,
      previousRank: row.previousRank,
      rankChange: row.rankChange,
    }));
    expect(simple).toEqual([
      { id: 12, rank: 1, previousRank: 2, rankChange: 1 },
      { id: 10, rank: 2, previousRank: 1, rankChange: -1 },
      { id: 11, rank: 2, previousRank: 3, rankChange: 1 },
      { id: 13, rank: null, previousRank: null, rankChange: null },
      { id: 20, rank: 1, previousRank: null, rankChange: null },
    ]);
    const ten = rows.find((row) => row.territoryId === 10)!;
    expect(ten.score).toBeCloseTo(2.8 / 3, 10);
    expect(ten.scoreChange).toBeCloseTo(2.8 / 3 - 1.1, 10);
    expect(ten.ranked).toBe(3);
    expect(rows.find((row) => row.territoryId === 13)!.indicatorsWithActual).toBe(0);
  });

  it("ranks a territory that reported nothing last, at 0, once the period is final for it", () => {
    const final = new Set([10, 11, 12, 13, 20].map((id) => finalKey(id, year)));
    const rows = rankTerritories({ ...facts, final }, year);
    const thirteen = rows.find((row) => row.territoryId === 13)!;
    expect(thirteen).toMatchObject({ score: 0, rank: 4, provisional: false });
    expect(rows.find((row) => row.territoryId === 10)!.ranked).toBe(4);
  });
});
