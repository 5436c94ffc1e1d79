import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type DatabaseConnection } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { closeDatabase, database } from "~/db.server";

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

/**
 * The app's own database, opened as the server opens it (`~/db.server`: migrated, demo data seeded,
 * working as the app's role): on a PostgreSQL database made for the test file, or on a PGlite in a
 * temporary folder. `close` closes it and removes what was made.
 */
export async function openAppDatabase(folderPrefix: string): Promise<{ close: () => Promise<void> }> {
  process.env.SESSION_SECRET = "a test secret of at least thirty-two characters";
  process.env.SEED_DEMO_DATA = "true";
  process.env.DATABASE_APP_ROLE = `${process.env.TEST_DATABASE_PREFIX ?? "oryndau_test"}_app`;
  let closeTestDatabase: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const testDatabase = await createTestDatabase();
    process.env.DATABASE_URL = testDatabase.url;
    closeTestDatabase = testDatabase.close;
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), folderPrefix));
    process.env.DATA_DIR = dataDir;
  }
  await database();
  return {
    async close() {
      await closeDatabase();
      await closeTestDatabase?.();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
