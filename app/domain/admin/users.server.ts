import { sql, type Kysely } from "kysely";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { hashPassword, verifyPassword } from "~/domain/auth/password.server";
import { passwordProblem } from "~/domain/auth/password-rules.server";
import { endUserSessions } from "~/domain/auth/sessions.server";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { claimVersion } from "~/domain/editing/versioned.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { refuseTakenEmail } from "~/domain/accounts/account-email.server";
import {
  localizedValue,
  type ChangePasswordInput,
  type CreateUserInput,
  type ResetPasswordInput,
  type RoleInput,
  type UserInput,
} from "./admin-schema";
import { notFound } from "./programmes.server";

export async function listUsers(db: Kysely<Database>) {
  const [users, roles] = await Promise.all([
    db.selectFrom("app_user").select(["id", "login", "display_name", "locale", "is_active"]).orderBy("login").execute(),
    db.selectFrom("role_assignment").select(["user_id", "role"]).execute(),
  ]);
  return users.map((user) => ({
    ...user,
    roles: [...new Set(roles.filter((r) => r.user_id === user.id).map((r) => r.role))],
  }));
}

export async function userDetail(db: Kysely<Database>, userId: number) {
  const user = await db
    .selectFrom("app_user")
    .select(["id", "login", "display_name", "title", "locale", "email", "is_active", "version", "password_changed_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) throw notFound();
  const assignments = await db
    .selectFrom("role_assignment as ra")
    .leftJoin("department as d", "d.id", "ra.department_id")
    .leftJoin("council as c", "c.id", "ra.council_id")
    .leftJoin("territory as t", "t.id", "ra.territory_id")
    .select([
      "ra.id",
      "ra.role",
      "ra.council_position",
      "ra.version",
      "d.name as department_name",
      "c.title as council_title",
      "t.name as territory_name",
    ])
    .where("ra.user_id", "=", userId)
    .orderBy("ra.id")
    .execute();
  return { user, assignments };
}

export async function createUser(db: Kysely<Database>, principal: Principal, input: CreateUserInput): Promise<number> {
  requireAdmin(principal);
  await refuseWeakPassword(input.password, { login: input.login, displayName: input.displayName });
  const passwordHash = await hashPassword(input.password);
  return withActor(db, principal.id, async (trx) => {
    const taken = await trx.selectFrom("app_user").select("id").where("login", "=", input.login).executeTakeFirst();
    if (taken) throw new RefusedWrite("admin.validation.loginTaken", {}, "login");
    await refuseTakenEmail(trx, input.email);
    const { id } = await trx
      .insertInto("app_user")
      .values({
        login: input.login,
        display_name: input.displayName,
        title: localizedValue(input.titleKk, input.titleRu, input.titleEn),
        locale: input.locale,
        email: input.email ?? null,
        password_hash: passwordHash,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  });
}

export async function saveUser(db: Kysely<Database>, principal: Principal, userId: number, input: UserInput) {
  requireAdmin(principal);
  if (userId === principal.id && !input.isActive) throw new RefusedWrite("admin.users.selfDeactivate", {}, "isActive");
  await withActor(db, principal.id, async (trx) => {
    await claimVersion(trx, "app_user", userId, input.version);
    await refuseTakenEmail(trx, input.email, userId);
    await trx
      .updateTable("app_user")
      .set({
        display_name: input.displayName,
        title: localizedValue(input.titleKk, input.titleRu, input.titleEn),
        locale: input.locale,
        email: input.email ?? null,
        is_active: input.isActive,
      })
      .where("id", "=", userId)
      .execute();
    if (!input.isActive) await endUserSessions(trx, userId);
  });
}

/** Gives a user a role with its scope: editor → department, council → council, akim → territory. */
export async function addRole(db: Kysely<Database>, principal: Principal, userId: number, input: RoleInput) {
  requireAdmin(principal);
  await withActor(db, principal.id, async (trx) => {
    const user = await trx.selectFrom("app_user").select("id").where("id", "=", userId).executeTakeFirst();
    if (!user) throw notFound();
    const scoped = (role: RoleInput["role"], value: number | undefined, ...roles: RoleInput["role"][]) =>
      roles.includes(role) ? (value ?? null) : null;
    const values = {
      user_id: userId,
      role: input.role,
      department_id: scoped(input.role, input.departmentId, "editor"),
      council_id: scoped(input.role, input.councilId, "council"),
      council_position: input.role === "council" ? (input.councilPosition ?? null) : null,
      territory_id: scoped(input.role, input.territoryId, "akim", "viewer"),
    };
    const existing = await trx
      .selectFrom("role_assignment")
      .select("id")
      .where("user_id", "=", userId)
      .where("role", "=", values.role)
      .where("department_id", values.department_id === null ? "is" : "=", values.department_id)
      .where("council_id", values.council_id === null ? "is" : "=", values.council_id)
      .where("territory_id", values.territory_id === null ? "is" : "=", values.territory_id)
      .executeTakeFirst();
    if (existing) throw new RefusedWrite("admin.users.roleExists", {}, "role");
    await trx.insertInto("role_assignment").values(values).execute();
  });
}

export async function removeRole(
  db: Kysely<Database>,
  principal: Principal,
  userId: number,
  assignmentId: number,
  version: number,
) {
  requireAdmin(principal);
  await withActor(db, principal.id, async (trx) => {
    const assignment = await trx
      .selectFrom("role_assignment")
      .select(["user_id", "role"])
      .where("id", "=", assignmentId)
      .executeTakeFirst();
    if (assignment && assignment.user_id !== userId) throw notFound();
    await claimVersion(trx, "role_assignment", assignmentId, version);
    // An administrator cannot lock themselves out.
    if (assignment?.role === "admin" && userId === principal.id) throw new RefusedWrite("admin.users.selfAdmin");
    await trx.deleteFrom("role_assignment").where("id", "=", assignmentId).execute();
  });
}

/** A new password must meet the rules; the reason, translated, goes to the password field. */
async function refuseWeakPassword(password: string, user: { login: string; displayName: string }) {
  const problem = await passwordProblem(password, user);
  if (problem) throw new RefusedWrite(problem, {}, "password");
}

async function refuseCurrentPassword(passwordHash: string, password: string) {
  if (await verifyPassword(passwordHash, password)) throw new RefusedWrite("passwordRule.current", {}, "password");
}

/** An administrator sets a new password; every open session of the user ends. */
export async function resetPassword(
  db: Kysely<Database>,
  principal: Principal,
  userId: number,
  input: ResetPasswordInput,
) {
  requireAdmin(principal);
  const user = await db
    .selectFrom("app_user")
    .select(["login", "display_name", "password_hash"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) throw notFound();
  await refuseWeakPassword(input.password, { login: user.login, displayName: user.display_name });
  await refuseCurrentPassword(user.password_hash, input.password);
  const passwordHash = await hashPassword(input.password);
  await withActor(db, principal.id, async (trx) => {
    await claimVersion(trx, "app_user", userId, input.version);
    await trx
      .updateTable("app_user")
      .set({ password_hash: passwordHash, password_changed_at: sql<Date>`now()` })
      .where("id", "=", userId)
      .execute();
    await endUserSessions(trx, userId);
  });
}

/**
 * Every user changes their own password, knowing the current one; their other sessions end, the one
 * they changed it in (`keepSessionId`) goes on.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  principal: Principal,
  input: ChangePasswordInput,
  keepSessionId?: number,
) {
  const user = await db
    .selectFrom("app_user")
    .select("password_hash")
    .where("id", "=", principal.id)
    .executeTakeFirst();
  if (!user) throw notFound();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new RefusedWrite("admin.validation.wrongPassword", {}, "currentPassword");
  }
  await refuseWeakPassword(input.password, { login: principal.login, displayName: principal.displayName });
  await refuseCurrentPassword(user.password_hash, input.password);
  const passwordHash = await hashPassword(input.password);
  await withActor(db, principal.id, async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ password_hash: passwordHash, password_changed_at: sql<Date>`now()` })
      .where("id", "=", principal.id)
      .execute();
    await endUserSessions(trx, principal.id, keepSessionId);
  });
}

/** An administrator signs a user out everywhere (a lost laptop, a departed officer). */
export async function endSessionsOf(db: Kysely<Database>, principal: Principal, userId: number): Promise<number> {
  requireAdmin(principal);
  return endUserSessions(db, userId);
}
