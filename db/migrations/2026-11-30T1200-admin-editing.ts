import { sql, type Kysely } from "kysely";

// Frozen. The audit trigger leaves password hashes out of the log, so a password change alone would
// leave no trace there; the date it happened is a column of its own, recorded like any other.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE app_user DROP COLUMN password_changed_at`).execute(db);
}
