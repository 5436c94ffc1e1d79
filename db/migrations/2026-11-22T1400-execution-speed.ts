import { sql, type Kysely } from "kysely";

// Frozen. What the dashboard's aggregates need to be fast at national scale (100 000 measures,
// 2 000 000 entries), and a revision number per road map that moves with every change of its figures
// (and of the names shown beside them), so that they can be reused until the next change and never
// shown stale.

const statements = [
  // The quarter of an entry as columns, so that entries join their quarterly report by equality.
  `ALTER TABLE progress_entry
     ADD COLUMN year smallint GENERATED ALWAYS AS (extract(year FROM entry_date)::smallint) STORED,
     ADD COLUMN quarter smallint GENERATED ALWAYS AS (extract(quarter FROM entry_date)::smallint) STORED`,

  // Covering indexes: the aggregates read plans and entries of a road map's measures from the index alone.
  `DROP INDEX progress_entry_measure_date_idx`,
  `CREATE INDEX progress_entry_measure_date_idx ON progress_entry (measure_id, entry_date)
     INCLUDE (territory_id, value, people_reached, year, quarter)`,
  `CREATE INDEX measure_plan_measure_idx ON measure_plan (measure_id)
     INCLUDE (territory_id, year, quarter, planned, ends_on)`,
  `CREATE INDEX measure_road_map_idx ON measure (road_map_id)
     INCLUDE (section_id, responsible_department_id, territory_id, weight, deadline, removed_on)`,

  `CREATE TABLE road_map_revision (
     road_map_id integer PRIMARY KEY REFERENCES road_map (id) ON DELETE CASCADE,
     revision bigint NOT NULL DEFAULT 0
   )`,
  `INSERT INTO road_map_revision (road_map_id) SELECT id FROM road_map`,

  `CREATE FUNCTION bump_road_map_revision(road_map integer) RETURNS void LANGUAGE sql AS $$
     INSERT INTO road_map_revision (road_map_id, revision) VALUES (road_map, 1)
     ON CONFLICT (road_map_id) DO UPDATE SET revision = road_map_revision.revision + 1
   $$`,

  // Rows that carry their road map.
  `CREATE FUNCTION road_map_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'INSERT' AND OLD.road_map_id IS NOT NULL THEN PERFORM bump_road_map_revision(OLD.road_map_id); END IF;
       IF TG_OP <> 'DELETE' AND NEW.road_map_id IS NOT NULL
          AND (TG_OP = 'INSERT' OR NEW.road_map_id IS DISTINCT FROM OLD.road_map_id) THEN
         PERFORM bump_road_map_revision(NEW.road_map_id);
       END IF;
       RETURN NULL;
     END $$`,
  // Rows of a measure: its road map through the measure.
  `CREATE FUNCTION measure_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE road_map integer;
     BEGIN
       SELECT m.road_map_id INTO road_map FROM measure m WHERE m.id = coalesce(NEW.measure_id, OLD.measure_id);
       IF road_map IS NOT NULL THEN PERFORM bump_road_map_revision(road_map); END IF;
       RETURN NULL;
     END $$`,
  // What every road map depends on: the territory tree and names, a programme's thresholds and title.
  `CREATE FUNCTION all_road_maps_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       UPDATE road_map_revision SET revision = revision + 1;
       RETURN NULL;
     END $$`,

  `CREATE FUNCTION road_map_touched() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM bump_road_map_revision(NEW.id);
       RETURN NULL;
     END $$`,
  `CREATE TRIGGER road_map_revision AFTER INSERT OR UPDATE ON road_map FOR EACH ROW EXECUTE FUNCTION road_map_touched()`,
  ...["section", "measure", "department_report", "reporting_period"].map(
    (table) => `CREATE TRIGGER ${table}_revision AFTER INSERT OR UPDATE OR DELETE ON ${table}
                  FOR EACH ROW EXECUTE FUNCTION road_map_changed()`,
  ),
  ...["measure_plan", "progress_entry", "measure_co_executor"].map(
    (table) => `CREATE TRIGGER ${table}_revision AFTER INSERT OR UPDATE OR DELETE ON ${table}
                  FOR EACH ROW EXECUTE FUNCTION measure_rows_changed()`,
  ),
  // Names shown beside the figures (rare changes): every road map's figures are computed again.
  `CREATE TRIGGER territory_revision AFTER UPDATE OF parent_id, name ON territory
     FOR EACH STATEMENT EXECUTE FUNCTION all_road_maps_changed()`,
  `CREATE TRIGGER department_revision AFTER UPDATE OF name ON department
     FOR EACH STATEMENT EXECUTE FUNCTION all_road_maps_changed()`,
  `CREATE TRIGGER programme_revision AFTER UPDATE ON programme
     FOR EACH STATEMENT EXECUTE FUNCTION all_road_maps_changed()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error("This migration cannot be undone; restore a backup instead.");
}
