import { sql, type Kysely } from "kysely";

// Frozen. Sessions that the server can end, and sign-in failures that throttle guessing:
// - a session per sign-in; the cookie carries a random token and only its SHA-256 is stored here, so
//   a copy of this table opens no session. Ending a session deletes its row.
// - failed sign-ins counted per login and per client address, in the database so that every instance
//   and cluster worker sees the same count. Neither table is audited: they are not the programme's data,
//   and a row per sign-in would drown the audit log.

const statements = [
  `CREATE TABLE user_session (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
     user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
     created_at timestamptz NOT NULL DEFAULT now(),
     last_seen_at timestamptz NOT NULL DEFAULT now(),
     user_agent text CHECK (length(user_agent) <= 300)
   )`,
  `CREATE INDEX user_session_user_idx ON user_session (user_id)`,
  `CREATE INDEX user_session_last_seen_idx ON user_session (last_seen_at)`,

  `CREATE TABLE sign_in_failure (
     key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 300),
     failures integer NOT NULL CHECK (failures >= 0),
     last_failed_at timestamptz NOT NULL
   )`,
  `CREATE INDEX sign_in_failure_last_failed_idx ON sign_in_failure (last_failed_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP TABLE sign_in_failure`).execute(db);
  await sql.raw(`DROP TABLE user_session`).execute(db);
}
