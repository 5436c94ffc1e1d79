import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { isAdmin, type Principal } from "./access";

// Write permissions. Every action calls one of these before it touches anything; a refusal is a 403
// (or a 404 where even the record's existence is not the user's business).

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export function requireAdmin(principal: Principal): void {
  if (!isAdmin(principal)) throw forbidden();
}

/** Department ids whose measures the user reports on. */
export function editableDepartmentIds(principal: Principal): number[] {
  return principal.assignments.flatMap((a) => (a.role === "editor" && a.departmentId !== null ? [a.departmentId] : []));
}

/** Progress on a measure is written by an editor of its responsible department, or by an admin. */
export function canWriteProgress(principal: Principal, responsibleDepartmentId: number): boolean {
  return isAdmin(principal) || editableDepartmentIds(principal).includes(responsibleDepartmentId);
}

/** Council posts that review quarterly reports. */
function reviewingCouncilIds(principal: Principal): number[] {
  return principal.assignments.flatMap((a) =>
    a.role === "council" && a.councilId !== null && (a.councilPosition === "secretary" || a.councilPosition === "chair")
      ? [a.councilId]
      : [],
  );
}

/** Whether the user reviews any reports at all (which road maps, canReviewReports decides). */
export function mayReviewSomewhere(principal: Principal): boolean {
  return isAdmin(principal) || reviewingCouncilIds(principal).length > 0;
}

/** Road maps whose reports the user reviews; null = all of them (an admin). */
export async function reviewableRoadMapIds(db: Kysely<Database>, principal: Principal): Promise<number[] | null> {
  if (isAdmin(principal)) return null;
  const councilIds = reviewingCouncilIds(principal);
  if (councilIds.length === 0) return [];
  const rows = await db
    .selectFrom("council_scope")
    .select("road_map_id")
    .distinct()
    .where("council_id", "in", councilIds)
    .execute();
  return rows.map((row) => row.road_map_id);
}

/**
 * Quarterly reports of a road map are reviewed by an admin, or by the secretary or chair of a council
 * whose scope holds the road map.
 */
export async function canReviewReports(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
): Promise<boolean> {
  if (isAdmin(principal)) return true;
  const councilIds = reviewingCouncilIds(principal);
  if (councilIds.length === 0) return false;
  const scope = await db
    .selectFrom("council_scope")
    .select("id")
    .where("road_map_id", "=", roadMapId)
    .where("council_id", "in", councilIds)
    .executeTakeFirst();
  return scope !== undefined;
}
