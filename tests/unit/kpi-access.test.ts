import { describe, expect, it } from "vitest";
import type { Assignment, Principal } from "~/domain/auth/access";
import {
  kpiLandingCandidates,
  mayEnterActuals,
  mayViewKpi,
  mayViewRanking,
  mayViewScorecard,
} from "~/domain/kpi/access";

// Territories: 1 country → 2 Karaganda Region → 3 Temirtau, 4 Saran; 1 → 5 Shymkent → 6 Abay.
const principal = (...assignments: Array<Partial<Assignment> & Pick<Assignment, "role">>): Principal => ({
  id: 1,
  login: "u",
  displayName: "U",
  locale: "kk",
  assignments: assignments.map((a) => ({
    departmentId: null,
    councilId: null,
    councilPosition: null,
    territoryPath: null,
    ...a,
  })),
});

describe("KPI access", () => {
  const temirtau = principal({ role: "akim", territoryPath: [1, 2, 3] });
  const region = principal({ role: "akim", territoryPath: [1, 2] });

  it("lets a city akim see their neighbours' ranking and scorecards, and enter only their own actuals", () => {
    expect(mayViewKpi(temirtau)).toBe(true);
    expect(mayViewRanking(temirtau, [1, 2])).toBe(true);
    expect(mayViewRanking(temirtau, [1])).toBe(false);
    expect(mayViewRanking(temirtau, [1, 5])).toBe(false);
    expect(mayViewScorecard(temirtau, [1, 2, 4])).toBe(true);
    expect(mayViewScorecard(temirtau, [1, 5, 6])).toBe(false);
    expect(mayEnterActuals(temirtau, [1, 2, 3])).toBe(true);
    expect(mayEnterActuals(temirtau, [1, 2, 4])).toBe(false);
    expect(kpiLandingCandidates(temirtau)).toEqual([
      { kind: "ranking", territoryId: 2 },
      { kind: "ranking", territoryId: 3 },
      { kind: "scorecard", territoryId: 3 },
    ]);
  });

  it("lets a regional akim enter for every territory below the region", () => {
    expect(mayEnterActuals(region, [1, 2, 4])).toBe(true);
    expect(mayEnterActuals(region, [1, 5, 6])).toBe(false);
    expect(mayViewRanking(region, [1, 2])).toBe(true);
    expect(kpiLandingCandidates(region)).toEqual([
      { kind: "ranking", territoryId: 2 },
      { kind: "scorecard", territoryId: 2 },
    ]);
  });

  it("gives editors nothing, viewers reading and admins everything", () => {
    expect(mayViewKpi(principal({ role: "editor", departmentId: 3 }))).toBe(false);
    const viewer = principal({ role: "viewer" });
    expect(mayViewRanking(viewer, [1, 5])).toBe(true);
    expect(mayEnterActuals(viewer, [1, 5, 6])).toBe(false);
    expect(mayEnterActuals(principal({ role: "admin" }), [1, 5, 6])).toBe(true);
    expect(kpiLandingCandidates(viewer)).toBe("all");
  });
});
