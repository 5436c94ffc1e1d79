import path from "node:path";
import { openDatabase, type DatabaseConnection } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { assumeAppRole, prepareAppRole } from "~db/roles";
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
    const connection = await openAsAppRole(settings);
    try {
      if (settings.SEED_DEMO_DATA) await seedIfEmpty(connection);
    } catch (error) {
      await connection.close();
      throw error;
    }
    return connection;
  })();
  return globalStore.__oryndauDatabase;
}

/**
 * Migrates as the owner, then hands the app a connection that works as the least-privileged role
 * (ADR 0011). PostgreSQL: the owner's connection closes and the pool opens with the role set at
 * start-up. PGlite has one connection, which switches role once migrated.
 */
async function openAsAppRole(settings: ReturnType<typeof env>): Promise<DatabaseConnection> {
  const role = settings.DATABASE_APP_ROLE;
  const owner = await openDatabase({
    databaseUrl: settings.DATABASE_MIGRATION_URL ?? settings.DATABASE_URL,
    pgliteDir: path.join(settings.DATA_DIR, "pglite"),
    poolSize: 1,
    timeouts: timeoutsOf(settings),
  });
  try {
    await migrateToLatest(owner.db);
    await prepareAppRole(owner.db, role);
    if (owner.engine === "pglite") {
      await assumeAppRole(owner.db, role);
      return owner;
    }
  } catch (error) {
    await owner.close();
    throw error;
  }
  await owner.close();
  return openDatabase({
    databaseUrl: settings.DATABASE_URL,
    pgliteDir: "",
    poolSize: settings.DATABASE_POOL_SIZE,
    timeouts: timeoutsOf(settings),
    role,
  });
}

function timeoutsOf(settings: ReturnType<typeof env>) {
  return {
    connectMs: settings.DATABASE_CONNECT_TIMEOUT_MS,
    statementMs: settings.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionMs: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
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
