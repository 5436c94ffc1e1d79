import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// URL")
    .optional(),
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// URL")
    .optional(),
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a role name of lower-case letters, digits and _")
    .default("oryndau_app"),
  DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  APP_TIME_ZONE: z
    .string()
    .refine((zone) => isTimeZone(zone), "must be an IANA time zone such as Asia/Almaty")
    .default("Asia/Almaty"),
  SEED_DEMO_DATA: booleanFlag.default(true),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(7),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  /** A request not answered by then gets «the database is unavailable» (503) instead of waiting. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(20_000),
  /** Behind a TLS-terminating proxy: believe its X-Forwarded-Proto (and send HSTS over https). */
  TRUST_PROXY: booleanFlag.default(false),
  /** Bytes of rendered pages each process keeps (compressed), in MB; 0 keeps none. */
  PAGE_CACHE_MB: z.coerce.number().min(0).max(4096).default(32),
  /** Computed figures each process keeps until their road map changes, in MB (docs/decisions/0022). */
  FIGURES_CACHE_MB: z.coerce.number().min(0).max(4096).default(32),
  /** Road maps' rows each process keeps for their figures, by revision, in MB (docs/decisions/0034). */
  ROAD_MAP_ROWS_MB: z.coerce.number().min(0).max(4096).default(64),
  /** Evidence files of progress entries: where they are kept (default DATA_DIR/evidence), how large and how many. */
  EVIDENCE_DIR: z.string().min(1).optional(),
  EVIDENCE_FILE_MAX_MB: z.coerce.number().positive().max(100).default(10),
  EVIDENCE_FILES_MAX: z.coerce.number().int().min(1).max(20).default(5),
  /** Read-API calls one token may make a minute (counted in the database, so across all instances). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  /** Outgoing mail (smtp:// or smtps://, credentials in the URL); unset = in-app notifications only. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Oryndau <no-reply@localhost>"),
  /** The address users open the app at, for links in e-mails (e.g. https://oryndau.example.kz). */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(:\d+)?$/, "must be an http(s):// origin without a path")
    .optional(),
});

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string };

export class EnvError extends Error {}

/** Reads and checks the settings once; a bad one stops start-up with a single line that names it. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const values = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(`Setting ${issue.path.join(".")} is invalid: ${issue.message}`);
  }
  const env = parsed.data;
  if (env.DATABASE_MIGRATION_URL && !env.DATABASE_URL) {
    throw new EnvError("Setting DATABASE_URL is missing: it is required when DATABASE_MIGRATION_URL is set");
  }
  if (env.SESSION_SECRET) return { ...env, SESSION_SECRET: env.SESSION_SECRET };
  if (env.DATABASE_URL) {
    // Several instances share one PostgreSQL; each must sign sessions with the same secret.
    throw new EnvError("Setting SESSION_SECRET is missing: it is required when DATABASE_URL is set");
  }
  return { ...env, SESSION_SECRET: localSessionSecret(env.DATA_DIR) };
}

/** With the embedded database there is one instance: a secret kept beside its data survives restarts. */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
