import type { AppLoadContext } from "@remix-run/node";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import { DEMO_PASSWORD } from "~db/seed";
import { database } from "~/db.server";
import type { Principal } from "~/domain/auth/access";
import { hashPassword } from "~/domain/auth/password.server";
import { editableDepartmentIds } from "~/domain/auth/permissions.server";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { closeQuarter } from "~/domain/periods/periods.server";
import { formatQuarterParam, previousQuarter, quarterOf, todayIn } from "~/domain/periods/quarter";
import { reviewReport, submitReport } from "~/domain/progress/reports.server";
import { viewIdentityOf, viewKey } from "~/http/view-cache.server";
import { loader as myLoader } from "~/routes/_app.my";
import { action as loginAction } from "~/routes/login";
import { engineName, openAppDatabase } from "./test-database";

// /my's repeat views are answered from the view cache (ADR 37), keyed by what the page is made of.
// Each change a department's officer would see on the page gives the view another key (so the kept
// page is not answered: Remix makes a fresh one), and the fresh page shows the change; a view of the
// unchanged state keeps its key.

const json = (text: string) => JSON.stringify({ kk: text, ru: text });

async function signIn(login: string): Promise<string> {
  const request = new Request("http://localhost/login", {
    method: "POST",
    body: new URLSearchParams({ login, password: DEMO_PASSWORD, redirectTo: "/" }),
  });
  const response = (await loginAction({
    request,
    params: {},
    context: { cspNonce: "", clientAddress: "198.51.100.7" },
  })) as Response;
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("__session="));
  if (!session) throw new Error(`${login} could not sign in`);
  return session.split(";")[0]!;
}

/** The view's key as the view cache computes it, and the page's data as Remix would make it then. */
async function view(cookie: string, url = "http://localhost/my") {
  const request = () => new Request(url, { headers: { Cookie: cookie } });
  const context: AppLoadContext = { cspNonce: "" };
  const identity = await viewIdentityOf(request(), context);
  if (!identity) throw new Error("/my is not a cacheable view for this reader");
  const page = await myLoader({ request: request(), params: {}, context });
  return { key: viewKey(url, identity), page };
}

describe(`/my answered from the view cache on ${engineName}`, () => {
  let appDatabase: { close: () => Promise<void> };
  let db: Kysely<Database>;
  let editor: Principal;
  let admin: Principal;
  let cookie: string;
  let departmentId: number;
  let roadMapId: number;
  const today = todayIn("Asia/Almaty");
  const quarter = quarterOf(today);

  beforeAll(async () => {
    process.env.APP_TIME_ZONE = "Asia/Almaty";
    appDatabase = await openAppDatabase("oryndau-my-view-");
    db = await database();
    const ids = await db
      .selectFrom("app_user")
      .select(["id", "login"])
      .where("login", "in", ["zhumakulova", "admin"])
      .execute();
    editor = (await loadPrincipal(db, ids.find((row) => row.login === "zhumakulova")!.id))!;
    admin = (await loadPrincipal(db, ids.find((row) => row.login === "admin")!.id))!;
    departmentId = editableDepartmentIds(editor)[0]!;
    cookie = await signIn("zhumakulova");
    roadMapId = (await view(cookie)).page.groups[0]!.roadMapId;
  });

  afterAll(async () => {
    await appDatabase.close();
  });

  it("keeps the key of a view while nothing it shows changes, and tells apart its quarter and list", async () => {
    const first = await view(cookie);
    expect((await view(cookie)).key).toBe(first.key);
    expect((await view(cookie, "http://localhost/my?quarter=2025-1")).key).not.toBe(first.key);
    expect((await view(cookie, "http://localhost/my?q=x")).key).not.toBe(first.key);
  });

  it("gives a fresh page when a council assigns the department a decision, follows it up or closes it", async () => {
    const before = await view(cookie);
    const meeting = await db.selectFrom("meeting").select("id").orderBy("id").executeTakeFirstOrThrow();
    const { id: decisionId } = await withActor(db, admin.id, (trx) =>
      trx
        .insertInto("decision")
        .values({
          meeting_id: meeting.id,
          kind: "instruction",
          body: json("Open the new reading hall"),
          responsible_department_id: departmentId,
        })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    const assigned = await view(cookie);
    expect(assigned.key).not.toBe(before.key);
    const shown = assigned.page.decisions.find((decision) => decision.id === decisionId);
    expect(shown?.body?.text).toBe("Open the new reading hall");

    await withActor(db, admin.id, (trx) =>
      trx
        .insertInto("decision_follow_up")
        .values({ decision_id: decisionId, author_id: admin.id, note: json("The hall is furnished") })
        .execute(),
    );
    const followed = await view(cookie);
    expect(followed.key).not.toBe(assigned.key);
    expect(followed.page.decisions.find((d) => d.id === decisionId)?.followUps.map((f) => f.note?.text)).toEqual([
      "The hall is furnished",
    ]);

    await withActor(db, admin.id, (trx) =>
      trx
        .updateTable("decision")
        .set((eb) => ({ status: "done", closed_on: today, version: eb("version", "+", 1) }))
        .where("id", "=", decisionId)
        .execute(),
    );
    const closed = await view(cookie);
    expect(closed.key).not.toBe(followed.key);
    expect(closed.page.decisions.some((d) => d.id === decisionId)).toBe(false);
  });

  it("gives a fresh page when someone else saves an entry of the department's measure", async () => {
    const before = await view(cookie);
    const row = before.page.groups[0]!.rows[0]!;
    await withActor(db, admin.id, (trx) =>
      trx
        .insertInto("progress_entry")
        .values({ measure_id: row.id, territory_id: row.territoryId, entry_date: today, value: 3, author_id: admin.id })
        .execute(),
    );
    const after = await view(cookie);
    expect(after.key).not.toBe(before.key);
    const shown = after.page.groups[0]!.rows.find((measure) => measure.id === row.id)!;
    expect(shown.quarterEntries).toBe(row.quarterEntries + 1);
  });

  it("gives a fresh page when a quarter's report is submitted and sent back", async () => {
    const last = previousQuarter(quarter);
    const url = `http://localhost/my?quarter=${formatQuarterParam(last)}`;
    const reportOf = (page: Awaited<ReturnType<typeof view>>["page"]) =>
      page.groups.find((group) => group.roadMapId === roadMapId)!.report;
    const before = await view(cookie, url);
    if (reportOf(before.page)?.status !== "submitted")
      await submitReport(db, editor, { roadMapId, departmentId, quarter: last }, today);
    const submitted = await view(cookie, url);
    const report = reportOf(submitted.page)!;
    expect(report.status).toBe("submitted");

    await reviewReport(db, admin, report.id, report.version, { status: "returned", comment: "Add the evidence" });
    const returned = await view(cookie, url);
    expect(returned.key).not.toBe(submitted.key);
    expect(reportOf(returned.page)?.status).toBe("returned");
    expect(
      returned.page.waiting.some((waiting) => waiting.kind === "returned" && waiting.comment === "Add the evidence"),
    ).toBe(true);
  });

  it("gives a fresh page when the quarter is closed", async () => {
    const before = await view(cookie);
    expect(before.page.groups.find((group) => group.roadMapId === roadMapId)!.closed).toBe(false);
    await closeQuarter(db, admin.id, roadMapId, quarter);
    const after = await view(cookie);
    expect(after.key).not.toBe(before.key);
    expect(after.page.groups.find((group) => group.roadMapId === roadMapId)!.closed).toBe(true);
  });

  it("keeps a page per user: another officer of the same department gets a page of their own", async () => {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await withActor(db, "system", async (trx) => {
      const { id } = await trx
        .insertInto("app_user")
        .values({ login: "second.officer", display_name: "Second officer", password_hash: passwordHash })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("role_assignment")
        .values({ user_id: id, role: "editor", department_id: departmentId })
        .execute();
    });
    const second = await signIn("second.officer");
    const mine = await view(cookie);
    const theirs = await view(second);
    expect(theirs.key).not.toBe(mine.key);
    // The same department's measures, under a form key issued to the other officer.
    expect(theirs.page.groups.map((group) => group.roadMapId)).toEqual(
      mine.page.groups.map((group) => group.roadMapId),
    );
    expect(theirs.page.submissionKey).not.toBe(mine.page.submissionKey);
    expect((await view(second)).key).toBe(theirs.key);
  });
});
