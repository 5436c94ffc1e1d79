import { createHash } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { DEMO_PASSWORD } from "~db/seed";
import { actionUrl, appRoutes, fillPath, formFieldNames, tableFileFor, type AppRoute } from "./route-list";
import { readScopeOracle } from "./scope-oracle";

// Hostile input gets a 4xx, never a 5xx: seeded, reproducible posts over every action of the build's
// route list — odd methods and bodies (JSON, text, multipart, invalid UTF-8), NUL bytes, ids past the
// integer range, malformed redirect targets, foreign origins. FUZZ_SEED and FUZZ_RUNS (posts per
// action) change the run; a failure lists each kind of 5xx with the route and payload that gave it.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS_PER_ACTION = Number(process.env.FUZZ_RUNS ?? 100);

type BodyKind = "form" | "multipart" | "json" | "text" | "none" | "invalid-utf8";

interface Payload {
  login: "admin" | "zhumakulova" | null;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  data: boolean;
  params: Record<string, string>;
  kind: BodyKind;
  fields: Array<[string, string]>;
  query: Array<[string, string]>;
  origin: "same" | "foreign" | "none";
}

const OUT_OF_RANGE = [
  "3000000000",
  "2147483648",
  "-1",
  "0",
  "1e309",
  "NaN",
  "1.5",
  "99999999999999999999",
  "abc",
  "%00",
];
const HOSTILE_TEXT = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uFFFD",
  "\uD800",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "=cmd|' /C calc'!A0",
  "2024-13-45",
  "9999-12-31",
  "0000-00-00",
  "on",
  "true",
  "new",
  "x".repeat(5000),
];
const HOSTILE_REDIRECTS = [
  "/%0A/x",
  "//evil.example",
  "/\t/evil.example",
  "https://evil.example",
  "/\\evil",
  "%2F%2Fevil",
];

function seedOf(route: AppRoute): number {
  return (SEED ^ createHash("sha256").update(route.id).digest().readUInt32BE(0)) >>> 0;
}

function payloads(route: AppRoute, fieldNames: string[], existing: Record<string, number[]>): Payload[] {
  const id = (param: string) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...(existing[param]?.length ? existing[param] : [1]).map(String)) },
      { weight: 2, arbitrary: fc.constantFrom(...OUT_OF_RANGE) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    );
  const param = (name: string) =>
    name === "file" ? fc.constantFrom(tableFileFor(route), "x.exe", "..%2F..", "") : id(name);
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 2, arbitrary: fc.constantFrom(...OUT_OF_RANGE) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 60 }).map(String) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: "binary" }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: "grapheme" }) },
  );
  const name = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...fieldNames) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("rows", "links", "targets"), fc.nat(3), fc.constantFrom(...fieldNames))
        .map(([list, index, field]) => `${list}[${index}].${field}`),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
  );
  const intent = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(route.intents.length ? route.intents : [""])) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
  const arbitrary = fc.record<Payload>({
    login:
      route.id === "routes/login" || route.id === "routes/logout"
        ? fc.constant(null)
        : fc.constantFrom("admin", "zhumakulova", null),
    method: fc.oneof(
      { weight: 8, arbitrary: fc.constant("POST" as const) },
      { weight: 1, arbitrary: fc.constantFrom("PUT" as const, "PATCH" as const, "DELETE" as const) },
    ),
    data: fc.boolean(),
    params: fc.record(Object.fromEntries(route.params.map((name) => [name, param(name)]))),
    kind: fc.oneof(
      { weight: 8, arbitrary: fc.constant("form" as const) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "multipart" as const,
          "json" as const,
          "text" as const,
          "none" as const,
          "invalid-utf8" as const,
        ),
      },
    ),
    fields: fc
      .tuple(intent, fc.array(fc.tuple(name, value), { maxLength: 12 }))
      .map(([chosen, rest]) => [["intent", chosen] as [string, string], ...rest]),
    query: fc.array(
      fc.tuple(
        fc.constantFrom("redirectTo", "quarter", "asOf", "edit", "entriesPage"),
        fc.oneof(fc.constantFrom(...HOSTILE_REDIRECTS), value),
      ),
      { maxLength: 2 },
    ),
    origin: fc.oneof(
      { weight: 8, arbitrary: fc.constant("same" as const) },
      { weight: 1, arbitrary: fc.constantFrom("foreign" as const, "none" as const) },
    ),
  });
  return fc.sample(arbitrary, { seed: seedOf(route), numRuns: RUNS_PER_ACTION });
}

/**
 * The likeliest cause of a payload's 5xx: the first of its unusual traits, in the order the server
 * meets them (method and body type, origin, bytes, ids, redirect target), else "an ordinary form".
 */
function likelyCause(payload: Payload): string {
  const values = [...payload.fields.flat(), ...payload.query.flat(), ...Object.values(payload.params)];
  if (payload.method !== "POST") return `method ${payload.method}`;
  if (payload.kind !== "form") return `${payload.kind} body`;
  if (payload.origin === "foreign") return "foreign Origin";
  if (values.some((text) => text.includes("\u0000"))) return "NUL byte";
  if (values.some((text) => /[\uD800-\uDFFF]/u.test(text))) return "lone surrogate (invalid UTF-8)";
  if (Object.values(payload.params).some((text) => OUT_OF_RANGE.includes(text))) return "id out of range in the path";
  if (payload.query.some(([key]) => key === "redirectTo")) return "redirectTo";
  if (payload.fields.some(([, text]) => OUT_OF_RANGE.includes(text))) return "number out of range in a field";
  return "an ordinary form";
}

function encode(payload: Payload): {
  headers: Record<string, string>;
  data?: string | Buffer;
  multipart?: Record<string, string>;
} {
  const form = new URLSearchParams(payload.fields);
  switch (payload.kind) {
    case "form":
      return { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: form.toString() };
    case "multipart":
      return { headers: {}, multipart: Object.fromEntries(payload.fields) };
    case "json":
      return {
        headers: { "Content-Type": "application/json" },
        data: JSON.stringify(Object.fromEntries(payload.fields)),
      };
    case "text":
      return { headers: { "Content-Type": "text/plain" }, data: form.toString() };
    case "none":
      return { headers: {} };
    case "invalid-utf8":
      return {
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        data: Buffer.concat([Buffer.from(`${form.toString()}&note=`), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80])]),
      };
  }
}

test("no hostile post to any action gets a server error", async ({ baseURL }) => {
  test.setTimeout(900_000);
  const { existing } = readScopeOracle();
  const routes = (await appRoutes()).filter((route) => route.hasAction);
  const fieldNames = formFieldNames();
  expect(routes.length, "actions in the build").toBeGreaterThan(15);

  const contexts = new Map<string | null, APIRequestContext>();
  const contextFor = async (login: string | null, fresh = false): Promise<APIRequestContext> => {
    const known = contexts.get(login);
    if (known && !fresh) return known;
    await known?.dispose();
    const context = await playwrightRequest.newContext({ baseURL });
    if (login) {
      const signIn = await context.post("/login", {
        form: { login, password: DEMO_PASSWORD, redirectTo: "/roadmaps" },
        headers: { Origin: baseURL! },
        maxRedirects: 0,
      });
      expect(signIn.status(), `sign-in of ${login}`).toBe(302);
    }
    contexts.set(login, context);
    return context;
  };

  const serverErrors: Array<{ route: string; cause: string; request: string; status: number }> = [];
  let sent = 0;
  // The sign-in form last: fuzzing it may slow further sign-ins from this address.
  const ordered = [...routes.filter((r) => r.id !== "routes/login"), ...routes.filter((r) => r.id === "routes/login")];
  for (const route of ordered) {
    for (const payload of payloads(route, fieldNames, existing)) {
      const filled = fillPath(route, payload.params) ?? route.path;
      const search = new URLSearchParams(payload.query).toString();
      const base = actionUrl(route, filled, payload.data);
      const url = search ? `${base}${base.includes("?") ? "&" : "?"}${search}` : base;
      const { headers, data, multipart } = encode(payload);
      if (payload.origin !== "none") headers.Origin = payload.origin === "same" ? baseURL! : "https://evil.example";
      let context = await contextFor(payload.login);
      const send = () =>
        context.fetch(url, { method: payload.method, headers, data, multipart, maxRedirects: 0, timeout: 30_000 });
      let response = await send();
      // A fuzzed post may end its own session (a password, «end sessions»): sign in again and resend.
      if (payload.login && (response.headers()["location"] ?? "").startsWith("/login")) {
        context = await contextFor(payload.login, true);
        response = await send();
      }
      sent += 1;
      if (response.status() >= 500) {
        const shown = payload.fields.map(([key, text]) => `${key}=${JSON.stringify(text.slice(0, 40))}`).join("&");
        const request = `${payload.method} ${url} as ${payload.login ?? "nobody"} (${payload.kind}, Origin ${payload.origin}) ${shown}`;
        serverErrors.push({
          route: route.id,
          cause: likelyCause(payload),
          request: request.length > 400 ? `${request.slice(0, 400)}…` : request,
          status: response.status(),
        });
      }
    }
  }
  for (const context of contexts.values()) await context.dispose();
  expect(sent, "posts sent").toBe(routes.length * RUNS_PER_ACTION);

  // One line per kind of failure (its likely cause and route), with the shortest example to replay.
  const kinds = new Map<string, { count: number; example: string }>();
  for (const error of serverErrors.sort((a, b) => a.cause.localeCompare(b.cause) || a.route.localeCompare(b.route))) {
    const key = `${error.cause}: ${error.status} at ${error.route}`;
    const known = kinds.get(key);
    if (!known) kinds.set(key, { count: 1, example: error.request });
    else {
      known.count += 1;
      if (error.request.length < known.example.length) known.example = error.request;
    }
  }
  const report = [...kinds.entries()].map(([key, { count, example }]) => `${key} ×${count}: ${example}`);
  expect(report, `server errors (seed ${SEED}, ${RUNS_PER_ACTION} posts per action)`).toEqual([]);
});
