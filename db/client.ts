import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, type CompiledQuery, type LogEvent } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import { PostgresJSDialect } from "kysely-postgres-js";
import postgres from "postgres";
import type { Database } from "./schema";

export type Engine = "pglite" | "postgres";

export interface DatabaseConnection {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** postgres:// URL of a PostgreSQL server; without it the embedded PGlite is used. */
  databaseUrl?: string;
  /** Directory of the embedded database, or "memory://" for one that lives only in this process. */
  pgliteDir: string;
  /** Connections of the PostgreSQL pool. */
  poolSize?: number;
  /** A role every PostgreSQL connection switches to as it opens (db/roles.ts). */
  role?: string;
  /** Called with every query run (the benchmarks replay them as raw SQL). */
  onQuery?: (query: CompiledQuery) => void;
}

// Type oids whose text form we parse ourselves, identically on both engines:
// numeric and int8 become numbers (quantities fit a double), dates stay 'YYYY-MM-DD' strings
// so that no time zone ever shifts a calendar date.
const NUMERIC = 1700;
const INT8 = 20;
const DATE = 1082;
const JSON_OID = 114;
const JSONB_OID = 3802;

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseConnection> {
  const log = config.onQuery ? (event: LogEvent) => config.onQuery!(event.query) : undefined;
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolSize ?? 10, config.role, log);
  return openPglite(config.pgliteDir, log);
}

function openPostgres(url: string, max: number, role?: string, log?: (event: LogEvent) => void): DatabaseConnection {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    // JIT compilation costs more than it saves on the dashboard's aggregates (≈ 0.8 s a query).
    // Room to sort and hash a road map's rows in memory.
    // A role given here is set at connection start-up, before any statement runs.
    connection: { application_name: "oryndau", jit: "off", work_mem: "32MB", ...(role ? { role } : {}) },
    types: {
      numeric: { to: NUMERIC, from: [NUMERIC], serialize: String, parse: Number },
      bigint: { to: INT8, from: [INT8], serialize: String, parse: Number },
      date: { to: DATE, from: [DATE], serialize: String, parse: (value: string) => value },
      // As PGlite does: JSON given as text is sent as it is, anything else is serialised.
      json: {
        to: JSON_OID,
        from: [JSON_OID, JSONB_OID],
        serialize: (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value)),
        parse: (value: string) => JSON.parse(value),
      },
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: client }), log });
  return { db, engine: "postgres", close: () => db.destroy() };
}

async function openPglite(dir: string, log?: (event: LogEvent) => void): Promise<DatabaseConnection> {
  const inMemory = dir.startsWith("memory://");
  const releaseLock = inMemory ? () => {} : lockDataDir(dir);
  try {
    const pglite = await PGlite.create(inMemory ? dir : path.resolve(dir), {
      parsers: { [NUMERIC]: Number, [INT8]: Number, [DATE]: (value: string) => value },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), log });
    return {
      db,
      engine: "pglite",
      async close() {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite is single-process: a second process opening the same directory would corrupt it.
 * A lock file holding the owner's pid keeps the second one out; a lock left by a dead process is taken over.
 */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = path.join(path.dirname(path.resolve(dir)), `${path.basename(dir)}.lock`);
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch {
    const owner = Number(readFileSync(lockFile, "utf8"));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(`The database directory ${dir} is in use by process ${owner}.`);
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
