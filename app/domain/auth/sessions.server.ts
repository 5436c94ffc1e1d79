import { createHash, randomBytes } from "node:crypto";
import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { Database } from "~db/schema";
import type { Assignment, Principal } from "./access";

/** How long a session lasts: since it was last used, and at most since it was opened. */
export interface SessionLimits {
  idleHours: number;
  maxDays: number;
}

/** A session's last use is written at most this often, so that reading pages does not write on every request. */
const TOUCH_AFTER_SECONDS = 60;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

type Db = Kysely<Database> | Transaction<Database>;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function live(limits: SessionLimits) {
  return sql<boolean>`last_seen_at > now() - ${limits.idleHours}::float8 * interval '1 hour'
    AND created_at > now() - ${limits.maxDays}::float8 * interval '1 day'`;
}

/** Opens a session and returns its token, which only the cookie keeps. Sessions past their time go. */
export async function openSession(
  db: Db,
  userId: number,
  userAgent: string | null,
  limits: SessionLimits,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .deleteFrom("user_session")
    .where(sql<boolean>`NOT (${live(limits)})`)
    .execute();
  await db
    .insertInto("user_session")
    .values({ token_hash: hashToken(token), user_id: userId, user_agent: userAgent?.slice(0, 300) || null })
    .execute();
  return token;
}

/** The user's newest notification and how many are unread: what the header's bell shows. */
export interface NotificationStamp {
  newest: string;
  unread: number;
}

/**
 * The live session a token opens with its user and their role assignments, in one statement (every page
 * asks for it), with `alongside` read in that statement too when given (the view cache's revision); null when there is none or the user was deactivated. Its last use is brought up to
 * date when a minute old.
 */
export async function findSessionPrincipal<T = null>(
  db: Db,
  token: unknown,
  limits: SessionLimits,
  alongside?: RawBuilder<T>,
): Promise<{ id: number; principal: Principal; notifications: NotificationStamp; alongside: T } | null> {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  const row = await db
    .selectFrom("user_session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .select([
      "s.id",
      "u.id as user_id",
      "u.login",
      "u.display_name",
      "u.locale",
      sql<boolean>`s.last_seen_at < now() - ${TOUCH_AFTER_SECONDS}::float8 * interval '1 second'`.as("stale"),
      sql<Assignment[]>`(
        SELECT coalesce(json_agg(json_build_object(
                 'role', ra.role, 'departmentId', ra.department_id, 'councilId', ra.council_id,
                 'councilPosition', ra.council_position, 'territoryPath', t.path) ORDER BY ra.id), '[]')
          FROM role_assignment ra LEFT JOIN territory t ON t.id = ra.territory_id
         WHERE ra.user_id = u.id)`.as("assignments"),
      // The header's bell, read with the session rather than by a statement of its own on every page.
      sql<string>`(SELECT coalesce(max(n.id), 0)::text FROM notification n WHERE n.user_id = u.id)`.as(
        "newest_notification",
      ),
      sql<number>`(SELECT count(*)::int FROM notification n WHERE n.user_id = u.id AND n.read_at IS NULL)`.as(
        "unread_notifications",
      ),
      (alongside ?? sql<T>`null`).as("alongside"),
    ])
    .where("s.token_hash", "=", hashToken(token))
    .where(
      sql<boolean>`s.last_seen_at > now() - ${limits.idleHours}::float8 * interval '1 hour'
      AND s.created_at > now() - ${limits.maxDays}::float8 * interval '1 day'`,
    )
    .where("u.is_active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  if (row.stale)
    await db
      .updateTable("user_session")
      .set({ last_seen_at: sql`now()` })
      .where("id", "=", row.id)
      .execute();
  const assignments =
    typeof row.assignments === "string" ? (JSON.parse(row.assignments) as Assignment[]) : row.assignments;
  return {
    id: row.id,
    principal: {
      id: row.user_id,
      login: row.login,
      displayName: row.display_name,
      locale: row.locale,
      assignments,
    },
    notifications: { newest: String(row.newest_notification), unread: Number(row.unread_notifications) },
    // Kysely types a selected raw value as SelectType<T>, which is T itself for a plain value.
    alongside: row.alongside as T,
  };
}

export async function endSessionByToken(db: Db, token: unknown): Promise<void> {
  if (typeof token !== "string" || !TOKEN.test(token)) return;
  await db.deleteFrom("user_session").where("token_hash", "=", hashToken(token)).execute();
}

/** Ends one of a user's own sessions; false when it is not theirs or already over. */
export async function endOwnSession(db: Db, userId: number, sessionId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("user_session")
    .where("id", "=", sessionId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ends every session of a user, or every one but `except` (the one that changed the password). */
export async function endUserSessions(db: Db, userId: number, except?: number): Promise<number> {
  let query = db.deleteFrom("user_session").where("user_id", "=", userId);
  if (except !== undefined) query = query.where("id", "<>", except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listSessions(db: Db, userId: number, limits: SessionLimits) {
  return db
    .selectFrom("user_session")
    .select(["id", "created_at", "last_seen_at", "user_agent"])
    .where("user_id", "=", userId)
    .where(live(limits))
    .orderBy("last_seen_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function countSessions(db: Db, userId: number, limits: SessionLimits): Promise<number> {
  const { count } = await db
    .selectFrom("user_session")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("user_id", "=", userId)
    .where(live(limits))
    .executeTakeFirstOrThrow();
  return Number(count);
}
