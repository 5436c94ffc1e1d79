import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "~db/schema";
import type { NotificationEvent } from "./kinds";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Records events for their users, each once: an event already recorded (by another scan, worker or
 * server) is skipped by the unique key. A new one gets a mail in the outbox when its user has an
 * address and has not switched that kind of mail off. Runs inside the caller's transaction, so a
 * review and its notification are committed together or not at all.
 */
export async function notify(db: Db, events: NotificationEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const inserted = await db
    .insertInto("notification")
    .values(
      events.map((event) => ({
        user_id: event.userId,
        kind: event.kind,
        subject: event.subject,
        occurrence: event.occurrence,
        params: JSON.stringify(event.params),
        link: event.link,
      })),
    )
    .onConflict((conflict) => conflict.columns(["user_id", "kind", "subject", "occurrence"]).doNothing())
    .returning(["id"])
    .execute();
  if (inserted.length === 0) return 0;
  const ids = inserted.map((row) => Number(row.id));
  // A meeting's mail waits a little: its agenda is usually written just after it is planned.
  await sql`
    INSERT INTO notification_mail (notification_id, next_attempt_at)
    SELECT n.id, now() + CASE WHEN n.kind IN ('meeting_planned', 'meeting_moved')
                              THEN interval '15 minutes' ELSE interval '0 minutes' END
      FROM notification n JOIN app_user u ON u.id = n.user_id
     WHERE n.id = ANY(${ids}::bigint[])
       AND u.email IS NOT NULL AND u.is_active
       AND NOT EXISTS (
         SELECT 1 FROM notification_preference p
          WHERE p.user_id = n.user_id AND p.kind = n.kind AND NOT p.email)
    ON CONFLICT (notification_id) DO NOTHING`.execute(db);
  return inserted.length;
}

/** Active users holding a role for one of these departments (editors) — those who report for them. */
export async function departmentEditors(db: Db, departmentIds: number[]) {
  if (departmentIds.length === 0) return [];
  return db
    .selectFrom("role_assignment as ra")
    .innerJoin("app_user as u", "u.id", "ra.user_id")
    .select(["u.id as userId", "ra.department_id as departmentId"])
    .where("ra.role", "=", "editor")
    .where("ra.department_id", "in", departmentIds)
    .where("u.is_active", "=", true)
    .execute();
}

/** Active members of a council. */
export async function councilMemberIds(db: Db, councilId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("role_assignment as ra")
    .innerJoin("app_user as u", "u.id", "ra.user_id")
    .select("u.id")
    .distinct()
    .where("ra.role", "=", "council")
    .where("ra.council_id", "=", councilId)
    .where("u.is_active", "=", true)
    .execute();
  return rows.map((row) => row.id);
}
