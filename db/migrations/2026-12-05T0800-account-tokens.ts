import { sql, type Kysely } from "kysely";

// Frozen. Single-use tokens mailed to a user: a password reset (valid an hour) and the confirmation of
// a new e-mail address (valid a day; the new address waits here until it is confirmed). Like sessions,
// only the token's SHA-256 is stored, so a copy of this table resets no password. Not audited: the
// change a token makes (the password's date, the address) is audited where it lands, on app_user.

const statements = [
  `CREATE TABLE account_token (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     purpose text NOT NULL CHECK (purpose IN ('password_reset', 'email_change')),
     user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
     token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
     email text CHECK (email IS NULL OR (length(email) <= 254 AND email LIKE '%_@_%')),
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     used_at timestamptz,
     CHECK ((purpose = 'email_change') = (email IS NOT NULL))
   )`,
  `CREATE INDEX account_token_user_idx ON account_token (user_id, purpose)`,
  `CREATE INDEX account_token_expires_idx ON account_token (expires_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP TABLE account_token`).execute(db);
}
