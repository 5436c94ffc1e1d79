import { sql, type Kysely } from "kysely";
import { z } from "zod";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import { pageFromParam, type Paging } from "~/domain/progress/paging";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { NOTIFICATION_KINDS, isNotificationKind, type NotificationKind, type NotificationParams } from "./kinds";
import { renderNotification } from "./render";

// The notification centre of one user: the count for the bell, the list, read marks and the choice of
// what also comes by e-mail. Everything here is the signed-in user's own: no id of another user is taken.

export const NOTIFICATIONS_PAGE_SIZE = 20;

export async function unreadCount(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom("notification")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * What the header's bell depends on, for keeping pages (http/view-cache.server.ts): the newest
 * notification and the unread count, so that a new one or a read mark makes another page.
 */
export async function notificationStamp(db: Kysely<Database>, userId: number): Promise<string> {
  return (await notificationStampQuery(db, userId).executeTakeFirstOrThrow()).stamp;
}

/** The stamp as a query of one row, to be read alone or inside another statement. */
export function notificationStampQuery(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom("notification")
    .select(sql<string>`coalesce(max(id), 0) || ':' || count(*) FILTER (WHERE read_at IS NULL)`.as("stamp"))
    .where("user_id", "=", userId);
}

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string | null;
  link: string;
  createdAt: string;
  read: boolean;
}

/** A page of the user's notifications, newest first, in the reader's language. */
export async function notificationPage(
  db: Kysely<Database>,
  userId: number,
  locale: Locale,
  pageParam: string | null,
): Promise<{ items: NotificationView[]; paging: Paging; unread: number }> {
  const [{ n: total }, unread] = await Promise.all([
    db
      .selectFrom("notification")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow(),
    unreadCount(db, userId),
  ]);
  const paging = pageFromParam(pageParam, Number(total), NOTIFICATIONS_PAGE_SIZE);
  const rows = await db
    .selectFrom("notification")
    .select(["id", "kind", "params", "link", "created_at", "read_at"])
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(paging.size)
    .offset(paging.offset)
    .execute();
  const t = translator(locale);
  const items = rows.flatMap((row): NotificationView[] => {
    // A kind this build no longer knows (after a downgrade) is left out rather than shown as keys.
    if (!isNotificationKind(row.kind)) return [];
    const { title, body } = renderNotification(t, locale, row.kind, row.params as NotificationParams);
    return [
      {
        id: Number(row.id),
        kind: row.kind,
        title,
        body,
        link: row.link,
        createdAt: new Date(row.created_at).toISOString(),
        read: row.read_at !== null,
      },
    ];
  });
  return { items, paging, unread };
}

/** Marks one of the user's notifications read and says where it leads; null when it is not theirs. */
export async function openNotification(db: Kysely<Database>, userId: number, id: number): Promise<string | null> {
  const row = await db
    .updateTable("notification")
    .set({ read_at: new Date() })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .returning("link")
    .executeTakeFirst();
  return row?.link ?? null;
}

export async function markAllRead(db: Kysely<Database>, userId: number): Promise<void> {
  await db
    .updateTable("notification")
    .set({ read_at: new Date() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .execute();
}

/** Which kinds come by e-mail: every kind, true unless the user switched it off. */
export async function mailPreferences(
  db: Kysely<Database>,
  userId: number,
): Promise<Record<NotificationKind, boolean>> {
  const rows = await db
    .selectFrom("notification_preference")
    .select(["kind", "email"])
    .where("user_id", "=", userId)
    .execute();
  const off = new Set(rows.filter((row) => !row.email).map((row) => row.kind));
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, !off.has(kind)])) as Record<
    NotificationKind,
    boolean
  >;
}

/** The settings form: a checkbox per kind, ticked = by e-mail (an unticked box is not sent at all). */
export const preferencesSchema = z.object({
  intent: z.literal("save-preferences"),
  email: z
    .array(z.enum(NOTIFICATION_KINDS))
    .max(NOTIFICATION_KINDS.length)
    .optional()
    .transform((kinds) => kinds ?? []),
});

/** Saves the user's choice in one audited transaction; a kind's row changes only when its choice does. */
export async function savePreferences(db: Kysely<Database>, userId: number, byEmail: readonly NotificationKind[]) {
  const wanted = new Set(byEmail);
  await withActor(db, userId, async (trx) => {
    for (const kind of NOTIFICATION_KINDS) {
      await trx
        .insertInto("notification_preference")
        .values({ user_id: userId, kind, email: wanted.has(kind) })
        .onConflict((conflict) =>
          conflict
            .columns(["user_id", "kind"])
            .doUpdateSet({ email: wanted.has(kind), updated_at: new Date() })
            .where("notification_preference.email", "!=", wanted.has(kind)),
        )
        .execute();
    }
  });
}

/** Where the user's notification mail goes, if anywhere. */
export async function userEmail(db: Kysely<Database>, userId: number): Promise<string | null> {
  const row = await db.selectFrom("app_user").select("email").where("id", "=", userId).executeTakeFirst();
  return row?.email ?? null;
}
