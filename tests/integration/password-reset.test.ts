import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import { DEMO_PASSWORD } from "~db/seed";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { RESET_FREE_PER_ADDRESS, RESET_FREE_PER_IDENTIFIER } from "~/domain/accounts/password-reset.server";
import { translator } from "~/i18n/i18n";
import { action as accountAction, loader as accountLoader } from "~/routes/_app.account._index";
import { action as adminUserAction } from "~/routes/_app.admin.users.$userId";
import { action as confirmAction, loader as confirmLoader } from "~/routes/confirm-email.$token";
import { action as forgotAction, loader as forgotLoader } from "~/routes/forgot-password";
import { action as loginAction } from "~/routes/login";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "../mail/smtp-sink";
import { engineName, openAppDatabase } from "./test-database";

// Forgotten passwords and e-mail changes as a user meets them: the app's own routes and database, and a
// real SMTP server on loopback receiving what the app sends.
type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
const call = (handler: Handler, request: Request, context: object = {}, params: Record<string, string> = {}) =>
  Promise.resolve(handler({ request, params, context })).catch((thrown: unknown) => thrown);

/** What a route answered: a Response, or Remix's `data()` (a body with a status). */
async function answer(outcome: unknown): Promise<{ status: number; body: unknown; location: string | null }> {
  if (outcome instanceof Response) {
    const text = await outcome.text();
    return { status: outcome.status, body: text ? JSON.parse(text) : null, location: outcome.headers.get("Location") };
  }
  if (outcome && typeof outcome === "object" && "init" in outcome && "data" in outcome) {
    const { data, init } = outcome as { data: unknown; init: { status?: number } | null };
    return { status: init?.status ?? 200, body: data, location: null };
  }
  return { status: 200, body: outcome, location: null };
}

const post = (url: string, form: Record<string, string>, cookie = "") =>
  new Request(`http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { Cookie: cookie },
  });
const get = (url: string, cookie = "") => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });

async function signIn(login: string, password = DEMO_PASSWORD) {
  const response = (await call(loginAction as Handler, post("/login", { login, password, redirectTo: "/" }), {
    clientAddress: "198.51.100.7",
  })) as Response;
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("__session="));
  return { status: response.status, cookie: session?.split(";")[0] ?? "" };
}

async function forgot(identifier: string, address = "198.51.100.20") {
  return answer(
    await call(forgotAction as Handler, post("/forgot-password", { identifier }), { clientAddress: address }),
  );
}

const formError = (body: unknown, field = "") =>
  (body as { result?: { error?: Record<string, string[] | null> } }).result?.error?.[field]?.[0] ?? "";

// Links point at PUBLIC_URL or, unset as here, at this machine's port — never at the Host the request named.
const linkIn = (mail: ReceivedMail, route: string) => {
  const match = mail.text.match(new RegExp(`^http://localhost:${env().PORT}/${route}/([A-Za-z0-9_-]{43})$`, "m"));
  expect(match, `a ${route} link in «${mail.text}»`).not.toBeNull();
  return match![1]!;
};

async function setEmail(login: string, email: string | null) {
  const db = await database();
  await withActor(db, "system", (trx) =>
    trx.updateTable("app_user").set({ email }).where("login", "=", login).execute(),
  );
}

describe(`password resets and e-mail addresses on ${engineName}`, () => {
  let appDatabase: { close: () => Promise<void> };
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "Oryndau <no-reply@oryndau.test>";
    appDatabase = await openAppDatabase("oryndau-reset-");
  });

  afterAll(async () => {
    await appDatabase.close();
    await smtp.close();
  });

  it("lets an administrator set an address, audited, and refuses one another account has", async () => {
    const db = await database();
    const admin = await signIn("admin");
    const user = async (login: string) =>
      db
        .selectFrom("app_user")
        .select(["id", "version", "display_name", "locale", "email"])
        .where("login", "=", login)
        .executeTakeFirstOrThrow();
    const save = async (login: string, email: string) => {
      const row = await user(login);
      const form = {
        intent: "save-user",
        version: String(row.version),
        displayName: row.display_name,
        locale: row.locale,
        isActive: "on",
        email,
      };
      return answer(
        await call(
          adminUserAction as Handler,
          post(`/admin/users/${row.id}`, form, admin.cookie),
          {},
          { userId: String(row.id) },
        ),
      );
    };
    expect((await save("viewer", "Viewer@Example.kz")).status).toBe(302);
    const viewer = await user("viewer");
    expect(viewer.email).toBe("Viewer@Example.kz");
    const audit = await db
      .selectFrom("audit_log")
      .select(["after", "actor_id"])
      .where("table_name", "=", "app_user")
      .where("row_id", "=", viewer.id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ email: "Viewer@Example.kz" });

    const taken = await save("akim.abay", "viewer@example.KZ");
    expect(taken.status).toBe(422);
    expect(formError(taken.body, "email")).toBe("email.taken");
    const invalid = await save("akim.abay", "not an address");
    expect(invalid.status).toBe(400);
    expect(formError(invalid.body, "email")).toBe("email.invalid");
    expect((await user("akim.abay")).email).toBe("akim.abay@demo.oryndau.example");
    for (const locale of ["kk", "ru", "en"] as const) {
      expect(translator(locale)("email.taken")).not.toBe("email.taken");
    }
  });

  it("mails one reset link to the account's address in its language; the link resets once, then fails", async () => {
    const db = await database();
    await setEmail("akim.temirtau", "temirtau@example.kz");
    const other = await signIn("akim.temirtau");
    expect(await answer(await call(forgotLoader as Handler, get("/forgot-password")))).toMatchObject({
      body: { available: true },
    });
    const before = smtp.mails.length;
    const reply = await forgot("akim.temirtau");
    expect(reply).toMatchObject({ status: 200, body: { sent: true } });
    const mail = await smtp.waitFor((candidate) => candidate.to.includes("temirtau@example.kz"));
    expect(smtp.mails.length - before).toBe(1);
    // akim.temirtau reads Russian.
    expect(mail.subject).toBe(translator("ru")("forgot.mail.subject"));
    const token = linkIn(mail, "reset-password");
    const stored = await db
      .selectFrom("account_token")
      .select("token_hash")
      .where("purpose", "=", "password_reset")
      .execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(token);

    const page = await answer(await call(resetLoader as Handler, get(`/reset-password/${token}`), {}, { token }));
    expect(page).toMatchObject({ status: 200, body: { login: "akim.temirtau" } });
    const weak = await answer(
      await call(
        resetAction as Handler,
        post(`/reset-password/${token}`, { password: "qwerty12345", confirm: "qwerty12345" }),
        {},
        { token },
      ),
    );
    expect(formError(weak.body, "password")).toBe("passwordRule.common");

    const password = "Жаңа-құпиясөз-2026";
    const done = await answer(
      await call(
        resetAction as Handler,
        post(`/reset-password/${token}`, { password, confirm: password }),
        {},
        { token },
      ),
    );
    expect(done).toMatchObject({ status: 302, location: "/login?reset=1" });
    // Every session of the user ended; the new password signs in, the old one no longer does.
    expect(await answer(await call(accountLoader as Handler, get("/account", other.cookie)))).toMatchObject({
      status: 302,
    });
    expect((await signIn("akim.temirtau", password)).status).toBe(302);
    expect((await signIn("akim.temirtau")).status).toBe(400);
    const audit = await db
      .selectFrom("audit_log")
      .select(["actor_id", "reason", "after"])
      .where("table_name", "=", "app_user")
      .where("reason", "=", "password reset by e-mail")
      .executeTakeFirstOrThrow();
    expect(audit.after).not.toHaveProperty("password_hash");

    const again = await answer(
      await call(
        resetAction as Handler,
        post(`/reset-password/${token}`, { password: "Тағы-бір-құпиясөз-77", confirm: "Тағы-бір-құпиясөз-77" }),
        {},
        { token },
      ),
    );
    expect(again.status).toBe(422);
    expect(formError(again.body)).toBe("reset.invalid");
    expect(
      (await answer(await call(resetLoader as Handler, get(`/reset-password/${token}`), {}, { token }))).status,
    ).toBe(404);
    expect((await signIn("akim.temirtau", password)).status).toBe(302);
  });

  it("finds the account by its address whatever the case, and refuses an expired link", async () => {
    const db = await database();
    await setEmail("oryntaev", "Oryntaev@Example.kz");
    expect((await forgot("ORYNTAEV@example.KZ", "198.51.100.21")).status).toBe(200);
    const mail = await smtp.waitFor((candidate) =>
      candidate.to.some((to) => to.toLowerCase() === "oryntaev@example.kz"),
    );
    expect(mail.subject).toBe(translator("kk")("forgot.mail.subject"));
    const token = linkIn(mail, "reset-password");
    await db
      .updateTable("account_token")
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where("purpose", "=", "password_reset")
      .where("used_at", "is", null)
      .execute();
    expect(
      (await answer(await call(resetLoader as Handler, get(`/reset-password/${token}`), {}, { token }))).status,
    ).toBe(404);
    const password = "Мерзімі-өткен-сілтеме-9";
    const late = await answer(
      await call(
        resetAction as Handler,
        post(`/reset-password/${token}`, { password, confirm: password }),
        {},
        { token },
      ),
    );
    expect(formError(late.body)).toBe("reset.invalid");
    expect((await signIn("oryntaev")).status).toBe(302);
  });

  it("answers an unknown login as it answers a known one, and mails nothing for it", async () => {
    await setEmail("ernyiazova", "ernyiazova@example.kz");
    // The demo accounts have addresses: this one is made an account without one.
    await setEmail("abdiakimuly", null);
    const before = smtp.mails.length;
    const unknown = await forgot("nobody.here", "198.51.100.22");
    const noAddress = await forgot("abdiakimuly", "198.51.100.22");
    const known = await forgot("ernyiazova", "198.51.100.22");
    expect(unknown).toEqual(known);
    expect(noAddress).toEqual(known);
    await smtp.waitFor((candidate) => candidate.to.includes("ernyiazova@example.kz"));
    // The unknown request ended before the known one began, and the known one's mail is here: nothing else came.
    expect(smtp.mails.slice(before).map((mail) => mail.to)).toEqual([["ernyiazova@example.kz"]]);
  });

  it(`stops the request after ${RESET_FREE_PER_IDENTIFIER} for a login, and after ${RESET_FREE_PER_ADDRESS} from an address`, async () => {
    await setEmail("miras.secretary", "miras@example.kz");
    for (let attempt = 1; attempt <= RESET_FREE_PER_IDENTIFIER; attempt++) {
      expect((await forgot("miras.secretary", `203.0.113.${attempt}`)).status).toBe(200);
    }
    const throttled = await forgot("miras.secretary", "203.0.113.50");
    expect(throttled.status).toBe(429);
    expect(formError(throttled.body)).toMatch(/^signIn\.throttledSeconds\|/);
    await smtp.waitFor(
      (mail) => smtp.mails.filter((m) => m.to.includes("miras@example.kz")).length >= 3 && mail !== null,
    );
    expect(smtp.mails.filter((mail) => mail.to.includes("miras@example.kz"))).toHaveLength(RESET_FREE_PER_IDENTIFIER);

    for (let attempt = 1; attempt <= RESET_FREE_PER_ADDRESS; attempt++) {
      expect((await forgot(`someone${attempt}`, "192.0.2.77")).status).toBe(200);
    }
    expect((await forgot("someone-else", "192.0.2.77")).status).toBe(429);
    expect((await forgot("someone-else", "192.0.2.78")).status).toBe(200);
  });

  it("keeps a new address waiting until the link mailed to it is opened, once; the old address is told", async () => {
    const db = await database();
    await setEmail("zhumakulova", "old.zhumakulova@example.kz");
    const { cookie } = await signIn("zhumakulova");
    const change = (form: Record<string, string>) =>
      call(accountAction as Handler, post("/account", { intent: "change-email", ...form }, cookie)).then(answer);

    const wrong = await change({ email: "new.zhumakulova@example.kz", currentPassword: "not-my-password" });
    expect(formError(wrong.body, "currentPassword")).toBe("admin.validation.wrongPassword");
    const taken = await change({ email: "VIEWER@example.kz", currentPassword: DEMO_PASSWORD });
    expect(formError(taken.body, "email")).toBe("email.taken");
    const asked = await change({ email: "new.zhumakulova@example.kz", currentPassword: DEMO_PASSWORD });
    expect(asked).toMatchObject({ status: 302, location: "/account?notice=email-sent" });

    const mail = await smtp.waitFor((candidate) => candidate.to.includes("new.zhumakulova@example.kz"));
    expect(mail.subject).toBe(translator("kk")("email.mail.confirmSubject"));
    const account = (await answer(await call(accountLoader as Handler, get("/account", cookie)))).body as {
      email: { email: string; pending: { email: string } | null };
    };
    expect(account.email.email).toBe("old.zhumakulova@example.kz");
    expect(account.email.pending?.email).toBe("new.zhumakulova@example.kz");

    const token = linkIn(mail, "confirm-email");
    const page = await answer(await call(confirmLoader as Handler, get(`/confirm-email/${token}`), {}, { token }));
    expect(page).toMatchObject({ status: 200, body: { change: { email: "new.zhumakulova@example.kz" } } });
    // Opening the link changes nothing; the button does.
    const still = await db
      .selectFrom("app_user")
      .select("email")
      .where("login", "=", "zhumakulova")
      .executeTakeFirstOrThrow();
    expect(still.email).toBe("old.zhumakulova@example.kz");
    const confirmed = await answer(
      await call(confirmAction as Handler, post(`/confirm-email/${token}`, {}), {}, { token }),
    );
    expect(confirmed).toMatchObject({ status: 200, body: { status: "confirmed" } });
    const user = await db
      .selectFrom("app_user")
      .select(["id", "email"])
      .where("login", "=", "zhumakulova")
      .executeTakeFirstOrThrow();
    expect(user.email).toBe("new.zhumakulova@example.kz");
    const audit = await db
      .selectFrom("audit_log")
      .select(["actor_id", "after"])
      .where("table_name", "=", "app_user")
      .where("reason", "=", "e-mail address confirmed by its owner")
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(user.id);
    const notice = await smtp.waitFor((candidate) => candidate.to.includes("old.zhumakulova@example.kz"));
    expect(notice.subject).toBe(translator("kk")("email.mail.changedSubject"));
    expect(notice.text).toContain("new.zhumakulova@example.kz");

    const twice = await answer(
      await call(confirmAction as Handler, post(`/confirm-email/${token}`, {}), {}, { token }),
    );
    expect(twice).toMatchObject({ status: 404, body: { status: "invalid" } });
    const after = (await answer(await call(accountLoader as Handler, get("/account", cookie)))).body as {
      email: { pending: unknown };
    };
    expect(after.email.pending).toBeNull();
  });
});
