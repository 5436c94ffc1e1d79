import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { Assignment, Principal } from "./access";

/** A user with their role assignments, or null when they do not exist or are deactivated. */
export async function loadPrincipal(db: Kysely<Database>, userId: number): Promise<Principal | null> {
  const user = await db
    .selectFrom("app_user")
    .select(["id", "login", "display_name", "locale", "is_active"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user || !user.is_active) return null;
  const assignments = await db
    .selectFrom("role_assignment as ra")
    .leftJoin("territory as t", "t.id", "ra.territory_id")
    .select(["ra.role", "ra.department_id", "ra.council_id", "ra.council_position", "t.path"])
    .where("ra.user_id", "=", user.id)
    .orderBy("ra.id")
    .execute();
  return {
    id: user.id,
    login: user.login,
    displayName: user.display_name,
    locale: user.locale,
    assignments: assignments.map((row): Assignment => ({
      role: row.role,
      departmentId: row.department_id,
      councilId: row.council_id,
      councilPosition: row.council_position,
      territoryPath: row.path,
    })),
  };
}
