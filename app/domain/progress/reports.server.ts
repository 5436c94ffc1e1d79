import type { Kysely } from "kysely";
import { withActor } from "~db/actor";
import type { Database, LocalizedText, ReportStatus } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { canReviewReports, editableDepartmentIds, forbidden } from "~/domain/auth/permissions.server";
import { isAdmin } from "~/domain/auth/access";
import { claimVersion } from "~/domain/editing/versioned.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { notifyReportReviewed } from "~/domain/notifications/events.server";
import { quarterEnd, type Quarter } from "~/domain/periods/quarter";

// The quarterly report of a department on a road map: the editor submits it, a reviewer (admin, or
// the council's secretary or chair) accepts it or sends it back with a comment. Councils see the
// facts of accepted reports by default.

export interface ReportKey {
  roadMapId: number;
  departmentId: number;
  quarter: Quarter;
}

export interface DepartmentReport {
  id: number;
  status: ReportStatus;
  version: number;
  submittedAt: Date;
  submittedBy: string;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  reviewComment: string | null;
}

export async function findReport(db: Kysely<Database>, key: ReportKey): Promise<DepartmentReport | null> {
  const row = await db
    .selectFrom("department_report as r")
    .innerJoin("app_user as s", "s.id", "r.submitted_by")
    .leftJoin("app_user as v", "v.id", "r.reviewed_by")
    .select([
      "r.id",
      "r.status",
      "r.version",
      "r.submitted_at",
      "s.display_name as submitted_by",
      "r.reviewed_at",
      "v.display_name as reviewed_by",
      "r.review_comment",
    ])
    .where("r.road_map_id", "=", key.roadMapId)
    .where("r.department_id", "=", key.departmentId)
    .where("r.year", "=", key.quarter.year)
    .where("r.quarter", "=", key.quarter.quarter)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
    reviewComment: row.review_comment,
  };
}

/** An editor hands in their department's quarter once it has ended (or resubmits one sent back). */
export async function submitReport(db: Kysely<Database>, principal: Principal, key: ReportKey, today: string) {
  if (!isAdmin(principal) && !editableDepartmentIds(principal).includes(key.departmentId)) throw forbidden();
  // A report is of a department on a road map it answers for: one with a measure of the department's.
  const responsible = await db
    .selectFrom("measure")
    .select("id")
    .where("road_map_id", "=", key.roadMapId)
    .where("responsible_department_id", "=", key.departmentId)
    .executeTakeFirst();
  if (!responsible) throw new Response("Not found", { status: 404 });
  if (today <= quarterEnd(key.quarter)) throw new RefusedWrite("report.quarterNotOver");
  await withActor(db, principal.id, async (trx) => {
    const existing = await trx
      .selectFrom("department_report")
      .select(["id", "status"])
      .where("road_map_id", "=", key.roadMapId)
      .where("department_id", "=", key.departmentId)
      .where("year", "=", key.quarter.year)
      .where("quarter", "=", key.quarter.quarter)
      .forUpdate()
      .executeTakeFirst();
    if (existing && existing.status !== "returned") throw new RefusedWrite(`report.${existing.status}Locked`);
    const values = {
      status: "submitted" as const,
      submitted_at: new Date(),
      submitted_by: principal.id,
      reviewed_at: null,
      reviewed_by: null,
    };
    if (existing) {
      await trx.updateTable("department_report").set(values).where("id", "=", existing.id).execute();
    } else {
      await trx
        .insertInto("department_report")
        .values({
          road_map_id: key.roadMapId,
          department_id: key.departmentId,
          year: key.quarter.year,
          quarter: key.quarter.quarter,
          ...values,
        })
        .execute();
    }
  });
}

/** A reviewer accepts a submitted report, or sends it back with a comment saying what to fix. */
export async function reviewReport(
  db: Kysely<Database>,
  principal: Principal,
  reportId: number,
  version: number,
  decision: { status: "accepted" | "returned"; comment: string | null },
) {
  await withActor(db, principal.id, async (trx) => {
    const report = await trx
      .selectFrom("department_report")
      .select(["road_map_id", "status"])
      .where("id", "=", reportId)
      .executeTakeFirst();
    if (!report) throw new Response("Not found", { status: 404 });
    if (!(await canReviewReports(trx, principal, report.road_map_id))) throw forbidden();
    await claimVersion(trx, "department_report", reportId, version);
    if (report.status !== "submitted") throw new RefusedWrite("report.notSubmitted");
    if (decision.status === "returned" && !decision.comment) {
      throw new RefusedWrite("report.commentRequired", {}, "comment");
    }
    await trx
      .updateTable("department_report")
      .set({
        status: decision.status,
        reviewed_at: new Date(),
        reviewed_by: principal.id,
        review_comment: decision.comment,
      })
      .where("id", "=", reportId)
      .execute();
    await notifyReportReviewed(trx, reportId);
  });
}

export interface ReportForReview {
  id: number;
  version: number;
  roadMapId: number;
  roadMapTitle: LocalizedText;
  departmentId: number;
  departmentName: LocalizedText;
  quarter: Quarter;
  submittedAt: Date;
  submittedBy: string;
}

/** Reports waiting for a decision, oldest first, in the road maps the reviewer looks after (null = all). */
export async function reportsAwaitingReview(
  db: Kysely<Database>,
  roadMapIds: number[] | null,
): Promise<ReportForReview[]> {
  if (roadMapIds !== null && roadMapIds.length === 0) return [];
  let query = db
    .selectFrom("department_report as r")
    .innerJoin("road_map as rm", "rm.id", "r.road_map_id")
    .innerJoin("department as d", "d.id", "r.department_id")
    .innerJoin("app_user as u", "u.id", "r.submitted_by")
    .select([
      "r.id",
      "r.version",
      "r.road_map_id",
      "rm.title as road_map_title",
      "r.department_id",
      "d.name as department_name",
      "r.year",
      "r.quarter",
      "r.submitted_at",
      "u.display_name as submitted_by",
    ])
    .where("r.status", "=", "submitted")
    .orderBy("r.submitted_at");
  if (roadMapIds !== null) query = query.where("r.road_map_id", "in", roadMapIds);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    roadMapId: row.road_map_id,
    roadMapTitle: row.road_map_title,
    departmentId: row.department_id,
    departmentName: row.department_name,
    quarter: { year: row.year, quarter: row.quarter as Quarter["quarter"] },
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
  }));
}
