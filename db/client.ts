import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Kysely, type CompiledQuery, type LogEvent } from "kysely";
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
  /** PostgreSQL timeouts; a server that does not answer must not hold a request for ever. */
  timeouts?: Partial<DatabaseTimeouts>;
  /** Called with every query run (the benchmarks replay them as raw SQL). */
  onQuery?: (query: CompiledQuery) => void;
}

export interface DatabaseTimeouts {
  /** Giving up on opening a connection. */
  connectMs: number;
  /** The longest one statement may run (PostgreSQL's statement_timeout). */
  statementMs: number;
  /** A transaction left open without a statement is ended by the server. */
  idleInTransactionMs: number;
  /** Closing the pool: queries still running then are cut off. */
  closeMs: number;
}

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 15_000,
  idleInTransactionMs: 10_000,
  closeMs: 3_000,
};

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
  const timeouts = { ...DEFAULT_TIMEOUTS, ...config.timeouts };
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolSize ?? 10, timeouts, config.role, log);
  return openPglite(config.pgliteDir, log);
}

function openPostgres(
  url: string,
  max: number,
  timeouts: DatabaseTimeouts,
  role?: string,
  log?: (event: LogEvent) => void,
): DatabaseConnection {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: timeouts.connectMs / 1000,
    // postgres.js waits up to 20 s between reconnects after repeated failures; a server that is back
    // must be used within a second.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    connection: {
      application_name: "oryndau",
      // JIT compilation costs more than it saves on the dashboard's aggregates (≈ 0.8 s a query).
      jit: "off",
      // Room to sort and hash a road map's rows in memory.
      work_mem: "32MB",
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      // A role given here is set at connection start-up, before any statement runs.
      ...(role ? { role } : {}),
    },
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
  // db.destroy() waits for every reserved connection to be released, for ever if a query is in flight
  // on a dead server: end the pool with a deadline instead, after which postgres.js cuts connections.
  const close = async () => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeouts.closeMs + 1_000)));
    await Promise.race([client.end({ timeout: timeouts.closeMs / 1000 }), deadline]).finally(() => clearTimeout(timer));
  };
  return { db, engine: "postgres", close };
}

async function openPglite(dir: string, log?: (event: LogEvent) => void): Promise<DatabaseConnection> {
  const inMemory = dir.startsWith("memory://");
  const releaseLock = inMemory ? () => {} : lockDataDir(dir);
  try {
    // Loaded only for the embedded database: ≈ 18 MB of each PostgreSQL worker's memory otherwise (ADR 36).
    const [{ PGlite }, { PGliteDialect }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("kysely-pglite-dialect"),
    ]);
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
