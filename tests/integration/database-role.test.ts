import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import { openDatabase, type DatabaseConnection } from "~db/client";
import { assumeAppRole, prepareAppRole } from "~db/roles";
import type { Database } from "~db/schema";
import { createTestDatabase, engineName } from "./test-database";

// Parallel test files and CI runs share one PostgreSQL server, and roles belong to the whole server:
// every run uses the role named after its own prefix.
const role = `${process.env.TEST_DATABASE_PREFIX ?? "oryndau_test"}_app`;
const loginRole = `${process.env.TEST_DATABASE_PREFIX ?? "oryndau_test"}_web`;

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return "accepted";
}

describe(`the app's database role on ${engineName}`, () => {
  let owner: DatabaseConnection & { url?: string };
  const apps: Array<[string, Kysely<Database>, () => Promise<void>]> = [];

  beforeAll(async () => {
    owner = await createTestDatabase();
    await prepareAppRole(owner.db, role);
    // The app's work is done as the role: an audited write and a row of its own.
    if (owner.engine === "pglite") {
      await assumeAppRole(owner.db, role);
      apps.push(["switched role", owner.db, async () => {}]);
    } else {
      const switched = await openDatabase({ pgliteDir: "", databaseUrl: owner.url, poolSize: 1, role });
      apps.push(["switched role", switched.db, switched.close]);
      // A login of its own, member of the role: not even SET ROLE NONE leads back to the owner.
      await sql
        .raw(
          `DO $$ BEGIN
             CREATE ROLE "${loginRole}" LOGIN IN ROLE "${role}";
           EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
           END $$`,
        )
        .execute(owner.db);
      const url = new URL(owner.url!);
      url.username = loginRole;
      const login = await openDatabase({ pgliteDir: "", databaseUrl: url.toString(), poolSize: 1, role });
      apps.push(["own login", login.db, login.close]);
    }
    const [, app] = apps[0]!;
    await withActor(app, "system", (trx) =>
      trx
        .insertInto("territory")
        .values({ kind: "country", kato_code: null, parent_id: null, name: JSON.stringify({ kk: "Қазақстан" }) })
        .execute(),
    );
  });

  afterAll(async () => {
    for (const [, , close] of apps) await close();
    await owner?.close();
  });

  it("reads and writes rows, and adds to the audit log through its trigger", async () => {
    for (const [, app] of apps) {
      const current = await sql<{ user: string }>`SELECT current_user AS user`.execute(app);
      expect(current.rows[0]!.user).toBe(role);
      const audit = await app
        .selectFrom("audit_log")
        .select(["table_name", "action"])
        .where("table_name", "=", "territory")
        .execute();
      expect(audit).toEqual([{ table_name: "territory", action: "insert" }]);
    }
  });

  it("cannot change, delete or truncate an audit row, nor switch its triggers or replication role off", async () => {
    const routes = [
      `UPDATE audit_log SET reason = 'rewritten'`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
      `ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`,
      `ALTER TABLE audit_log DISABLE TRIGGER ALL`,
      `DROP TRIGGER audit_log_append_only ON audit_log`,
      `SET session_replication_role = replica`,
      `ALTER TABLE territory DISABLE TRIGGER territory_audit`,
      `DROP TABLE audit_log`,
    ];
    for (const [name, app] of apps) {
      // A login role of its own cannot step back to the owner; a switched one could (ADR 0011).
      if (name === "own login") await sql`SET ROLE NONE`.execute(app);
      const outcomes = [];
      for (const statement of routes) outcomes.push([statement, await refusal(sql.raw(statement).execute(app))]);
      expect(outcomes, name).toEqual(routes.map((statement) => [statement, "42501"]));
    }
    const rows = await owner.db.selectFrom("audit_log").select(["reason"]).execute();
    expect(rows).toEqual([{ reason: null }]);
  });

  it("owns nothing in the database", async () => {
    const [, app] = apps[0]!;
    const owned = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')`.execute(app);
    expect(owned.rows).toEqual([]);
  });
});
