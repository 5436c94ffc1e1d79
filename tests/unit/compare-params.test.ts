import { describe, expect, it } from "vitest";
import { compareHref, parseCompareParams } from "~/domain/kpi/compare-params";

const parse = (query: string) => parseCompareParams(new URLSearchParams(query));

describe("the comparison's address", () => {
  it("compares two to four territories, each once, in the order asked, for the period asked", () => {
    expect(parse("t=14&t=12&t=14&period=2025")).toEqual({
      territoryIds: [14, 12],
      asked: [14, 12],
      period: { year: 2025, quarter: null },
      problem: null,
    });
    expect(parse("t=1&t=2&t=3&t=4&period=2025-Q3").period).toEqual({ year: 2025, quarter: 3 });
  });

  it("compares nothing, and says why, for one territory or more than four; bad ids and periods are dropped", () => {
    expect(parse("t=3&t=abc&t=-1&period=20x5")).toMatchObject({
      territoryIds: [],
      asked: [3],
      period: null,
      problem: "compare.tooFew",
    });
    expect(parse("t=1&t=2&t=3&t=4&t=5")).toMatchObject({
      territoryIds: [],
      asked: [1, 2, 3, 4, 5],
      problem: "compare.tooMany",
    });
  });

  it("writes the address the picker's form would", () => {
    expect(compareHref([3, 4], "2025")).toBe("/kpi/compare?t=3&t=4&period=2025");
  });
});
