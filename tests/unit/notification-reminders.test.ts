import { describe, expect, it } from "vitest";
import {
  daysUntil,
  deadlineOccurrence,
  decisionOccurrence,
  kpiNotices,
  reportQuarters,
} from "~/domain/notifications/reminders";

// The Q3 2026 report is due on 5 October 2026 (the 5th of the month after the quarter).

describe("report reminders", () => {
  it("counts calendar days, across month and year ends", () => {
    expect(daysUntil("2026-09-28", "2026-10-05")).toBe(7);
    expect(daysUntil("2026-12-31", "2027-01-05")).toBe(5);
    expect(daysUntil("2026-10-06", "2026-10-05")).toBe(-1);
  });

  it("reminds a week before, the day before and on the day, then as overdue for a month", () => {
    const due = "2026-10-05";
    expect(deadlineOccurrence("2026-09-27", due)).toBeNull();
    expect(deadlineOccurrence("2026-09-28", due)).toBe("due7");
    // Later days of the week keep the same occurrence, so a scan after a restart adds nothing.
    expect(deadlineOccurrence("2026-10-03", due)).toBe("due7");
    expect(deadlineOccurrence("2026-10-04", due)).toBe("due1");
    expect(deadlineOccurrence("2026-10-05", due)).toBe("due1");
    expect(deadlineOccurrence("2026-10-06", due)).toBe("overdue");
    expect(deadlineOccurrence("2026-11-05", due)).toBe("overdue");
    expect(deadlineOccurrence("2026-11-06", due)).toBeNull();
  });

  it("names the quarter and due date a department head is reminded of", () => {
    expect(reportQuarters("2026-09-28")).toEqual([
      { quarter: { year: 2026, quarter: 3 }, dueDate: "2026-10-05", occurrence: "due7" },
    ]);
    expect(reportQuarters("2026-10-06")).toEqual([
      { quarter: { year: 2026, quarter: 3 }, dueDate: "2026-10-05", occurrence: "overdue" },
    ]);
    // The fourth quarter's report is due in the next year.
    expect(reportQuarters("2026-12-29")).toEqual([
      { quarter: { year: 2026, quarter: 4 }, dueDate: "2027-01-05", occurrence: "due7" },
    ]);
    expect(reportQuarters("2027-01-05")).toEqual([
      { quarter: { year: 2026, quarter: 4 }, dueDate: "2027-01-05", occurrence: "due1" },
    ]);
  });

  it("is silent in the middle of a quarter and once the overdue month has passed", () => {
    expect(reportQuarters("2026-08-15")).toEqual([]);
    expect(reportQuarters("2026-11-06")).toEqual([]);
  });
});

describe("decision reminders", () => {
  it("reminds three days before the deadline and once it has passed", () => {
    expect(decisionOccurrence("2026-10-06", "2026-10-10")).toBeNull();
    expect(decisionOccurrence("2026-10-07", "2026-10-10")).toBe("due");
    expect(decisionOccurrence("2026-10-10", "2026-10-10")).toBe("due");
    expect(decisionOccurrence("2026-10-11", "2026-10-10")).toBe("overdue");
    expect(decisionOccurrence("2026-11-11", "2026-10-10")).toBeNull();
  });
});

describe("KPI period notices", () => {
  it("opens a quarter for actuals the day after it ends, until its deadline", () => {
    expect(kpiNotices("2026-09-30")).toEqual([]);
    expect(kpiNotices("2026-10-01")).toEqual([
      { period: { year: 2026, quarter: 3 }, deadline: "2026-10-05", kind: "kpi_opened" },
    ]);
    expect(kpiNotices("2026-10-06")).toEqual([]);
  });

  it("warns that a period is closing on the day before its deadline and on the day", () => {
    expect(kpiNotices("2026-10-03").map((notice) => notice.kind)).toEqual(["kpi_opened"]);
    for (const today of ["2026-10-04", "2026-10-05"]) {
      expect(kpiNotices(today)).toEqual([
        { period: { year: 2026, quarter: 3 }, deadline: "2026-10-05", kind: "kpi_opened" },
        { period: { year: 2026, quarter: 3 }, deadline: "2026-10-05", kind: "kpi_closing" },
      ]);
    }
  });

  it("opens the fourth quarter and the whole year together in January", () => {
    expect(kpiNotices("2027-01-04")).toEqual([
      { period: { year: 2026, quarter: 4 }, deadline: "2027-01-05", kind: "kpi_opened" },
      { period: { year: 2026, quarter: 4 }, deadline: "2027-01-05", kind: "kpi_closing" },
      { period: { year: 2026, quarter: null }, deadline: "2027-01-05", kind: "kpi_opened" },
      { period: { year: 2026, quarter: null }, deadline: "2027-01-05", kind: "kpi_closing" },
    ]);
  });
});
