import { describe, expect, it } from "vitest";
import { jsonSize } from "~/domain/execution/json-size";

// The caches' budgets count what they keep by jsonSize: it must say what JSON would, near enough that a
// budget in MB holds about that many MB of figures.

describe("jsonSize", () => {
  it("counts a value of names, integers and flags as its JSON does", () => {
    const value = {
      roadMap: { id: 12, title: { kk: "Халықпен бірге!", ru: "Вместе с народом!" }, path: [1, 20, 301] },
      counted: 4_321,
      negative: -17,
      statusCounts: { on_track: 3, behind: 0, overdue: 1 },
      closed: false,
      open: true,
      deadline: null,
      skipped: undefined,
      rows: [{ id: 1 }, { id: 22 }, {}],
      empty: [],
    };
    expect(jsonSize(value)).toBe(JSON.stringify(value).length);
  });

  it("comes within a tenth of JSON for a road map's figures, fractions included", () => {
    const items = Array.from({ length: 2_000 }, (_, index) => ({
      measureId: 100_000 + index,
      territoryId: index % 7 === 0 ? null : 300 + (index % 13),
      plan: index * 3,
      fact: index * 2.5,
      execution: index === 0 ? null : (index * 2.5) / (index * 3 + 1),
      status: index % 3 === 0 ? "behind" : "on_track",
      deadline: "2026-12-31",
    }));
    const exact = JSON.stringify({ items }).length;
    expect(Math.abs(jsonSize({ items }) - exact) / exact).toBeLessThan(0.1);
  });

  it("counts what JSON would drop: the entries of maps and sets, the bytes of typed arrays", () => {
    expect(jsonSize(new Map([[1, "абв"]]))).toBeGreaterThan(jsonSize(new Map()));
    expect(jsonSize(new Set(["a", "b"]))).toBe(JSON.stringify(["a", "b"]).length);
    expect(jsonSize(new Map([[1, "абв"]]))).toBe(JSON.stringify([[1, "абв"]]).length);
    expect(jsonSize(new Float64Array(1_000))).toBe(8_000);
  });
});
