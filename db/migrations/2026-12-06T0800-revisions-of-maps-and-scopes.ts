import { sql, type Kysely } from "kysely";

// Frozen. A road map's revision keys every kept dashboard (its figures, its page data, its rendered page:
// ADRs 4, 20, 38), so it must move with everything those show. Three things it did not follow:
// - a council's scope (which road maps and sections its members see): a member's kept page would still
//   show sections taken out of the council's review;
// - the territories' boundaries and KATO codes (the map) and territories added or removed (the map's
//   shapes, the list of districts): rare admin changes, so every road map moves, as for a rename.

const statements = [
  `CREATE TRIGGER council_scope_revision AFTER INSERT OR UPDATE OR DELETE ON council_scope
     FOR EACH ROW EXECUTE FUNCTION road_map_changed()`,
  `CREATE TRIGGER territory_added_revision AFTER INSERT OR DELETE OR UPDATE OF kato_code ON territory
     FOR EACH STATEMENT EXECUTE FUNCTION all_road_maps_changed()`,
  `CREATE TRIGGER territory_boundary_revision AFTER INSERT OR UPDATE OR DELETE ON territory_boundary
     FOR EACH STATEMENT EXECUTE FUNCTION all_road_maps_changed()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP TRIGGER territory_boundary_revision ON territory_boundary`).execute(db);
  await sql.raw(`DROP TRIGGER territory_added_revision ON territory`).execute(db);
  await sql.raw(`DROP TRIGGER council_scope_revision ON council_scope`).execute(db);
}
