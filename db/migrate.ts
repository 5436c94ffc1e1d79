import { Migrator, type Kysely, type Migration, type MigrationResultSet } from "kysely";
import { migrations as allMigrations } from "./migrations";

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResultSet["results"],
  ) {
    super(message);
  }
}

/**
 * Brings the schema up to date. Kysely runs the pending migrations in one transaction under an
 * advisory lock, so a failure leaves the database as it was and two processes can start together.
 */
export async function migrateToLatest<Schema>(
  db: Kysely<Schema>,
  migrations: Record<string, Migration> = allMigrations,
): Promise<MigrationResultSet["results"]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "unknown";
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${failed} failed: ${reason}`, results);
  }
  return results;
}

/** True when every migration of the app has run on this database. */
export async function migrationsCurrent<Schema>(
  db: Kysely<Schema>,
  migrations: Record<string, Migration> = allMigrations,
): Promise<boolean> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const known = await migrator.getMigrations();
  return known.every((migration) => migration.executedAt !== undefined);
}
