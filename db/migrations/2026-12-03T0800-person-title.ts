import { sql, type Kysely } from "kysely";

// Frozen. A user is a person: `display_name` holds the person's name and the new `title` their post
// (kk/ru/en, as other typed text), so that documents are signed by a name and the post is shown in the
// reader's language. Existing rows keep their name and get no title until an administrator adds one.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`ALTER TABLE app_user ADD COLUMN title jsonb CHECK (title IS NULL OR is_localized_text(title))`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE app_user DROP COLUMN title`).execute(db);
}
