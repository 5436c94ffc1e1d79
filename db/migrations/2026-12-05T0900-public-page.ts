import { sql, type Kysely } from "kysely";

// Frozen. A programme's public transparency page: whether it is published and which of its blocks
// are shown; a measure's narratives are shown there only when the measure is marked so. Held on the
// rows themselves, so the programme's and the measure's version checks, audit and revision triggers
// (foundation, 2026-11-22T1400) cover them: publishing moves every road map's revision, marking a
// measure moves its road map's.

const statements = [
  `ALTER TABLE programme ADD COLUMN public_page boolean NOT NULL DEFAULT false`,
  `ALTER TABLE programme ADD COLUMN public_sections boolean NOT NULL DEFAULT true`,
  `ALTER TABLE programme ADD COLUMN public_territories boolean NOT NULL DEFAULT true`,
  `ALTER TABLE programme ADD COLUMN public_measures boolean NOT NULL DEFAULT true`,
  `ALTER TABLE measure ADD COLUMN narrative_public boolean NOT NULL DEFAULT false`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE measure DROP COLUMN narrative_public`).execute(db);
  for (const column of ["public_measures", "public_territories", "public_sections", "public_page"]) {
    await sql.raw(`ALTER TABLE programme DROP COLUMN ${column}`).execute(db);
  }
}
