import type { Transaction } from "kysely";
import type { Database } from "~db/schema";
import { formatQuarterParam } from "~/domain/periods/quarter";
import type { NotificationEvent } from "./kinds";
import { councilMemberIds, departmentEditors, notify } from "./notify.server";

// Events that happen when someone acts: recorded in the same transaction as the act.

type Trx = Transaction<Database>;

export const reportSubject = (roadMapId: number, departmentId: number, year: number, quarter: number) =>
  `report:${roadMapId}:${departmentId}:${year}-Q${quarter}`;

export const reportLink = (year: number, quarter: number) =>
  `/my?quarter=${formatQuarterParam({ year, quarter: quarter as 1 | 2 | 3 | 4 })}`;

/** A reviewer accepted or returned a report: its department's editors are told, with the comment. */
export async function notifyReportReviewed(trx: Trx, reportId: number): Promise<void> {
  const report = await trx
    .selectFrom("department_report as r")
    .innerJoin("road_map as rm", "rm.id", "r.road_map_id")
    .innerJoin("department as d", "d.id", "r.department_id")
    .leftJoin("app_user as v", "v.id", "r.reviewed_by")
    .select([
      "r.road_map_id",
      "r.department_id",
      "r.year",
      "r.quarter",
      "r.status",
      "r.version",
      "r.review_comment",
      "rm.title as road_map_title",
      "d.name as department_name",
      "v.display_name as reviewer",
    ])
    .where("r.id", "=", reportId)
    .executeTakeFirstOrThrow();
  if (report.status === "submitted") return;
  const editors = await departmentEditors(trx, [report.department_id]);
  const kind = report.status === "returned" ? "report_returned" : "report_accepted";
  await notify(
    trx,
    editors.map((editor): NotificationEvent => ({
      userId: editor.userId,
      kind,
      subject: reportSubject(report.road_map_id, report.department_id, report.year, report.quarter),
      // A report may be returned, resubmitted and returned again: each review is its own event.
      occurrence: `v${report.version}`,
      params: {
        roadMap: report.road_map_title,
        department: report.department_name,
        year: report.year,
        quarter: report.quarter,
        reviewer: report.reviewer ?? "",
        comment: report.review_comment ?? "",
      },
      link: reportLink(report.year, report.quarter),
    })),
  );
}

async function meetingFacts(trx: Trx, meetingId: number) {
  return trx
    .selectFrom("meeting as m")
    .innerJoin("council as c", "c.id", "m.council_id")
    .select(["m.id", "m.council_id", "m.meeting_date", "m.place", "m.status", "c.title as council_title"])
    .where("m.id", "=", meetingId)
    .executeTakeFirstOrThrow();
}

/** A meeting planned, or moved to another day (previousDate given): the council's members are told. */
export async function notifyMeetingScheduled(trx: Trx, meetingId: number, previousDate?: string): Promise<void> {
  const meeting = await meetingFacts(trx, meetingId);
  if (meeting.status !== "planned") return;
  if (previousDate !== undefined && previousDate === meeting.meeting_date) return;
  const members = await councilMemberIds(trx, meeting.council_id);
  const moved = previousDate !== undefined;
  await notify(
    trx,
    members.map((userId): NotificationEvent => ({
      userId,
      kind: moved ? "meeting_moved" : "meeting_planned",
      subject: `meeting:${meeting.id}`,
      occurrence: moved ? meeting.meeting_date : "planned",
      params: {
        council: meeting.council_title,
        date: meeting.meeting_date,
        previousDate: previousDate ?? null,
        place: meeting.place,
      },
      link: `/meetings/${meeting.id}`,
    })),
  );
}

/** The facts a decision's notifications show. */
export async function decisionFacts(trx: Trx | Parameters<typeof departmentEditors>[0], decisionIds: number[]) {
  if (decisionIds.length === 0) return [];
  return trx
    .selectFrom("decision as dc")
    .innerJoin("meeting as m", "m.id", "dc.meeting_id")
    .innerJoin("council as c", "c.id", "m.council_id")
    .innerJoin("department as d", "d.id", "dc.responsible_department_id")
    .select([
      "dc.id",
      "dc.body",
      "dc.deadline",
      "dc.responsible_department_id as department_id",
      "d.name as department_name",
      "m.meeting_date",
      "c.title as council_title",
    ])
    .where("dc.id", "in", decisionIds)
    .execute();
}

export type DecisionFacts = Awaited<ReturnType<typeof decisionFacts>>[number];

export function decisionEvents(
  decision: DecisionFacts,
  editors: Array<{ userId: number; departmentId: number | null }>,
  kind: "decision_assigned" | "decision_due" | "decision_overdue",
  occurrence: string,
): NotificationEvent[] {
  return editors
    .filter((editor) => editor.departmentId === decision.department_id)
    .map((editor) => ({
      userId: editor.userId,
      kind,
      subject: `decision:${decision.id}`,
      occurrence,
      params: {
        decision: decision.body,
        department: decision.department_name,
        council: decision.council_title,
        meetingDate: decision.meeting_date,
        deadline: decision.deadline,
      },
      link: "/my",
    }));
}

/** A decision with a responsible department: that department's editors are told. */
export async function notifyDecisionAssigned(trx: Trx, decisionId: number): Promise<void> {
  const [decision] = await decisionFacts(trx, [decisionId]);
  if (!decision) return;
  if (decision.department_id === null) return;
  const editors = await departmentEditors(trx, [decision.department_id]);
  await notify(trx, decisionEvents(decision, editors, "decision_assigned", `d${decision.department_id}`));
}
