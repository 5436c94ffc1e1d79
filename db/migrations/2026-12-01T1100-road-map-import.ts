import { sql, type Kysely } from "kysely";

// Frozen. A road map's revision moves once per transaction, not once per row: an import writes tens of
// thousands of rows of one road map in one transaction, and bumping the same row each time makes every
// next update walk the chain of versions the earlier ones left (quadratic: 55 000 rows took a minute).
// Readers see the revision only once the transaction commits, so one move per transaction says the same.

const statements = [
  `CREATE OR REPLACE FUNCTION bump_road_map_revision(road_map integer) RETURNS void LANGUAGE plpgsql AS $$
     DECLARE
       flag text := 'oryndau.revision_moved_' || road_map;
     BEGIN
       IF coalesce(current_setting(flag, true), '') = '' THEN
         INSERT INTO road_map_revision (road_map_id, revision) VALUES (road_map, 1)
         ON CONFLICT (road_map_id) DO UPDATE SET revision = road_map_revision.revision + 1;
         PERFORM set_config(flag, 'yes', true);
       END IF;
     END $$`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION bump_road_map_revision(road_map integer) RETURNS void LANGUAGE sql AS $$
         INSERT INTO road_map_revision (road_map_id, revision) VALUES (road_map, 1)
         ON CONFLICT (road_map_id) DO UPDATE SET revision = road_map_revision.revision + 1
       $$`,
    )
    .execute(db);
}
