import type { Transaction } from "kysely";
import type { Database } from "~db/schema";

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
