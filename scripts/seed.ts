// `npm run seed`: empties the database the app uses, migrates it and fills it with the demo data.
// Everything in the database is lost. The same settings as the app: DATABASE_URL, or the embedded
// PGlite under DATA_DIR.
import path from "node:path";
import { sql } from "kysely";
import { openDatabase, type DatabaseConnection } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { seedDemoData } from "~db/seed";
import { todayIn } from "~/domain/periods/quarter";

const databaseUrl = process.env.DATABASE_URL || undefined;
const pgliteDir = path.join(process.env.DATA_DIR || "./data", "pglite");
const today = todayIn(process.env.APP_TIME_ZONE || "Asia/Almaty");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let connection: DatabaseConnection;
try {
  connection = await openDatabase({ databaseUrl, pgliteDir });
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  // PGlite is single-process: a running app holds the directory (db/client.ts locks it).
  fail(
    /in use by process/.test(reason)
      ? `${reason} Stop the running app first, then run \`npm run seed\` again.`
      : `Cannot open the database: ${reason}`,
  );
}

const { db, engine, close } = connection;
try {
  const started = performance.now();
  // Two statements, one per query: PGlite runs one statement at a time.
  await sql.raw("DROP SCHEMA public CASCADE").execute(db);
  await sql.raw("CREATE SCHEMA public").execute(db);
  await migrateToLatest(db);
  await seedDemoData(db, { today });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const where =
    engine === "pglite" ? `the embedded database in ${pgliteDir}` : "the PostgreSQL database of DATABASE_URL";
  console.log(`Reset ${where} and filled it with the demo data as of ${today} (${seconds} s).`);
} catch (error) {
  await close();
  fail(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
}
await close();
