import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~db/seed";
import type { Role } from "~db/schema";
import { actionUrl, appRoutes, dataUrl, fillPath, tableFileFor, type AppRoute } from "./route-list";
import { readScopeOracle, type ForeignScope } from "./scope-oracle";

// The authorisation matrix: every loader and action of the build's route list × every demo login
// (and no login) × what lies outside that login's scope (scope-oracle.ts, from the demo data). A page,
// its `.data` and every intent of its action, posted as a form and as a `.data` request, must be
// refused; pages a login may open must not link to what it may not. Refusals change nothing, so the
// matrix runs on the shared demo database.

type Who = "public" | "layout" | "signed-in" | readonly Role[];
interface Policy {
  who: Who;
  /** The route's parameters name records: a login allowed the route is refused those outside its scope. */
  scoped?: boolean;
  /** Intents that act on the signed-in user's own rows only and take no record: nothing in them is out of scope. */
  ownOnly?: readonly string[];
}

const councils: Role[] = ["admin", "council", "viewer"];
const kpiReaders: Role[] = ["admin", "akim", "viewer"];
const admins: Role[] = ["admin"];
const apiOnly: Role[] = [];

// Who may use each route. A route missing here fails the test: a new route needs a decision.
const POLICY: Record<string, Policy> = {
  root: { who: "public" },
  "routes/login": { who: "public" },
  "routes/logout": { who: "public" },
  "routes/language": { who: "public" },
  // Signed out by design: the token in the address is the proof (tests/integration/password-reset.test.ts).
  "routes/forgot-password": { who: "public" },
  "routes/reset-password.$token": { who: "public" },
  "routes/confirm-email.$token": { who: "public" },
  // A published programme's transparency page (tests/e2e/public-page.spec.ts crawls what it links to).
  "routes/p.$programmeId._index": { who: "public" },
  "routes/p.$programmeId.$roadMapId": { who: "public" },
  "routes/_app": { who: "layout" },
  "routes/_app._index": { who: "signed-in" },
  "routes/_app.account._index": { who: "signed-in" },
  "routes/_app.account.password": { who: "signed-in" },
  "routes/_app.notifications._index": { who: "signed-in", ownOnly: ["read-all"] },
  "routes/_app.notifications.settings": { who: "signed-in" },
  "routes/_app.roadmaps._index": { who: "signed-in" },
  "routes/_app.roadmaps.$roadMapId._index": { who: "signed-in", scoped: true },
  "routes/roadmaps.$roadMapId.print": { who: "signed-in", scoped: true },
  "routes/roadmaps.$roadMapId.report[.]docx": { who: "signed-in", scoped: true },
  "routes/roadmaps.$roadMapId.report[.]xlsx": { who: "signed-in", scoped: true },
  "routes/roadmaps.$roadMapId.tables.$file": { who: "signed-in", scoped: true },
  "routes/_app.roadmaps.$roadMapId.periods": { who: admins },
  "routes/_app.measures.$measureId": { who: "signed-in", scoped: true },
  "routes/measures.$measureId.tables.$file": { who: "signed-in", scoped: true },
  // An evidence file is served to whoever may see its entry (tests/integration/evidence.test.ts).
  "routes/evidence.$fileId": { who: "signed-in", scoped: true },
  "routes/_app.search": { who: "signed-in" },
  "routes/_app.my": { who: ["editor"] },
  "routes/_app.my_.upload": { who: ["editor"] },
  "routes/my.sheet[.]xlsx": { who: ["editor"] },
  "routes/_app.reviews": { who: ["admin", "council"] },
  "routes/_app.councils._index": { who: "signed-in" },
  "routes/_app.councils.$councilId": { who: councils, scoped: true },
  "routes/_app.meetings.$meetingId": { who: councils, scoped: true },
  "routes/meetings.$meetingId.present": { who: councils, scoped: true },
  "routes/meetings.$meetingId.protocol": { who: councils, scoped: true },
  "routes/meetings.$meetingId.protocol[.]pdf": { who: councils, scoped: true },
  "routes/_app.kpi._index": { who: kpiReaders },
  "routes/_app.kpi.$territoryId": { who: kpiReaders, scoped: true },
  "routes/_app.kpi.scorecard.$territoryId": { who: kpiReaders, scoped: true },
  "routes/_app.kpi.compare": { who: kpiReaders },
  "routes/kpi.$territoryId.tables.$file": { who: kpiReaders, scoped: true },
  "routes/_app.kpi.admin": { who: admins },
  "routes/_app.admin": { who: admins },
  "routes/_app.admin._index": { who: admins },
  "routes/_app.admin.departments": { who: admins },
  "routes/_app.admin.territories": { who: admins },
  "routes/_app.admin.users._index": { who: admins },
  "routes/_app.admin.users.$userId": { who: admins },
  "routes/_app.admin.programmes._index": { who: admins },
  "routes/_app.admin.programmes.$programmeId": { who: admins },
  "routes/_app.admin.roadmaps.$roadMapId._index": { who: admins },
  "routes/_app.admin.roadmaps.$roadMapId.import": { who: admins },
  "routes/_app.admin.roadmaps.$roadMapId.measures.new": { who: admins },
  "routes/admin.roadmaps.$roadMapId.workbook[.]xlsx": { who: admins },
  "routes/_app.admin.measures.$measureId": { who: admins },
  "routes/_app.admin.api-tokens": { who: admins },
  // The read API answers a bearer token only: a signed-in session, whoever's, is refused (401).
  "routes/api.v1.openapi[.]json": { who: "public" },
  "routes/api.v1.$": { who: apiOnly },
  "routes/api.v1.programmes": { who: apiOnly },
  "routes/api.v1.roadmaps._index": { who: apiOnly },
  "routes/api.v1.roadmaps.$roadMapId._index": { who: apiOnly },
  "routes/api.v1.roadmaps.$roadMapId.figures": { who: apiOnly },
  "routes/api.v1.roadmaps.$roadMapId.measures": { who: apiOnly },
  "routes/api.v1.kpi.rankings.$territoryId": { who: apiOnly },
  "routes/api.v1.kpi.scorecards.$territoryId": { who: apiOnly },
};

// Plausible values for the fields forms carry, so that a refusal comes from the scope, not the parse.
const FILLER: Record<string, string> = {
  version: "1",
  noteKk: "Тексеру",
  noteRu: "Проверка",
  comment: "Проверка",
  fullName: "Тексеру Тексеров",
  titleKk: "Тексеру",
  titleRu: "Проверка",
  value: "1",
  entryDate: "2024-10-01",
  status: "done",
};

const allowed = (policy: Policy, role: Role) =>
  policy.who === "signed-in" || (Array.isArray(policy.who) && policy.who.includes(role));

async function signedIn(baseURL: string, login: string | null): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  if (login) {
    const response = await context.post("/login", {
      form: { login, password: DEMO_PASSWORD, redirectTo: "/roadmaps" },
      maxRedirects: 0,
    });
    expect(response.status(), `sign-in of ${login}`).toBe(302);
  }
  return context;
}

/** Why a response is not a refusal, or null when it is one. */
function notRefused(response: APIResponse, anonymous: boolean): string | null {
  const status = response.status();
  const location = response.headers()["location"] ?? "";
  if (status >= 500) return `${status} (a server error, not a refusal)`;
  if (anonymous && (status === 302 || status === 303 || status === 202) && location.startsWith("/login")) return null;
  if ([400, 401, 403, 404, 405, 409, 413, 415, 422].includes(status)) return null;
  return `${status}${location ? ` → ${location}` : ""}`;
}

interface Case {
  method: "GET" | "POST";
  url: string;
  form?: Record<string, string>;
}

function casesFor(route: AppRoute, ids: Partial<Record<string, number>>, body: Record<string, string>): Case[] {
  const filled = fillPath(route, { ...ids, file: tableFileFor(route) });
  if (!filled) return [];
  const cases: Case[] = [];
  if (route.hasLoader) cases.push({ method: "GET", url: filled }, { method: "GET", url: dataUrl(filled) });
  if (route.hasAction) {
    for (const intent of route.intents.length ? route.intents : [""]) {
      const form = { ...FILLER, ...body, ...(intent ? { intent } : {}) };
      cases.push({ method: "POST", url: actionUrl(route, filled), form });
      cases.push({ method: "POST", url: actionUrl(route, filled, true), form });
    }
  }
  return cases;
}

async function send(context: APIRequestContext, item: Case): Promise<APIResponse> {
  return item.method === "GET"
    ? context.get(item.url, { maxRedirects: 0 })
    : context.post(item.url, { form: item.form!, maxRedirects: 0 });
}

const leakPattern = (leak: string) => new RegExp(`${leak.replace(/[/]/g, "\\/")}(?=["/?#\\\\]|$)`);

test.describe("authorisation matrix", () => {
  test("every route has an access policy", async () => {
    const routes = await appRoutes();
    expect(routes.length, "routes in the build").toBeGreaterThan(30);
    expect(
      routes.map((route) => route.id).filter((id) => !(id in POLICY)),
      "routes without a policy",
    ).toEqual([]);
    expect(
      Object.keys(POLICY).filter((id) => !routes.some((route) => route.id === id)),
      "stale policies",
    ).toEqual([]);
  });

  test("without a login every route but the public ones is refused", async ({ baseURL }) => {
    const { sample } = readScopeOracle();
    const context = await signedIn(baseURL!, null);
    const failures: string[] = [];
    for (const route of await appRoutes()) {
      const policy = POLICY[route.id]!;
      if (policy.who === "public" || policy.who === "layout") continue;
      for (const item of casesFor(route, sample as Record<string, number>, {})) {
        const why = notRefused(await send(context, item), true);
        if (why) failures.push(`${item.method} ${item.url}: ${why}`);
      }
    }
    await context.dispose();
    expect(failures).toEqual([]);
  });

  test("a meeting's attendee or agenda item is removed only through its own meeting", async ({ baseURL }) => {
    const { crossMeeting } = readScopeOracle();
    expect(crossMeeting, "a meeting with another meeting's attendee and agenda item in the demo data").not.toBeNull();
    const { meetingId, attendeeId, agendaItemId } = crossMeeting!;
    for (const login of ["admin", "miras.secretary"]) {
      const context = await signedIn(baseURL!, login);
      const forms: Array<Record<string, string>> = [
        { intent: "remove-attendee", attendeeId: String(attendeeId) },
        { intent: "remove-agenda-item", agendaItemId: String(agendaItemId) },
      ];
      for (const form of forms) {
        for (const url of [`/meetings/${meetingId}`, `/meetings/${meetingId}.data`]) {
          const response = await context.post(url, { form, maxRedirects: 0 });
          expect(response.status(), `${login}: ${form.intent} of another meeting at ${url}`).toBe(404);
        }
      }
      await context.dispose();
    }
  });

  test("an editor files no report on a road map their department does not answer for", async ({ baseURL }) => {
    const { scopes } = readScopeOracle();
    for (const scope of scopes.filter((candidate) => candidate.role === "editor" && candidate.read.roadMapId)) {
      const context = await signedIn(baseURL!, scope.login);
      const form = {
        intent: "submit-report",
        roadMapId: String(scope.read.roadMapId),
        departmentId: scope.body.departmentId!,
      };
      // A quarter long over, so that only the scope can refuse it.
      for (const url of ["/my?quarter=2025-Q2", "/my.data?quarter=2025-Q2"]) {
        const response = await context.post(url, { form, maxRedirects: 0 });
        expect(response.status(), `${scope.login} at ${url}`).toBe(404);
      }
      await context.dispose();
    }
  });

  // The logins are the seed's; what lies outside their scope is read once the demo database exists.
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.login} (${account.role}) reaches nothing outside their scope`, async ({ baseURL }) => {
      test.setTimeout(240_000);
      const oracle = readScopeOracle();
      const scope = oracle.scopes.find((candidate) => candidate.login === account.login)!;
      const context = await signedIn(baseURL!, scope.login);
      const failures: string[] = [];
      const role = scope.role as Role;
      for (const route of await appRoutes()) {
        const policy = POLICY[route.id]!;
        if (policy.who === "public" || policy.who === "layout") continue;
        for (const item of casesOf(route, policy, role, scope, oracle.sample)) {
          const response = await send(context, item);
          const why = notRefused(response, false);
          if (why) failures.push(`${item.method} ${item.url}${item.form ? ` ${item.form.intent ?? ""}` : ""}: ${why}`);
        }
        // A page the login may open links to nothing outside their scope, nor does its data name it.
        if (allowed(policy, role) && route.hasLoader && route.params.length === 0) {
          for (const url of [route.path, dataUrl(route.path)]) {
            const response = await context.get(url, { maxRedirects: 0 });
            if (response.status() >= 500) failures.push(`GET ${url}: ${response.status()}`);
            const body = await response.text();
            for (const leak of scope.leaks) {
              if (leakPattern(leak).test(body)) failures.push(`GET ${url} names ${leak}`);
            }
          }
        }
      }
      await context.dispose();
      expect(failures).toEqual([]);
    });
  }
});

/** The requests a login must be refused on a route: all of it when the role may not use it, else what is outside its scope. */
function casesOf(
  route: AppRoute,
  policy: Policy,
  role: Role,
  scope: ForeignScope,
  sample: Partial<Record<string, number>>,
): Case[] {
  if (!allowed(policy, role)) return casesFor(route, sample, scope.body);
  if (route.params.length === 0) {
    // Allowed pages: only their actions, with records outside the scope in the form.
    if (Object.keys(scope.body).length === 0) return [];
    const intents = route.intents.filter((intent) => !policy.ownOnly?.includes(intent));
    return casesFor({ ...route, hasLoader: false, intents }, {}, scope.body);
  }
  if (!policy.scoped) return [];
  const reads = casesFor({ ...route, hasAction: false }, scope.read, scope.body);
  const writes = casesFor({ ...route, hasLoader: false }, scope.write, scope.body);
  return [...reads, ...writes];
}
