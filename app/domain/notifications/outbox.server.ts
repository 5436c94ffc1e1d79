import { sql, type Kysely } from "kysely";
import type { Database, LocalizedText } from "~db/schema";
import type { Mailer, OutgoingMail } from "~/domain/mail/mailer.server";
import { translator } from "~/i18n/i18n";
import { isLocale, pickText, type Locale } from "~/i18n/locales";
import { isNotificationKind, type NotificationParams } from "./kinds";
import { renderNotification } from "./render";

// The outbox of notification mails. A sender claims a batch with FOR UPDATE SKIP LOCKED and marks it
// claimed for a lease, in one statement, before sending: another worker or server skips what is
// claimed. A failed send is tried again later (1, 4, 16, 64 minutes), up to MAX_ATTEMPTS; a sender
// that dies mid-send leaves its claim to expire, and that mail is tried again.

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 2 * 60_000;
const BACKOFF_MS = 60_000;
/** Mail not sent by then (no SMTP server was configured, or it kept failing) is no longer news. */
const STALE_MS = 3 * 86_400_000;

export interface SendOptions {
  /** Where links in mails point: PUBLIC_URL. */
  origin: string;
  now?: Date;
  batchSize?: number;
}

export interface SendResult {
  sent: number;
  failed: number;
  dropped: number;
}

/** Gives up on mail that waited too long; run whether or not an SMTP server is configured. */
export async function dropStaleMail(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db
    .updateTable("notification_mail")
    .set({ status: "dropped", claimed_until: null })
    .where("status", "=", "pending")
    .where("created_at", "<", new Date(now.getTime() - STALE_MS))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

async function claim(db: Kysely<Database>, now: Date, batchSize: number) {
  const lease = new Date(now.getTime() + LEASE_MS);
  const { rows } = await sql<{ id: number; notification_id: number; attempts: number }>`
    UPDATE notification_mail SET claimed_until = ${lease}, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM notification_mail
        WHERE status = 'pending' AND next_attempt_at <= ${now}
          AND (claimed_until IS NULL OR claimed_until < ${now})
        ORDER BY id
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, notification_id, attempts`.execute(db);
  return rows.map((row) => ({ ...row, id: Number(row.id), notification_id: Number(row.notification_id) }));
}

/** Sends the mails that are due, once each across every process; returns what became of them. */
export async function sendDueMail(db: Kysely<Database>, mailer: Mailer, options: SendOptions): Promise<SendResult> {
  const now = options.now ?? new Date();
  const result: SendResult = { sent: 0, failed: 0, dropped: 0 };
  if (!mailer.configured) return result;
  const claimed = await claim(db, now, options.batchSize ?? 50);
  for (const mail of claimed) {
    const composed = await composeMail(db, mail.notification_id, options.origin);
    if (!composed) {
      await finish(db, mail.id, { status: "dropped" });
      result.dropped++;
      continue;
    }
    try {
      await mailer.send(composed);
      await finish(db, mail.id, { status: "sent", sent_at: new Date() });
      result.sent++;
    } catch (error) {
      const last_error = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      if (mail.attempts >= MAX_ATTEMPTS) {
        await finish(db, mail.id, { status: "failed", last_error });
      } else {
        const delay = BACKOFF_MS * 4 ** (mail.attempts - 1);
        await finish(db, mail.id, { last_error, next_attempt_at: new Date(now.getTime() + delay) });
      }
      result.failed++;
    }
  }
  return result;
}

async function finish(
  db: Kysely<Database>,
  id: number,
  values: { status?: "sent" | "failed" | "dropped"; sent_at?: Date; last_error?: string; next_attempt_at?: Date },
) {
  await db
    .updateTable("notification_mail")
    .set({ ...values, claimed_until: null })
    .where("id", "=", id)
    .execute();
}

/**
 * A notification's mail in its user's language, or null when it should no longer go: the user has no
 * address, was switched off, or no longer wants that kind by e-mail.
 */
export async function composeMail(
  db: Kysely<Database>,
  notificationId: number,
  origin: string,
): Promise<OutgoingMail | null> {
  const row = await db
    .selectFrom("notification as n")
    .innerJoin("app_user as u", "u.id", "n.user_id")
    .leftJoin("notification_preference as p", (join) =>
      join.onRef("p.user_id", "=", "n.user_id").onRef("p.kind", "=", "n.kind"),
    )
    .select(["n.kind", "n.subject", "n.params", "n.link", "u.email", "u.locale", "u.is_active", "p.email as wanted"])
    .where("n.id", "=", notificationId)
    .executeTakeFirst();
  if (!row || !row.email || !row.is_active || row.wanted === false || !isNotificationKind(row.kind)) return null;
  const locale: Locale = isLocale(row.locale) ? row.locale : "kk";
  const t = translator(locale);
  const { title, body } = renderNotification(t, locale, row.kind, row.params as NotificationParams);
  const lines = [title];
  if (body) lines.push("", body);
  const meetingId = /^meeting:(\d+)$/.exec(row.subject)?.[1];
  if (meetingId) lines.push(...(await agendaLines(db, Number(meetingId), locale, t("notifications.agenda"))));
  lines.push("", t("notifications.mailOpen", { link: new URL(row.link, origin).toString() }));
  lines.push("", "—", t("notifications.mailFooter", { link: new URL("/notifications/settings", origin).toString() }));
  return { to: row.email, subject: title, text: lines.join("\n") };
}

async function agendaLines(db: Kysely<Database>, meetingId: number, locale: Locale, heading: string) {
  const items = await db
    .selectFrom("agenda_item")
    .select(["position", "title"])
    .where("meeting_id", "=", meetingId)
    .orderBy("position")
    .execute();
  if (items.length === 0) return [];
  return [
    "",
    heading,
    ...items.map((item, index) => `${index + 1}. ${pickText(item.title as LocalizedText, locale)?.text ?? ""}`),
  ];
}
