import { describe, expect, it } from "vitest";
import { asOfChoices, parseDashboardFilters, withParams } from "~/domain/execution/dashboard-filters";

const parse = (query: string) => parseDashboardFilters(new URLSearchParams(query), "2026-11-22");

describe("dashboard filters from the URL", () => {
  it("default to today, accepted facts, the whole road map", () => {
    const { filters, error } = parse("");
    expect(error).toBeNull();
    expect(filters).toMatchObject({
      asOf: { date: "2026-11-22", includeCurrentQuarter: false, facts: "accepted" },
      sectionId: null,
      departmentId: null,
      territoryId: null,
      statuses: null,
      page: 1,
      large: false,
    });
  });

  it("narrow the window to a quarter range", () => {
    const { filters } = parse("asOf=2024-10-31&from=2024-Q1&to=2024-Q2");
    expect(filters.asOf).toMatchObject({ date: "2024-06-30", from: "2024-01-01" });
    // The user's «as of» date stays what they chose: only the window ends with the range.
    expect(filters.chosenAsOf).toBe("2024-10-31");
    expect(parse("from=2024-Q1&to=2024-Q2").filters.chosenAsOf).toBe("2026-11-22");
  });

  it("keep every status asked for and drop unknown ones, and refuse a bad date with a message", () => {
    expect(parse("status=behind&status=overdue&status=lost").filters.statuses).toEqual(["behind", "overdue"]);
    const { filters, error } = parse("asOf=2024-02-30&section=abc&page=-1");
    expect(error).toBe("errors.invalidDate");
    expect(filters.asOf.date).toBe("2026-11-22");
    expect(filters.sectionId).toBeNull();
    expect(filters.page).toBe(1);
  });

  it("change one parameter of a link and start again at page 1", () => {
    expect(withParams("?asOf=2024-10-31&page=3&status=behind", { section: "7" })).toBe(
      "?asOf=2024-10-31&status=behind&section=7",
    );
    expect(withParams("?territory=5", { territory: null })).toBe("?");
  });

  it("offer today, ten months of the year and the ends of the last four quarters", () => {
    expect(asOfChoices("2026-11-22").map((choice) => choice.date)).toEqual([
      "2026-11-22",
      "2026-10-31",
      "2026-09-30",
      "2026-06-30",
      "2026-03-31",
      "2025-12-31",
    ]);
    expect(asOfChoices("2026-05-10")[1]!.date).toBe("2025-10-31");
  });
});
