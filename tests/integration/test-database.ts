import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseConnection } from "~db/client";
import { migrateToLatest } from "~db/migrate";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or, when TEST_DATABASE_URL
 * points at a PostgreSQL server, a new database on it that is dropped afterwards.
 */
export async function createTestDatabase(): Promise<DatabaseConnection & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const connection = await openDatabase({ pgliteDir: "memory://" });
    await migrateToLatest(connection.db);
    return connection;
  }
  const name = `${process.env.TEST_DATABASE_PREFIX ?? "oryndau_test"}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await openDatabase({ pgliteDir: "", databaseUrl: url.toString(), poolSize: 4 });
  await migrateToLatest(connection.db);
  return {
    ...connection,
    url: url.toString(),
    async close() {
      await connection.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export const engineName = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
