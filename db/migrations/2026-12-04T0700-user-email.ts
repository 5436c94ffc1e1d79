import { sql, type Kysely } from "kysely";

// Frozen. A user gets an e-mail address for notifications and password resets. Addresses are compared
// without regard to case, so two accounts cannot share one; an account may have none.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `ALTER TABLE app_user ADD COLUMN email text CHECK (email IS NULL OR (length(email) <= 254 AND email LIKE '%_@_%'))`,
    )
    .execute(db);
  await sql
    .raw(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email)) WHERE email IS NOT NULL`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP INDEX app_user_email_key`).execute(db);
  await sql.raw(`ALTER TABLE app_user DROP COLUMN email`).execute(db);
}
