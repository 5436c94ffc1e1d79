import type { LocalizedText } from "~db/schema";

// What the app notifies users of. A notification keeps its kind and parameters; its words come from
// the dictionaries (notifications.kinds.<kind>) when it is read, in the reader's language.

export const NOTIFICATION_KINDS = [
  "report_due",
  "report_overdue",
  "report_returned",
  "report_accepted",
  "decision_assigned",
  "decision_due",
  "decision_overdue",
  "meeting_planned",
  "meeting_moved",
  "kpi_opened",
  "kpi_closing",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** A parameter: a number, a plain string (a name, an ISO date), or record text in several languages. */
export type NotificationParam = string | number | LocalizedText | null;
export type NotificationParams = Record<string, NotificationParam>;

/** One event for one user; (userId, kind, subject, occurrence) is its identity: it is notified once. */
export interface NotificationEvent {
  userId: number;
  kind: NotificationKind;
  /** What it is about, e.g. «report:3:7:2026-Q3». */
  subject: string;
  /** Which time it happens to the subject, e.g. «due7», or the new date of a moved meeting. */
  occurrence: string;
  params: NotificationParams;
  /** The app's page it is about. */
  link: string;
}

/** Parameters holding an ISO date: shown as a date in the reader's language. */
export const DATE_PARAMS = new Set(["dueDate", "deadline", "date", "previousDate", "meetingDate"]);

/** Days before a report's or KPI period's deadline when a reminder goes out. */
export const REMINDER_DAYS = { early: 7, late: 1 } as const;
/** Days before a decision's deadline when its department is reminded. */
export const DECISION_REMINDER_DAYS = 3;
/** Overdue things are notified only this many days after their deadline (older ones are history). */
export const OVERDUE_HORIZON_DAYS = 31;
