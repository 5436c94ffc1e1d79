import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import postgres from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openDatabase, type DatabaseConnection } from "~db/client";
import { isDatabaseUnavailable } from "~/http/database-unavailable";

// postgres.js 3.4.9 crashed the process when a connection closed while a write was scheduled
// (porsager/postgres #1154, #1208; patches/postgres+3.4.9.patch). The database's connections are
// cut again and again under concurrent transactions: the process must live on, every failure must be
// an «unavailable» error the app answers with 503, no acknowledged write may be lost, and once the
// cuts stop every new request must succeed on the same pool (no connection lost, no request left
// waiting).
// This is about the PostgreSQL driver, so it runs on PostgreSQL: TEST_DATABASE_URL or the local server.

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `${process.env.TEST_DATABASE_PREFIX ?? "oryndau_test"}_outage_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
let connection: DatabaseConnection;
const uncaught: unknown[] = [];
const recordUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  connection = await openDatabase({ pgliteDir: "", databaseUrl: url.toString(), poolSize: 8 });
  await sql`CREATE TABLE probe (id serial PRIMARY KEY, writer int NOT NULL)`.execute(connection.db);
  process.on("uncaughtException", recordUncaught);
});

afterAll(async () => {
  process.off("uncaughtException", recordUncaught);
  await connection?.close();
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops waiting for an operation after a while (as the app's request deadline does); it counts as failed. */
function settledWithin<T>(operation: Promise<T>, ms = 5_000): Promise<T> {
  return Promise.race([
    operation,
    sleep(ms).then(() => Promise.reject(Object.assign(new Error("no answer"), { code: "CONNECT_TIMEOUT" }))),
  ]);
}

test("connections cut under concurrent writes: the process survives, nothing acknowledged is lost, the pool recovers", async () => {
  const acknowledged: number[] = [];
  const failures: unknown[] = [];
  let running = true;

  // Two statements on one reserved connection, with time between them for the cut to land.
  const write = (writer: number) =>
    settledWithin(
      connection.db.transaction().execute(async (trx) => {
        await sql`SELECT pg_sleep(0.01)`.execute(trx);
        const row = await trx
          .insertInto("probe" as never)
          .values({ writer } as never)
          .returning("id" as never)
          .executeTakeFirstOrThrow();
        return (row as { id: number }).id;
      }),
    );
  const writer = async (writer: number) => {
    while (running) {
      try {
        const id = await write(writer);
        acknowledged.push(id);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  const killer = async () => {
    let cuts = 0;
    while (running) {
      const [{ killed }] = await admin<[{ killed: number }]>`
        SELECT count(pg_terminate_backend(pid))::int AS killed FROM pg_stat_activity
        WHERE datname = ${name} AND application_name = 'oryndau'`;
      cuts += killed;
      await sleep(40);
    }
    return cuts;
  };

  const writers = Array.from({ length: 12 }, (_, index) => writer(index));
  const cutting = killer();
  await sleep(3_000);
  running = false;
  const cuts = await cutting;
  await Promise.all(writers);

  expect(uncaught).toEqual([]);
  expect(cuts).toBeGreaterThan(5);
  expect(failures.length).toBeGreaterThan(0);
  expect(failures.filter((error) => !isDatabaseUnavailable(error))).toEqual([]);

  // The cuts have stopped: three rounds of more concurrent transactions and reads than the pool has
  // connections all succeed (a lost connection or a forgotten waiting request would fail or hang them).
  for (let round = 0; round < 3; round++) {
    const writes = await Promise.allSettled(Array.from({ length: 20 }, (_, index) => write(100 + index)));
    const reads = await Promise.allSettled(
      Array.from({ length: 20 }, () => settledWithin(sql`SELECT count(*) FROM probe`.execute(connection.db))),
    );
    expect([...writes, ...reads].filter((outcome) => outcome.status === "rejected")).toEqual([]);
    for (const outcome of writes) if (outcome.status === "fulfilled") acknowledged.push(outcome.value);
  }

  // Every acknowledged write is in the database (read on a connection of its own).
  const check = postgres(`${serverUrl.replace(/\/[^/]*$/, "")}/${name}`, { max: 1, onnotice: () => {} });
  const rows = await check<{ id: number }[]>`SELECT id FROM probe`;
  await check.end();
  const storedIds = new Set(rows.map((row) => row.id));
  expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
}, 30_000);
