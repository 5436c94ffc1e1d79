import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "~db/seed";
import { database } from "~/db.server";
import { decodeMessage } from "~/domain/editing/messages";
import { translator } from "~/i18n/i18n";
import { LOCALES } from "~/i18n/locales";
import { action as accountAction, loader as accountLoader } from "~/routes/_app.account._index";
import { action as passwordAction } from "~/routes/_app.account.password";
import { action as adminUserAction } from "~/routes/_app.admin.users.$userId";
import { action as languageAction } from "~/routes/language";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { engineName, openAppDatabase } from "./test-database";

// The app as a browser meets it: its own routes, its database (seeded with the demo users), cookies.
type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
const call = (handler: Handler, request: Request, context: object = {}, params: Record<string, string> = {}) =>
  Promise.resolve(handler({ request, params, context })).catch((thrown: unknown) => thrown);

const post = (url: string, form: Record<string, string>, cookie = "") =>
  new Request(`http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { Cookie: cookie, "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36" },
  });

async function signIn(login: string, password = DEMO_PASSWORD, address = "198.51.100.1", redirectTo = "/") {
  const response = (await call(loginAction as Handler, post("/login", { login, password, redirectTo }), {
    clientAddress: address,
  })) as Response;
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("__session="));
  return { response, cookie: session?.split(";")[0] ?? "" };
}

async function isSignedIn(cookie: string): Promise<boolean> {
  const outcome = await call(
    accountLoader as Handler,
    new Request("http://localhost/account", { headers: { Cookie: cookie } }),
  );
  if (outcome instanceof Response) {
    expect(outcome.headers.get("Location")).toMatch(/^\/login/);
    return false;
  }
  return true;
}

const formError = (body: { error?: Record<string, string[] | null> }, field = "") => body.error?.[field]?.[0] ?? "";

describe(`sessions and sign-in on ${engineName}`, () => {
  let appDatabase: { close: () => Promise<void> };

  beforeAll(async () => {
    appDatabase = await openAppDatabase("oryndau-sign-in-");
  });

  afterAll(async () => {
    await appDatabase.close();
  });

  it("refuses a session after logout, even to a copy of its cookie", async () => {
    const { response, cookie } = await signIn("viewer");
    expect(response.status).toBe(302);
    expect(await isSignedIn(cookie)).toBe(true);
    const copy = cookie;
    const loggedOut = (await call(logoutAction as Handler, post("/logout", {}, cookie))) as Response;
    expect(loggedOut.headers.get("Location")).toBe("/login");
    expect(await isSignedIn(copy)).toBe(false);
  });

  it("refuses a session idle past its time, or older than its longest life", async () => {
    const db = await database();
    const idle = await signIn("viewer");
    const old = await signIn("viewer");
    expect(await isSignedIn(idle.cookie)).toBe(true);
    const sessions = await db.selectFrom("user_session").select("id").orderBy("id", "desc").limit(2).execute();
    await db
      .updateTable("user_session")
      .set({ last_seen_at: sql`now() - interval '12 hours 1 minute'` })
      .where("id", "=", sessions[1]!.id)
      .execute();
    await db
      .updateTable("user_session")
      .set({ created_at: sql`now() - interval '7 days 1 minute'` })
      .where("id", "=", sessions[0]!.id)
      .execute();
    expect(await isSignedIn(idle.cookie)).toBe(false);
    expect(await isSignedIn(old.cookie)).toBe(false);
  });

  it("writes a session's last use at most once a minute", async () => {
    const db = await database();
    const { cookie } = await signIn("viewer");
    const { id } = await db.selectFrom("user_session").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
    const lastSeen = async () =>
      (await db.selectFrom("user_session").select("last_seen_at").where("id", "=", id).executeTakeFirstOrThrow())
        .last_seen_at;
    await db
      .updateTable("user_session")
      .set({ last_seen_at: sql`now() - interval '30 seconds'` })
      .where("id", "=", id)
      .execute();
    const before = await lastSeen();
    await isSignedIn(cookie);
    expect(await lastSeen()).toEqual(before);
    await db
      .updateTable("user_session")
      .set({ last_seen_at: sql`now() - interval '2 minutes'` })
      .where("id", "=", id)
      .execute();
    await isSignedIn(cookie);
    expect((await lastSeen()).getTime()).toBeGreaterThan(before.getTime());
  });

  it("sends the user only to paths of this site after signing in or choosing a language", async () => {
    const hostile = [
      "/%09/evil.example",
      "/\t/evil.example",
      "//evil.example",
      "/\\evil.example",
      "/%0A/x",
      "/%5C%5Cx",
    ];
    for (const redirectTo of hostile) {
      const { response } = await signIn("viewer", DEMO_PASSWORD, "198.51.100.2", redirectTo);
      expect([redirectTo, response.status, response.headers.get("Location")]).toEqual([redirectTo, 302, "/"]);
      const language = (await call(
        languageAction as Handler,
        post("/language", { locale: "ru", redirectTo }),
      )) as Response;
      expect([redirectTo, language.status, language.headers.get("Location")]).toEqual([redirectTo, 302, "/"]);
    }
    const { response } = await signIn("viewer", DEMO_PASSWORD, "198.51.100.2", "/roadmaps?asOf=2024-10-31");
    expect(response.headers.get("Location")).toBe("/roadmaps?asOf=2024-10-31");
  });

  it("delays the sixth wrong password for a login, from any address, with a translated wait; the wait ends", async () => {
    const db = await database();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const { response } = await signIn("akim.abay", "not-the-password", `203.0.113.${attempt}`);
      expect(response.status).toBe(400);
      expect(formError(await response.json())).toBe("login.invalid");
    }
    for (const password of ["not-the-password", DEMO_PASSWORD]) {
      const { response, cookie } = await signIn("akim.abay", password, "203.0.113.99");
      expect(response.status).toBe(429);
      expect(cookie).toBe("");
      expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
      const { key, values } = decodeMessage(formError(await response.json()));
      expect(key).toBe("signIn.throttledSeconds");
      const texts = LOCALES.map((locale) => translator(locale)(key as "signIn.throttledSeconds", values));
      expect(new Set(texts).size).toBe(3);
      for (const text of texts) expect(text).toContain(String(values.n));
    }
    // No lock-out: once the wait is over, the right password signs in and the count starts again.
    await db
      .updateTable("sign_in_failure")
      .set({ last_failed_at: new Date(Date.now() - 11_000) })
      .where("key", "=", "login:akim.abay")
      .execute();
    const { response } = await signIn("akim.abay", DEMO_PASSWORD, "203.0.113.99");
    expect(response.status).toBe(302);
    const count = await db
      .selectFrom("sign_in_failure")
      .select("key")
      .where("key", "=", "login:akim.abay")
      .executeTakeFirst();
    expect(count).toBeUndefined();
  });

  it("delays guessing from one address across logins, more leniently: an office shares an address", async () => {
    const logins = ["oryntaev", "ernyiazova", "admin", "viewer", "akim.temirtau"];
    for (let attempt = 0; attempt < 20; attempt++) {
      const { response } = await signIn(
        `${logins[attempt % 5]}${attempt < 5 ? "" : attempt}`,
        "guess-guess",
        "192.0.2.50",
      );
      expect(response.status).toBe(400);
    }
    const { response } = await signIn("abdiakimuly", DEMO_PASSWORD, "192.0.2.50");
    expect(response.status).toBe(429);
    const elsewhere = await signIn("abdiakimuly", DEMO_PASSWORD, "192.0.2.51");
    expect(elsewhere.response.status).toBe(302);
  });

  it("refuses weak passwords with translated reasons", async () => {
    const { cookie } = await signIn("zhumakulova");
    const cases: Array<[string, string]> = [
      ["12345678", "admin.validation.passwordShort"],
      ["password1234", "passwordRule.common"],
      ["          ", "passwordRule.common"],
      ["zhumakulova-2024", "passwordRule.personal"],
      ["Жұмақұлова-2024", "passwordRule.personal"],
      [DEMO_PASSWORD, "passwordRule.current"],
    ];
    for (const [password, reason] of cases) {
      const reply = (await call(
        passwordAction as Handler,
        post("/account/password", { currentPassword: DEMO_PASSWORD, password, confirm: password }, cookie),
      )) as { data: { result: { error?: Record<string, string[] | null> }; saved: boolean } };
      expect([password, formError(reply.data.result, "password"), reply.data.saved]).toEqual([password, reason, false]);
      const texts = LOCALES.map((locale) => translator(locale)(reason as "passwordRule.common"));
      expect(new Set(texts).size, reason).toBe(3);
      expect(texts.every((text) => text !== reason)).toBe(true);
    }
    expect(await isSignedIn(cookie)).toBe(true);
    expect((await signIn("zhumakulova")).response.status).toBe(302);
  });

  it("ends the other sessions when a password changes, and all of them when an administrator says so", async () => {
    const here = await signIn("oryntaev");
    const elsewhere = await signIn("oryntaev");
    const changed = (await call(
      passwordAction as Handler,
      post(
        "/account/password",
        { currentPassword: DEMO_PASSWORD, password: "көктем-жолы-47", confirm: "көктем-жолы-47" },
        here.cookie,
      ),
    )) as Response;
    expect(changed.headers.get("Location")).toBe("/account/password?changed=1");
    expect(await isSignedIn(here.cookie)).toBe(true);
    expect(await isSignedIn(elsewhere.cookie)).toBe(false);

    const admin = await signIn("admin");
    const user = await (
      await database()
    )
      .selectFrom("app_user")
      .select("id")
      .where("login", "=", "oryntaev")
      .executeTakeFirstOrThrow();
    const ended = (await call(
      adminUserAction as Handler,
      post(`/admin/users/${user.id}`, { intent: "end-sessions" }, admin.cookie),
      {},
      { userId: String(user.id) },
    )) as Response;
    expect(ended.headers.get("Location")).toBe(`/admin/users/${user.id}?ended=1`);
    expect(await isSignedIn(here.cookie)).toBe(false);
    expect(await isSignedIn(admin.cookie)).toBe(true);
  });

  it("lists one's open sessions and ends one of them, but not someone else's", async () => {
    const mine = await signIn("ernyiazova");
    const other = await signIn("ernyiazova");
    const theirs = await signIn("akim.karaganda");
    const page = (await call(
      accountLoader as Handler,
      new Request("http://localhost/account", { headers: { Cookie: mine.cookie } }),
    )) as { sessions: Array<{ id: number; current: boolean; device: string | null }> };
    expect(page.sessions.map((session) => [session.current, session.device])).toEqual([
      [false, "Chrome · Linux"],
      [true, "Chrome · Linux"],
    ]);
    const db = await database();
    const foreign = await db
      .selectFrom("user_session as s")
      .innerJoin("app_user as u", "u.id", "s.user_id")
      .select("s.id")
      .where("u.login", "=", "akim.karaganda")
      .executeTakeFirstOrThrow();
    const refused = (await call(
      accountAction as Handler,
      post("/account", { intent: "end-session", sessionId: String(foreign.id) }, mine.cookie),
    )) as Response;
    expect(refused.headers.get("Location")).toBe("/account?notice=gone");
    expect(await isSignedIn(theirs.cookie)).toBe(true);
    const otherId = page.sessions.find((session) => !session.current)!.id;
    const ended = (await call(
      accountAction as Handler,
      post("/account", { intent: "end-session", sessionId: String(otherId) }, mine.cookie),
    )) as Response;
    expect(ended.headers.get("Location")).toBe("/account?notice=ended");
    expect(await isSignedIn(other.cookie)).toBe(false);
    expect(await isSignedIn(mine.cookie)).toBe(true);
  });
});
