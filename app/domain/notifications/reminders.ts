import { previousQuarter, quarterEnd, quarterOf, reportDueDate, type Quarter } from "~/domain/periods/quarter";
import { kpiReportingDeadline, type KpiPeriod } from "~/domain/kpi/scoring";
import { DECISION_REMINDER_DAYS, OVERDUE_HORIZON_DAYS, REMINDER_DAYS } from "./kinds";

// When time-based reminders fall due, on calendar dates of APP_TIME_ZONE. Each window gives one
// occurrence: a scan that runs many times in a window (or after a restart) finds the same one, and the
// unique key of notification keeps it once. A window missed while no server ran is skipped, not caught
// up late (the next one still comes).

const DAY_MS = 86_400_000;

/** Whole days from `today` until `date` (negative once it has passed). */
export function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

export type DeadlineOccurrence = "due7" | "due1" | "overdue";

/** Which reminder a deadline calls for today: a week before, the day before (or the day), or overdue. */
export function deadlineOccurrence(today: string, deadline: string): DeadlineOccurrence | null {
  const days = daysUntil(today, deadline);
  if (days < 0) return -days <= OVERDUE_HORIZON_DAYS ? "overdue" : null;
  if (days <= REMINDER_DAYS.late) return "due1";
  if (days <= REMINDER_DAYS.early) return "due7";
  return null;
}

/** The quarters whose reports may call for a reminder today: the last one and the current one. */
export function reportQuarters(
  today: string,
): Array<{ quarter: Quarter; dueDate: string; occurrence: DeadlineOccurrence }> {
  const current = quarterOf(today);
  return [previousQuarter(current), current].flatMap((quarter) => {
    const dueDate = reportDueDate(quarter);
    const occurrence = deadlineOccurrence(today, dueDate);
    return occurrence ? [{ quarter, dueDate, occurrence }] : [];
  });
}

/** A decision's reminder: a few days before its deadline, and once it has passed. */
export function decisionOccurrence(today: string, deadline: string): "due" | "overdue" | null {
  const days = daysUntil(today, deadline);
  if (days < 0) return -days <= OVERDUE_HORIZON_DAYS ? "overdue" : null;
  return days <= DECISION_REMINDER_DAYS ? "due" : null;
}

/**
 * KPI periods that call for a notice today: «opened» from the day after the period ends until its
 * reporting deadline; «closing» on the day before the deadline and on the day itself.
 */
export function kpiNotices(
  today: string,
): Array<{ period: KpiPeriod; deadline: string; kind: "kpi_opened" | "kpi_closing" }> {
  const quarter = previousQuarter(quarterOf(today));
  const periods: Array<{ period: KpiPeriod; end: string }> = [
    { period: { year: quarter.year, quarter: quarter.quarter }, end: quarterEnd(quarter) },
    { period: { year: Number(today.slice(0, 4)) - 1, quarter: null }, end: `${Number(today.slice(0, 4)) - 1}-12-31` },
  ];
  return periods.flatMap(({ period, end }) => {
    const deadline = kpiReportingDeadline(period);
    if (today <= end || today > deadline) return [];
    const notices: Array<{ period: KpiPeriod; deadline: string; kind: "kpi_opened" | "kpi_closing" }> = [
      { period, deadline, kind: "kpi_opened" },
    ];
    if (daysUntil(today, deadline) <= REMINDER_DAYS.late) notices.push({ period, deadline, kind: "kpi_closing" });
    return notices;
  });
}
