import type { AddressInfo } from "node:net";
import type { Kysely } from "kysely";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { smtpMailer } from "~/domain/mail/mailer.server";
import { notificationPage, savePreferences } from "~/domain/notifications/center.server";
import { createScheduler } from "~/domain/notifications/scheduler.server";
import { reviewReport, submitReport, findReport } from "~/domain/progress/reports.server";
import { createWorld, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

// 2024-Q3's report is due on 2024-10-05: a week before is 2024-09-28 (Asia/Almaty).
const WEEK_BEFORE = { today: "2024-09-28" };
const ORIGIN = "https://oryndau.example.kz";

interface Received {
  to: string;
  raw: string;
}

describe(`notifications by e-mail through a real SMTP server on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let server: SMTPServer;
  let smtpUrl: string;
  const received: Received[] = [];
  let kkEditor: number;
  let ruEditor: number;

  const scheduler = () =>
    createScheduler({
      db,
      mailer: smtpMailer(smtpUrl, "Oryndau <no-reply@oryndau.example.kz>"),
      timeZone: "Asia/Almaty",
      origin: ORIGIN,
      onError: (error) => {
        throw error;
      },
    });

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(","),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    ({ kkEditor, ruEditor } = await withActor(db, "system", async (trx) => {
      await trx
        .updateTable("app_user")
        .set({ email: "editor@demo.oryndau.example" })
        .where("id", "=", world.editorId)
        .execute();
      const ru = await trx
        .insertInto("app_user")
        .values({
          login: "ru-editor",
          display_name: "Ru",
          password_hash: "x",
          locale: "ru",
          email: "ru@demo.oryndau.example",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("role_assignment")
        .values({ user_id: ru.id, role: "editor", department_id: world.departmentId })
        .execute();
      return { kkEditor: world.editorId, ruEditor: ru.id };
    }));
  });
  afterAll(async () => {
    await close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(async () => {
    received.length = 0;
    await db.deleteFrom("notification").execute();
    await withActor(db, "system", (trx) => trx.deleteFrom("notification_preference").execute());
  });

  const mailsTo = (address: string) => received.filter((mail) => mail.to === address);
  // The mail's text part as sent: nodemailer encodes Cyrillic text as base64 or quoted-printable.
  const text = (raw: string) => {
    const split = raw.indexOf("\r\n\r\n");
    const headers = raw.slice(0, split);
    const body = raw.slice(split + 4);
    if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body, "base64").toString("utf8");
    if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
      const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`);
      return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, "%25"));
    }
    return body;
  };

  it("a due report sends one mail per user and event, in the user's language, however often and by however many schedulers it runs", async () => {
    await scheduler().runOnce(WEEK_BEFORE);
    expect(mailsTo("editor@demo.oryndau.example")).toHaveLength(1);
    expect(mailsTo("ru@demo.oryndau.example")).toHaveLength(1);
    expect(text(mailsTo("editor@demo.oryndau.example")[0]!.raw)).toContain("есебін");
    expect(text(mailsTo("ru@demo.oryndau.example")[0]!.raw)).toContain("Отчёт за 3 квартал 2024 г. нужно сдать до");
    expect(text(mailsTo("ru@demo.oryndau.example")[0]!.raw)).toContain(`${ORIGIN}/my?quarter=2024-Q3`);

    // The same scheduler again, a «restarted» one (new objects over the same database), two at once.
    const first = scheduler();
    await first.runOnce(WEEK_BEFORE);
    await scheduler().runOnce(WEEK_BEFORE);
    await Promise.all([scheduler().runOnce(WEEK_BEFORE), scheduler().runOnce(WEEK_BEFORE)]);
    expect(received).toHaveLength(2);

    // The day before is another event: one more mail each.
    await Promise.all([scheduler().runOnce({ today: "2024-10-04" }), first.runOnce({ today: "2024-10-04" })]);
    expect(received).toHaveLength(4);
    const rows = await db.selectFrom("notification").select(["user_id", "occurrence"]).execute();
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((row) => row.user_id))).toEqual(new Set([kkEditor, ruEditor]));
  });

  it("a user who switched that kind of mail off is notified in the app only", async () => {
    await savePreferences(db, ruEditor, []);
    await scheduler().runOnce(WEEK_BEFORE);
    expect(mailsTo("ru@demo.oryndau.example")).toHaveLength(0);
    expect(mailsTo("editor@demo.oryndau.example")).toHaveLength(1);
    const page = await notificationPage(db, ruEditor, "ru", null);
    expect(page.unread).toBe(1);
    expect(page.items[0]!.title).toContain("Отчёт за 3 квартал 2024 г.");
    const audited = await db
      .selectFrom("audit_log")
      .select("after")
      .where("table_name", "=", "notification_preference")
      .where("parent_id", "=", ruEditor)
      .execute();
    expect(audited.length).toBeGreaterThan(0);
  });

  it("a returned report notifies its department with the reviewer's comment, in the same transaction as the review", async () => {
    const admin = await withActor(db, "system", async (trx) => {
      const user = await trx
        .insertInto("app_user")
        .values({ login: "admin", display_name: "Reviewer Admin", password_hash: "x" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("role_assignment").values({ user_id: user.id, role: "admin" }).execute();
      await trx
        .insertInto("measure_plan")
        .values({ measure_id: world.measureId, territory_id: world.cityId, year: 2024, quarter: 2, planned: 1 })
        .execute();
      return user.id;
    });
    const editor = (await loadPrincipal(db, kkEditor))!;
    const reviewer = (await loadPrincipal(db, admin))!;
    const key = {
      roadMapId: world.roadMapId,
      departmentId: world.departmentId,
      quarter: { year: 2024, quarter: 2 as const },
    };
    await submitReport(db, editor, key, "2024-07-02");
    const report = (await findReport(db, key))!;
    await reviewReport(db, reviewer, report.id, report.version, { status: "returned", comment: "Қамтуды көрсетіңіз" });
    const kk = await notificationPage(db, kkEditor, "kk", null);
    expect(kk.items[0]!.title).toContain("түзетуге қайтарылды");
    expect(kk.items[0]!.body).toContain("Reviewer Admin: «Қамтуды көрсетіңіз»");
    // Read in another language, the same notification speaks it.
    const en = await notificationPage(db, kkEditor, "en", null);
    expect(en.items[0]!.title).toBe("The report for Q2 2024 was returned for changes");
    await scheduler().runOnce({ today: "2024-07-02" });
    const texts = mailsTo("editor@demo.oryndau.example").map((mail) => text(mail.raw));
    expect(texts.some((mail) => mail.includes("Reviewer Admin: «Қамтуды көрсетіңіз»"))).toBe(true);
  });

  it("a mail the SMTP server refuses is tried again later, not lost and not doubled", async () => {
    const refusing = createScheduler({
      db,
      mailer: { configured: true, send: () => Promise.reject(new Error("421 try later")) },
      timeZone: "Asia/Almaty",
      origin: ORIGIN,
      onError: (error) => {
        throw error;
      },
    });
    await refusing.runOnce(WEEK_BEFORE);
    const waiting = await db.selectFrom("notification_mail").select(["status", "attempts", "last_error"]).execute();
    expect(waiting.every((mail) => mail.status === "pending" && mail.attempts === 1)).toBe(true);
    // Too soon for the retry: nothing goes; after the backoff it goes once.
    await scheduler().runOnce({ ...WEEK_BEFORE, now: new Date(Date.now() + 10_000) });
    expect(received).toHaveLength(0);
    await scheduler().runOnce({ ...WEEK_BEFORE, now: new Date(Date.now() + 5 * 60_000) });
    expect(received).toHaveLength(2);
  });
});
