import { sql, type Kysely } from "kysely";

/**
 * The role the running app works as: it reads and writes rows, owns nothing, and may only add to and
 * read the audit log. Without ownership it cannot ALTER a table or switch a trigger off, and as a
 * non-superuser it cannot set session_replication_role; so the audit log's append-only triggers hold
 * whatever SQL the app sends.
 */
export const DEFAULT_APP_ROLE = "oryndau_app";

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function quoted(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`Invalid database role name: ${role}`);
  return `"${role}"`;
}

/**
 * Run by the owner (the migrations' role) after migrating, at every start. Roles belong to the whole
 * PostgreSQL cluster and several databases (CI runs, test files in parallel) may create the same one at
 * once, so an existing role, or one created meanwhile, is simply used. The grants belong to this
 * database and are given afresh every time, so a table added by a later migration is covered without
 * anyone remembering to.
 */
export async function prepareAppRole<Schema>(owner: Kysely<Schema>, role: string): Promise<void> {
  const name = quoted(role);
  const literal = `'${role}'`;
  await sql
    .raw(
      `DO $$
       BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal}) THEN
           CREATE ROLE ${name} NOLOGIN;
         END IF;
       EXCEPTION WHEN duplicate_object OR unique_violation THEN
         NULL;
       END $$`,
    )
    .execute(owner);
  // The owner switches to the role after connecting, so it must be a member (a superuser always is).
  await sql
    .raw(
      `DO $$
       BEGIN
         IF NOT pg_has_role(current_user, ${literal}, 'MEMBER') THEN
           EXECUTE format('GRANT %I TO %I', ${literal}, current_user);
         END IF;
       END $$`,
    )
    .execute(owner);
  await owner.transaction().execute(async (trx) => {
    // Two instances starting together would otherwise update the same catalogue rows at once.
    await sql`SELECT pg_advisory_xact_lock(872302)`.execute(trx);
    for (const statement of [
      `GRANT USAGE ON SCHEMA public TO ${name}`,
      `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${name}`,
      `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${name}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`,
      `REVOKE UPDATE, DELETE ON audit_log FROM ${name}`,
      // The app may see which migrations ran (readiness), never record or lock one.
      `REVOKE INSERT, UPDATE, DELETE ON kysely_migration, kysely_migration_lock FROM ${name}`,
    ]) {
      await sql.raw(statement).execute(trx);
    }
  });
}

/** Switches a single-connection database (PGlite) to the app's role for the rest of the session. */
export async function assumeAppRole<Schema>(db: Kysely<Schema>, role: string): Promise<void> {
  await sql.raw(`SET ROLE ${quoted(role)}`).execute(db);
}
