import path from "node:path";
import { openDatabase, type DatabaseConnection } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { seedDemoData } from "~db/seed";
import { sql } from "kysely";
import { todayIn } from "~/domain/periods/quarter";
import { env } from "~/env.server";

// One connection per process, kept across dev-server reloads so they do not leak connections.
const globalStore = globalThis as typeof globalThis & { __oryndauDatabase?: Promise<DatabaseConnection> };

/** Opens the database, brings its schema up to date and, when it is empty, fills it with the demo data. */
export function startDatabase(): Promise<DatabaseConnection> {
  globalStore.__oryndauDatabase ??= (async () => {
    const settings = env();
    const connection = await openDatabase({
      databaseUrl: settings.DATABASE_URL,
      pgliteDir: path.join(settings.DATA_DIR, "pglite"),
      poolSize: settings.DATABASE_POOL_SIZE,
      timeouts: {
        connectMs: settings.DATABASE_CONNECT_TIMEOUT_MS,
        statementMs: settings.DATABASE_STATEMENT_TIMEOUT_MS,
        idleInTransactionMs: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      },
    });
    try {
      await migrateToLatest(connection.db);
      if (settings.SEED_DEMO_DATA) await seedIfEmpty(connection);
    } catch (error) {
      await connection.close();
      throw error;
    }
    return connection;
  })();
  return globalStore.__oryndauDatabase;
}

async function seedIfEmpty({ db }: DatabaseConnection): Promise<void> {
  // Two instances starting together on one PostgreSQL must not both seed: the lock serialises them
  // and the second finds the data already there.
  await db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(872301)`.execute(connection);
    try {
      const { count } = await connection
        .selectFrom("app_user")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow();
      if (Number(count) === 0) await seedDemoData(connection, { today: todayIn(env().APP_TIME_ZONE) });
    } finally {
      await sql`SELECT pg_advisory_unlock(872301)`.execute(connection);
    }
  });
}

export async function database() {
  return (await startDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const connection = globalStore.__oryndauDatabase;
  globalStore.__oryndauDatabase = undefined;
  if (connection) await (await connection).close();
}
