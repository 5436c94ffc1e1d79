import { sql, type Kysely, type Transaction } from "kysely";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import { quarterOf, todayIn, type Quarter } from "~/domain/periods/quarter";

// Accounts of the national-scale data (scripts/generate-national.ts) that the benchmark signs in as.

/** Head of road map 1's department 1 (500 of its 5 000 measures): the editor of that department. */
export const DEPARTMENT_HEAD = { login: "head.department", displayName: "Head of department 1.1", departmentId: 1 };

/**
 * Adds the department head, with the editor role on the department as the product's role table
 * holds it, unless the login exists already (data generated before this account was added).
 */
export async function addDepartmentHead(trx: Transaction<Database>, passwordHash: string): Promise<void> {
  const existing = await trx
    .selectFrom("app_user")
    .select("id")
    .where("login", "=", DEPARTMENT_HEAD.login)
    .executeTakeFirst();
  if (existing) return;
  const { id } = await trx
    .insertInto("app_user")
    .values({ login: DEPARTMENT_HEAD.login, display_name: DEPARTMENT_HEAD.displayName, password_hash: passwordHash })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("role_assignment")
    .values({ user_id: id, role: "editor", department_id: DEPARTMENT_HEAD.departmentId })
    .execute();
}

/**
 * The benchmark's reporting week: the department head added (when the data predates the account), and
 * their department's report for the current quarter sent back by `admin`, so that /my is the form to
 * fill in and the measure page takes entries. Returns who and what that is.
 */
export async function sendBackHeadsQuarter(
  db: Kysely<Database>,
  roadMapId: number,
  passwordHash: string,
): Promise<{ adminId: number; departmentId: number; quarter: Quarter }> {
  await withActor(db, "system", (trx) => addDepartmentHead(trx, passwordHash));
  const { id: adminId } = await db
    .selectFrom("app_user")
    .select("id")
    .where("login", "=", "admin")
    .executeTakeFirstOrThrow();
  const { department_id: departmentId } = await db
    .selectFrom("role_assignment as r")
    .innerJoin("app_user as u", "u.id", "r.user_id")
    .select("r.department_id")
    .where("u.login", "=", DEPARTMENT_HEAD.login)
    .where("r.role", "=", "editor")
    .executeTakeFirstOrThrow();
  if (departmentId === null) throw new Error(`${DEPARTMENT_HEAD.login} is an editor of no department`);
  const quarter = quarterOf(todayIn("Asia/Almaty"));
  await withActor(db, "system", (trx) =>
    trx
      .updateTable("department_report")
      .set({
        status: "returned",
        reviewed_at: sql`now()`,
        reviewed_by: adminId,
        review_comment: "Sent back for the benchmark's reporting week",
      })
      .where("road_map_id", "=", roadMapId)
      .where("department_id", "=", departmentId)
      .where("year", "=", quarter.year)
      .where("quarter", "=", quarter.quarter)
      .where("status", "!=", "returned")
      .execute(),
  );
  return { adminId, departmentId, quarter };
}
