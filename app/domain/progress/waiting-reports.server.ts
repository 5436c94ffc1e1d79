import type { Kysely } from "kysely";
import type { Database, LocalizedText } from "~db/schema";
import { compareQuarters, reportDueDate, type Quarter } from "~/domain/periods/quarter";

/** A department's quarterly report that waits on the department: late, or sent back to it. */
export interface WaitingReport {
  kind: "late" | "returned";
  roadMapId: number;
  roadMapTitle: LocalizedText;
  departmentId: number;
  departmentName: LocalizedText;
  quarter: Quarter;
  dueDate: string;
  /** The reviewer's comment on a returned report. */
  comment: string | null;
}

/**
 * What /my opens with: every quarter past its due date in which the department had something planned
 * on a road map and submitted no report, and every report sent back to it, newest quarter first.
 */
export async function waitingReports(
  db: Kysely<Database>,
  departmentIds: number[],
  today: string,
): Promise<WaitingReport[]> {
  if (departmentIds.length === 0) return [];
  const currentYear = Number(today.slice(0, 4));
  const [planned, reports] = await Promise.all([
    db
      .selectFrom("measure_plan as p")
      .innerJoin("measure as m", "m.id", "p.measure_id")
      .innerJoin("road_map as rm", "rm.id", "m.road_map_id")
      .innerJoin("department as d", "d.id", "m.responsible_department_id")
      .select([
        "m.road_map_id",
        "rm.title as road_map_title",
        "m.responsible_department_id as department_id",
        "d.name as department_name",
        "p.year",
        "p.quarter",
      ])
      .distinct()
      .where("m.responsible_department_id", "in", departmentIds)
      .where("m.control_state", "=", "on_control")
      .where("p.planned", ">", 0)
      .where("p.year", "<=", currentYear)
      .execute(),
    db
      .selectFrom("department_report as r")
      .innerJoin("road_map as rm", "rm.id", "r.road_map_id")
      .innerJoin("department as d", "d.id", "r.department_id")
      .select([
        "r.road_map_id",
        "rm.title as road_map_title",
        "r.department_id",
        "d.name as department_name",
        "r.year",
        "r.quarter",
        "r.status",
        "r.review_comment",
      ])
      .where("r.department_id", "in", departmentIds)
      .execute(),
  ]);
  const keyOf = (row: { road_map_id: number; department_id: number; year: number; quarter: number }) =>
    `${row.road_map_id}:${row.department_id}:${row.year}:${row.quarter}`;
  const reported = new Set(reports.map(keyOf));
  const waiting: WaitingReport[] = [];
  for (const row of planned) {
    const quarter = { year: row.year, quarter: row.quarter as Quarter["quarter"] };
    const dueDate = reportDueDate(quarter);
    if (dueDate >= today || reported.has(keyOf(row))) continue;
    waiting.push({
      kind: "late",
      roadMapId: row.road_map_id,
      roadMapTitle: row.road_map_title,
      departmentId: row.department_id,
      departmentName: row.department_name,
      quarter,
      dueDate,
      comment: null,
    });
  }
  for (const row of reports) {
    if (row.status !== "returned") continue;
    const quarter = { year: row.year, quarter: row.quarter as Quarter["quarter"] };
    waiting.push({
      kind: "returned",
      roadMapId: row.road_map_id,
      roadMapTitle: row.road_map_title,
      departmentId: row.department_id,
      departmentName: row.department_name,
      quarter,
      dueDate: reportDueDate(quarter),
      comment: row.review_comment,
    });
  }
  return waiting.sort(
    (a, b) => compareQuarters(b.quarter, a.quarter) || a.roadMapId - b.roadMapId || a.departmentId - b.departmentId,
  );
}
