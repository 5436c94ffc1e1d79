import { Validator } from "@seriousme/openapi-schema-validator";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import { seedDemoData } from "~db/seed";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { answerApi, type Endpoint } from "~/domain/api/handler.server";
import { openApiDocument } from "~/domain/api/openapi";
import {
  figuresEndpoint,
  measuresEndpoint,
  programmesEndpoint,
  rankingEndpoint,
  roadMapsEndpoint,
  scorecardEndpoint,
} from "~/domain/api/resources.server";
import { createTokenSchema } from "~/domain/api/token-schema";
import { createApiToken, hashToken, listApiTokens, revokeApiToken } from "~/domain/api/tokens.server";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { roadMapDashboard } from "~/domain/execution/dashboard.server";
import { createTestDatabase, engineName } from "./test-database";

// The read API on the demo data: tokens scoped like users, refused when revoked or expired, figures
// equal to the dashboard's, the rate limit, every call recorded, and a valid OpenAPI document.

const TODAY = "2026-11-22";
const TIME_ZONE = "Asia/Almaty";

describe(`read API on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let admin: Principal;
  let shymkentRoadMap: number;
  const districts = new Map<string, number>();

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    await seedDemoData(db, { today: TODAY });
    const adminRow = await db
      .selectFrom("app_user")
      .select("id")
      .where("login", "=", "admin")
      .executeTakeFirstOrThrow();
    admin = (await loadPrincipal(db, adminRow.id))!;
    const shymkent = await db
      .selectFrom("territory")
      .select("id")
      .where("kato_code", "=", "790000000")
      .executeTakeFirstOrThrow();
    for (const row of await db
      .selectFrom("territory")
      .select(["id", sql<string>`name->>'en'`.as("name")])
      .where("parent_id", "=", shymkent.id)
      .execute()) {
      districts.set(row.name, row.id);
    }
    const roadMap = await db
      .selectFrom("road_map")
      .select("id")
      .where("territory_id", "=", shymkent.id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    shymkentRoadMap = roadMap.id;
  });
  afterAll(() => close());

  const token = async (input: Record<string, unknown>) => {
    const parsed = createTokenSchema(TODAY).parse({ intent: "create-token", expiresOn: "2027-06-30", ...input });
    return createApiToken(db, admin, parsed, TIME_ZONE);
  };

  const call = async (
    endpoint: Endpoint,
    path: string,
    options: { secret?: string; params?: Record<string, string>; perMinute?: number; language?: string } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (options.secret) headers["Authorization"] = `Bearer ${options.secret}`;
    if (options.language) headers["Accept-Language"] = options.language;
    const response = await answerApi(db, new Request(`http://localhost${path}`, { headers }), endpoint, {
      perMinute: options.perMinute ?? 600,
      today: TODAY,
      params: options.params ?? {},
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read by the test
  };

  const figuresPath = (query: string) => `/api/v1/roadmaps/${shymkentRoadMap}/figures${query}`;

  it("lets a token scoped to one district read its own figures and nothing of another district", async () => {
    const { secret } = await token({
      name: "Abay office",
      role: "akim",
      territoryId: String(districts.get("Abay District")),
    });
    const params = { roadMapId: String(shymkentRoadMap) };
    const own = await call(figuresEndpoint, figuresPath(`?territory=${districts.get("Abay District")}`), {
      secret,
      params,
    });
    expect(own.status).toBe(200);
    expect(own.body.territory.id).toBe(districts.get("Abay District"));

    const other = await call(figuresEndpoint, figuresPath(`?territory=${districts.get("Al-Farabi District")}`), {
      secret,
      params,
    });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe("notFound");

    // Without a territory filter the answer is the token's own slice, not the whole city.
    const slice = await call(figuresEndpoint, figuresPath(""), { secret, params });
    expect(slice.body.territory.id).toBe(districts.get("Abay District"));
    const measures = await call(measuresEndpoint, `/api/v1/roadmaps/${shymkentRoadMap}/measures?pageSize=200`, {
      secret,
      params,
    });
    expect(measures.status).toBe(200);
    const territories = new Set(
      measures.body.data.flatMap(
        (m: { plans: Array<{ territoryId: number }>; facts: Array<{ territoryId: number }> }) => [
          ...m.plans.map((p) => p.territoryId),
          ...m.facts.map((f) => f.territoryId),
        ],
      ),
    );
    expect(territories.has(districts.get("Al-Farabi District")!)).toBe(false);
  });

  it("answers a road map outside the token's scope exactly as one that does not exist", async () => {
    const { secret } = await token({
      name: "Abay office 2",
      role: "akim",
      territoryId: String(districts.get("Abay District")),
    });
    const karaganda = await db
      .selectFrom("road_map as rm")
      .innerJoin("territory as t", "t.id", "rm.territory_id")
      .select("rm.id")
      .where("t.kato_code", "=", "350000000")
      .executeTakeFirstOrThrow();
    const foreign = await call(figuresEndpoint, `/api/v1/roadmaps/${karaganda.id}/figures`, {
      secret,
      params: { roadMapId: String(karaganda.id) },
    });
    const missing = await call(figuresEndpoint, "/api/v1/roadmaps/999999/figures", {
      secret,
      params: { roadMapId: "999999" },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    const list = await call(roadMapsEndpoint, "/api/v1/roadmaps", { secret });
    expect(list.body.data.map((r: { id: number }) => r.id)).not.toContain(karaganda.id);
    const region = await db
      .selectFrom("territory")
      .select("id")
      .where("kato_code", "=", "350000000")
      .executeTakeFirstOrThrow();
    const ranking = await call(rankingEndpoint, `/api/v1/kpi/rankings/${region.id}`, {
      secret,
      params: { territoryId: String(region.id) },
    });
    expect(ranking.status).toBe(404);
  });

  it("refuses a missing, unknown, revoked and expired token with 401 and says why", async () => {
    const missing = await call(programmesEndpoint, "/api/v1/programmes");
    expect([missing.status, missing.body.error.code]).toEqual([401, "missingToken"]);
    expect(missing.headers.get("WWW-Authenticate")).toContain("Bearer");
    const unknown = await call(programmesEndpoint, "/api/v1/programmes", { secret: `ory_${"A".repeat(43)}` });
    expect([unknown.status, unknown.body.error.code]).toEqual([401, "invalidToken"]);

    const revoked = await token({ name: "Revoked", role: "viewer" });
    expect((await call(programmesEndpoint, "/api/v1/programmes", { secret: revoked.secret })).status).toBe(200);
    await revokeApiToken(db, admin, revoked.id, 1);
    const afterRevoke = await call(programmesEndpoint, "/api/v1/programmes", {
      secret: revoked.secret,
      language: "ru",
    });
    expect([afterRevoke.status, afterRevoke.body.error.code]).toEqual([401, "revokedToken"]);
    expect(afterRevoke.body.error.message).toBe("Токен API отозван.");

    const expired = await token({ name: "Expired", role: "viewer" });
    await withActor(db, admin.id, (trx) =>
      trx
        .updateTable("api_token")
        .set({ created_at: "2025-01-01T00:00:00Z", expires_at: "2025-06-01T00:00:00Z" })
        .where("id", "=", expired.id)
        .execute(),
    );
    const afterExpiry = await call(programmesEndpoint, "/api/v1/programmes", { secret: expired.secret });
    expect([afterExpiry.status, afterExpiry.body.error.code]).toEqual([401, "expiredToken"]);
  });

  it("gives the dashboard's figures for the same road map, date and filters", async () => {
    const viewer = await token({ name: "BI", role: "viewer" });
    const principal = (await loadPrincipal(
      db,
      (await db.selectFrom("app_user").select("id").where("login", "=", "viewer").executeTakeFirstOrThrow()).id,
    ))!;
    for (const query of [
      "?asOf=2024-10-31",
      "?asOf=2024-10-31&current=1&submitted=1",
      "?asOf=2025-06-30&status=behind&status=overdue",
      "",
    ]) {
      const answer = await call(figuresEndpoint, figuresPath(query), {
        secret: viewer.secret,
        params: { roadMapId: String(shymkentRoadMap) },
      });
      expect(answer.status, query).toBe(200);
      const { filters } = parseDashboardFilters(new URLSearchParams(query), TODAY);
      const page = JSON.parse(JSON.stringify(await roadMapDashboard(db, principal, shymkentRoadMap, filters)));
      expect(page.total, query).not.toBeNull();
      expect(answer.body.total, query).toEqual(page.total);
      expect(answer.body.sections).toEqual(page.sections);
      expect(answer.body.departments).toEqual(page.departments);
      expect(answer.body.territories).toEqual(page.territories);
      expect(answer.body.series).toEqual(page.series);
      expect(answer.body.attention).toEqual(page.attention);
      expect(answer.body.measures.data).toEqual(page.measures);
      expect(answer.body.measures.total).toBe(page.measureCount);
    }
  });

  it("refuses parameters it does not know or cannot read with 400, listing them", async () => {
    const viewer = await token({ name: "Typos", role: "viewer" });
    const params = { roadMapId: String(shymkentRoadMap) };
    const typo = await call(figuresEndpoint, figuresPath("?asof=2024-10-31"), { secret: viewer.secret, params });
    expect(typo.status).toBe(400);
    expect(typo.body.error.code).toBe("badRequest");
    const date = await call(figuresEndpoint, figuresPath("?asOf=2024-13-01"), { secret: viewer.secret, params });
    expect(date.body.error.issues[0].path).toBe("asOf");
  });

  it("pages lists and gives KPI rankings and scorecards", async () => {
    const viewer = await token({ name: "Pages", role: "viewer" });
    const all = await call(roadMapsEndpoint, "/api/v1/roadmaps", { secret: viewer.secret });
    expect(all.body.total).toBeGreaterThan(2);
    const second = await call(roadMapsEndpoint, "/api/v1/roadmaps?page=2&pageSize=1", { secret: viewer.secret });
    expect(second.body.data).toEqual([all.body.data[1]]);
    const karaganda = await db
      .selectFrom("territory")
      .select("id")
      .where("kato_code", "=", "350000000")
      .executeTakeFirstOrThrow();
    const ranking = await call(rankingEndpoint, `/api/v1/kpi/rankings/${karaganda.id}?period=2024`, {
      secret: viewer.secret,
      params: { territoryId: String(karaganda.id) },
    });
    expect(ranking.status).toBe(200);
    expect(ranking.body.rows.length).toBeGreaterThan(5);
    const first = ranking.body.rows[0];
    const scorecard = await call(scorecardEndpoint, `/api/v1/kpi/scorecards/${first.territoryId}?period=2024`, {
      secret: viewer.secret,
      params: { territoryId: String(first.territoryId) },
    });
    expect(scorecard.status).toBe(200);
    expect(scorecard.body.explanation.score).toBe(first.score);
  });

  it("answers 429 with Retry-After past the token's calls a minute", async () => {
    const { secret } = await token({ name: "Busy", role: "viewer" });
    const answers = [];
    // Seven calls at three a minute: even if a minute turns over among them, one is refused.
    for (let n = 0; n < 7; n += 1)
      answers.push(await call(programmesEndpoint, "/api/v1/programmes", { secret, perMinute: 3 }));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.body.error.code).toBe("rateLimited");
    expect(Number(refused[0]!.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
  });

  it("records every call with its token, path and status, and lists the last use", async () => {
    const created = await token({ name: "Recorded", role: "viewer" });
    await call(programmesEndpoint, "/api/v1/programmes?page=1", { secret: created.secret });
    await call(figuresEndpoint, "/api/v1/roadmaps/999999/figures", {
      secret: created.secret,
      params: { roadMapId: "999999" },
    });
    const calls = await db
      .selectFrom("api_call")
      .select(["path", "status", "method", "called_at"])
      .where("token_id", "=", created.id)
      .orderBy("id")
      .execute();
    expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([
      ["GET", "/api/v1/programmes?page=1", 200],
      ["GET", "/api/v1/roadmaps/999999/figures", 404],
    ]);
    const listed = (await listApiTokens(db)).find((row) => row.id === created.id)!;
    expect(listed.last_used_at).not.toBeNull();
    const anonymous = await db.selectFrom("api_call").select("status").where("token_id", "is", null).execute();
    expect(anonymous.length).toBeGreaterThan(0);
  });

  it("keeps only the secret's hash, and audits making and revoking a token", async () => {
    const created = await token({ name: "Audited", role: "viewer" });
    expect(created.secret).toMatch(/^ory_[A-Za-z0-9_-]{43}$/);
    const row = await db.selectFrom("api_token").selectAll().where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(4));
    await revokeApiToken(db, admin, created.id, row.version);
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("table_name", "=", "api_token")
      .where("row_id", "=", created.id)
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "insert", actor_id: admin.id },
      { action: "update", actor_id: admin.id },
    ]);
    // A second revoke from the old version is stale, and changes nothing.
    await expect(revokeApiToken(db, admin, created.id, row.version)).rejects.toThrow();
  });

  it("refuses an expiry in the past or more than a year ahead", () => {
    const schema = createTokenSchema(TODAY);
    const base = { intent: "create-token", name: "x", role: "viewer" };
    expect(schema.safeParse({ ...base, expiresOn: "2026-11-22" }).success).toBe(false);
    expect(schema.safeParse({ ...base, expiresOn: "2027-12-31" }).success).toBe(false);
    expect(schema.safeParse({ ...base, expiresOn: "2027-11-22" }).success).toBe(true);
    expect(schema.safeParse({ ...base, role: "akim", expiresOn: "2027-01-01" }).success).toBe(false);
  });

  it("describes itself in a valid OpenAPI 3.1 document built from the parameter schemas", async () => {
    const document = openApiDocument();
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const figures = document.paths["/api/v1/roadmaps/{roadMapId}/figures"] as {
      get: { parameters: Array<{ name: string; in: string }> };
    };
    expect(figures.get.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "roadMapId",
        "asOf",
        "current",
        "submitted",
        "from",
        "to",
        "section",
        "department",
        "territory",
        "status",
      ]),
    );
  });
});
