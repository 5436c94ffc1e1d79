import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has shipped; add a new migration instead.
// Plain SQL statements, one per query, because PGlite's extended protocol runs one at a time.

const functions = [
  // Multilingual text: one JSONB object keyed by locale, with at least one non-blank value.
  `CREATE FUNCTION is_localized_text(v jsonb) RETURNS boolean
     LANGUAGE sql IMMUTABLE AS $$
       SELECT jsonb_typeof(v) = 'object'
          AND NOT EXISTS (
            SELECT 1 FROM jsonb_each(v) e
             WHERE e.key NOT IN ('kk', 'ru', 'en') OR jsonb_typeof(e.value) <> 'string')
          AND EXISTS (SELECT 1 FROM jsonb_each_text(v) e WHERE btrim(e.value) <> '')
     $$`,

  // Every versioned row: the version moves on each update, so a stale edit can be detected.
  `CREATE FUNCTION touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       NEW.version := OLD.version + 1;
       NEW.updated_at := now();
       RETURN NEW;
     END $$`,

  // The audit trail is written by the database itself, so no code path can forget it.
  // The acting user is set per transaction with set_config('oryndau.actor_id', …, true).
  `CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE
       actor text := current_setting('oryndau.actor_id', true);
       reason text := nullif(current_setting('oryndau.reason', true), '');
       old_row jsonb;
       new_row jsonb;
       subject jsonb;
     BEGIN
       IF actor IS NULL OR actor = '' THEN
         RAISE EXCEPTION 'audit actor is not set for a write to %', TG_TABLE_NAME USING ERRCODE = 'OR002';
       END IF;
       IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - 'password_hash'; END IF;
       IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - 'password_hash'; END IF;
       IF TG_OP = 'UPDATE' AND old_row - 'version' - 'updated_at' = new_row - 'version' - 'updated_at' THEN
         RETURN NULL;
       END IF;
       subject := coalesce(new_row, old_row);
       INSERT INTO audit_log (actor_id, action, table_name, row_id, parent_table, parent_id, before, after, reason)
       VALUES (
         CASE WHEN actor = 'system' THEN NULL ELSE actor::integer END,
         lower(TG_OP), TG_TABLE_NAME, (subject ->> 'id')::bigint,
         TG_ARGV[0], (subject ->> TG_ARGV[1])::bigint,
         old_row, new_row, reason);
       RETURN NULL;
     END $$`,

  `CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'OR003';
     END $$`,

  // Territory tree: path holds the ids from the root down to the row itself.
  `CREATE FUNCTION territory_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE parent_path integer[];
     BEGIN
       IF NEW.parent_id IS NULL THEN
         NEW.path := ARRAY[NEW.id];
       ELSE
         SELECT path INTO parent_path FROM territory WHERE id = NEW.parent_id;
         IF NEW.id = ANY(parent_path) THEN
           RAISE EXCEPTION 'territory % cannot be placed under its own descendant', NEW.id USING ERRCODE = 'OR004';
         END IF;
         NEW.path := parent_path || NEW.id;
       END IF;
       RETURN NEW;
     END $$`,

  `CREATE FUNCTION territory_move_subtree() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       UPDATE territory
          SET path = NEW.path || path[array_position(path, NEW.id) + 1:]
        WHERE path @> ARRAY[NEW.id] AND id <> NEW.id;
       RETURN NULL;
     END $$`,

  // Sections nest one level at most.
  `CREATE FUNCTION section_check_nesting() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF NEW.parent_id IS NOT NULL AND (
            EXISTS (SELECT 1 FROM section WHERE id = NEW.parent_id AND parent_id IS NOT NULL)
            OR EXISTS (SELECT 1 FROM section WHERE parent_id = NEW.id)) THEN
         RAISE EXCEPTION 'sections nest one level at most' USING ERRCODE = 'OR005';
       END IF;
       RETURN NEW;
     END $$`,

  // A share of a measure (plan or entry) lies in the measure's territory or below it.
  `CREATE FUNCTION check_share_territory() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       -- An unknown measure or territory is left to the foreign keys.
       IF EXISTS (SELECT 1 FROM measure WHERE id = NEW.measure_id)
          AND EXISTS (SELECT 1 FROM territory WHERE id = NEW.territory_id)
          AND NOT EXISTS (
            SELECT 1 FROM measure m JOIN territory t ON t.id = NEW.territory_id
             WHERE m.id = NEW.measure_id AND t.path @> ARRAY[m.territory_id]) THEN
         RAISE EXCEPTION 'territory % is outside the territory of measure %', NEW.territory_id, NEW.measure_id
           USING ERRCODE = 'OR006';
       END IF;
       RETURN NEW;
     END $$`,

  // A measure is carried out in its road map's territory or below it.
  `CREATE FUNCTION measure_check_territory() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF EXISTS (SELECT 1 FROM road_map WHERE id = NEW.road_map_id)
          AND EXISTS (SELECT 1 FROM territory WHERE id = NEW.territory_id)
          AND NOT EXISTS (
            SELECT 1 FROM road_map r JOIN territory t ON t.id = NEW.territory_id
             WHERE r.id = NEW.road_map_id AND t.path @> ARRAY[r.territory_id]) THEN
         RAISE EXCEPTION 'territory % is outside the territory of road map %', NEW.territory_id, NEW.road_map_id
           USING ERRCODE = 'OR006';
       END IF;
       RETURN NEW;
     END $$`,

  // No progress entry dated inside a closed quarter may be added, changed or deleted.
  `CREATE FUNCTION progress_entry_refuse_closed_period() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE r record;
     BEGIN
       FOR r IN
         SELECT OLD.measure_id AS measure_id, OLD.entry_date AS entry_date WHERE TG_OP <> 'INSERT'
         UNION ALL
         SELECT NEW.measure_id, NEW.entry_date WHERE TG_OP <> 'DELETE'
       LOOP
         IF EXISTS (
              SELECT 1 FROM reporting_period p JOIN measure m ON m.road_map_id = p.road_map_id
               WHERE m.id = r.measure_id AND p.status = 'closed'
                 AND p.year = extract(year FROM r.entry_date)
                 AND p.quarter = extract(quarter FROM r.entry_date)) THEN
           RAISE EXCEPTION 'reporting period of % is closed', r.entry_date
             USING ERRCODE = 'OR001', DETAIL = r.entry_date::text;
         END IF;
       END LOOP;
       RETURN coalesce(NEW, OLD);
     END $$`,

  // KPI actuals are locked by a closed KPI period of their territory or any territory above it.
  `CREATE FUNCTION kpi_actual_refuse_closed_period() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE r record;
     BEGIN
       FOR r IN
         SELECT OLD.territory_id AS territory_id, OLD.year AS year, OLD.quarter AS quarter WHERE TG_OP <> 'INSERT'
         UNION ALL
         SELECT NEW.territory_id, NEW.year, NEW.quarter WHERE TG_OP <> 'DELETE'
       LOOP
         IF EXISTS (
              SELECT 1 FROM reporting_period p JOIN territory t ON t.path @> ARRAY[p.territory_id]
               WHERE t.id = r.territory_id AND p.status = 'closed'
                 AND p.year = r.year AND p.quarter IS NOT DISTINCT FROM r.quarter) THEN
           RAISE EXCEPTION 'KPI period %/% is closed', r.year, r.quarter
             USING ERRCODE = 'OR001', DETAIL = r.year::text || '-Q' || coalesce(r.quarter::text, '');
         END IF;
       END LOOP;
       RETURN coalesce(NEW, OLD);
     END $$`,
];

const versioned = `
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

const localized = (column: string, nullable = false) =>
  nullable
    ? `${column} jsonb CHECK (${column} IS NULL OR is_localized_text(${column}))`
    : `${column} jsonb NOT NULL CHECK (is_localized_text(${column}))`;

const tables = [
  `CREATE TABLE territory (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     parent_id integer REFERENCES territory (id),
     kind text NOT NULL CHECK (kind IN ('country', 'oblast', 'city_rep', 'district', 'city_obl', 'rural')),
     kato_code text UNIQUE CHECK (kato_code ~ '^[0-9]{9}$'),
     ${localized("name")},
     path integer[] NOT NULL,
     CHECK ((kind = 'country') = (parent_id IS NULL)),
     ${versioned}
   )`,
  `CREATE INDEX territory_parent_idx ON territory (parent_id)`,
  `CREATE INDEX territory_path_idx ON territory USING gin (path)`,

  `CREATE TABLE department (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     territory_id integer NOT NULL REFERENCES territory (id),
     ${localized("name")},
     ${localized("head_name", true)},
     ${localized("head_title", true)},
     ${versioned}
   )`,
  `CREATE INDEX department_territory_idx ON department (territory_id)`,

  `CREATE TABLE app_user (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     login text NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
     display_name text NOT NULL CHECK (btrim(display_name) <> '' AND length(display_name) <= 200),
     password_hash text NOT NULL,
     locale text NOT NULL DEFAULT 'kk' CHECK (locale IN ('kk', 'ru', 'en')),
     is_active boolean NOT NULL DEFAULT true,
     ${versioned}
   )`,

  `CREATE TABLE council (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     territory_id integer NOT NULL REFERENCES territory (id),
     ${localized("title")},
     ${localized("organisation", true)},
     ${versioned}
   )`,

  `CREATE TABLE role_assignment (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
     role text NOT NULL CHECK (role IN ('admin', 'editor', 'council', 'akim', 'viewer')),
     department_id integer REFERENCES department (id),
     council_id integer REFERENCES council (id),
     territory_id integer REFERENCES territory (id),
     council_position text CHECK (council_position IN ('chair', 'secretary', 'member')),
     CHECK (CASE role
       WHEN 'admin' THEN num_nonnulls(department_id, council_id, territory_id) = 0
       WHEN 'editor' THEN department_id IS NOT NULL AND num_nonnulls(council_id, territory_id) = 0
       WHEN 'council' THEN council_id IS NOT NULL AND num_nonnulls(department_id, territory_id) = 0
       WHEN 'akim' THEN territory_id IS NOT NULL AND num_nonnulls(department_id, council_id) = 0
       WHEN 'viewer' THEN num_nonnulls(department_id, council_id) = 0
     END),
     CHECK ((council_position IS NOT NULL) = (role = 'council')),
     UNIQUE NULLS NOT DISTINCT (user_id, role, department_id, council_id, territory_id),
     ${versioned}
   )`,
  `CREATE INDEX role_assignment_user_idx ON role_assignment (user_id)`,

  `CREATE TABLE programme (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     ${localized("title")},
     ${localized("owner", true)},
     ${localized("description", true)},
     start_year integer NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
     end_year integer NOT NULL,
     status text NOT NULL DEFAULT 'draft'
       CHECK (status IN ('draft', 'under_approval', 'approved', 'in_force', 'completed', 'archived')),
     rag_green numeric(5, 2) NOT NULL DEFAULT 100,
     rag_amber numeric(5, 2) NOT NULL DEFAULT 80,
     CHECK (end_year BETWEEN start_year AND start_year + 30),
     CHECK (rag_amber > 0 AND rag_amber <= rag_green AND rag_green <= 100),
     ${versioned}
   )`,

  `CREATE TABLE programme_status_change (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     programme_id integer NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
     from_status text CHECK (from_status IN ('draft', 'under_approval', 'approved', 'in_force', 'completed', 'archived')),
     to_status text NOT NULL CHECK (to_status IN ('draft', 'under_approval', 'approved', 'in_force', 'completed', 'archived')),
     changed_on date NOT NULL,
     changed_by integer REFERENCES app_user (id),
     ${localized("note", true)},
     created_at timestamptz NOT NULL DEFAULT now(),
     CHECK (from_status IS DISTINCT FROM to_status)
   )`,
  `CREATE INDEX programme_status_change_programme_idx ON programme_status_change (programme_id, changed_on)`,

  `CREATE TABLE road_map (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     programme_id integer NOT NULL REFERENCES programme (id),
     territory_id integer NOT NULL REFERENCES territory (id),
     ${localized("title")},
     approved_on date,
     UNIQUE (programme_id, territory_id),
     ${versioned}
   )`,

  `CREATE TABLE section (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     road_map_id integer NOT NULL REFERENCES road_map (id),
     parent_id integer,
     number text CHECK (length(number) BETWEEN 1 AND 20),
     ${localized("title")},
     position integer NOT NULL DEFAULT 0,
     UNIQUE (id, road_map_id),
     FOREIGN KEY (parent_id, road_map_id) REFERENCES section (id, road_map_id),
     CHECK (parent_id <> id),
     ${versioned}
   )`,
  `CREATE INDEX section_road_map_idx ON section (road_map_id, position)`,

  // What a council reviews: whole road maps, or single sections of them.
  `CREATE TABLE council_scope (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     council_id integer NOT NULL REFERENCES council (id) ON DELETE CASCADE,
     road_map_id integer NOT NULL REFERENCES road_map (id),
     section_id integer,
     FOREIGN KEY (section_id, road_map_id) REFERENCES section (id, road_map_id),
     UNIQUE NULLS NOT DISTINCT (council_id, road_map_id, section_id)
   )`,

  `CREATE TABLE measure (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     road_map_id integer NOT NULL REFERENCES road_map (id),
     section_id integer NOT NULL,
     number text NOT NULL CHECK (number ~ '^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$' AND length(number) <= 20),
     ${localized("title")},
     ${localized("completion_form", true)},
     unit text NOT NULL CHECK (unit IN
       ('event', 'meeting', 'object', 'person', 'document', 'percent', 'tenge', 'item', 'centre', 'project')),
     responsible_department_id integer NOT NULL REFERENCES department (id),
     territory_id integer NOT NULL REFERENCES territory (id),
     deadline date NOT NULL,
     ${localized("funding_source", true)},
     planned_funding numeric(18, 2) CHECK (planned_funding >= 0),
     weight numeric(8, 3) NOT NULL DEFAULT 1 CHECK (weight > 0),
     control_state text NOT NULL DEFAULT 'on_control' CHECK (control_state IN ('on_control', 'removed')),
     removed_on date,
     ${localized("removed_reason", true)},
     UNIQUE (road_map_id, number),
     UNIQUE (id, road_map_id),
     FOREIGN KEY (section_id, road_map_id) REFERENCES section (id, road_map_id),
     CHECK ((control_state = 'removed') = (removed_on IS NOT NULL AND removed_reason IS NOT NULL)),
     ${versioned}
   )`,
  `CREATE INDEX measure_section_idx ON measure (section_id)`,
  `CREATE INDEX measure_department_idx ON measure (responsible_department_id)`,
  `CREATE INDEX measure_territory_idx ON measure (territory_id)`,

  `CREATE TABLE measure_co_executor (
     measure_id integer NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
     department_id integer NOT NULL REFERENCES department (id),
     PRIMARY KEY (measure_id, department_id)
   )`,
  `CREATE INDEX measure_co_executor_department_idx ON measure_co_executor (department_id)`,

  `CREATE TABLE measure_deadline_change (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     measure_id integer NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
     previous_deadline date NOT NULL,
     new_deadline date NOT NULL,
     ${localized("reason")},
     changed_by integer REFERENCES app_user (id),
     changed_at timestamptz NOT NULL DEFAULT now(),
     CHECK (previous_deadline <> new_deadline)
   )`,
  `CREATE INDEX measure_deadline_change_measure_idx ON measure_deadline_change (measure_id)`,

  `CREATE TABLE measure_control_change (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     measure_id integer NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
     control_state text NOT NULL CHECK (control_state IN ('on_control', 'removed')),
     changed_on date NOT NULL,
     ${localized("reason")},
     changed_by integer REFERENCES app_user (id),
     changed_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX measure_control_change_measure_idx ON measure_control_change (measure_id)`,

  // A plan given only for a year is held in its Q4; a shared measure has one row per territory's share.
  `CREATE TABLE measure_plan (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     measure_id integer NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
     territory_id integer NOT NULL REFERENCES territory (id),
     year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
     planned numeric(18, 3) NOT NULL CHECK (planned >= 0),
     ends_on date GENERATED ALWAYS AS
       (make_date(year + (quarter / 4), (quarter * 3) % 12 + 1, 1) - 1) STORED,
     UNIQUE (measure_id, territory_id, year, quarter),
     ${versioned}
   )`,
  `CREATE INDEX measure_plan_ends_on_idx ON measure_plan (ends_on)`,

  `CREATE TABLE progress_entry (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     measure_id integer NOT NULL REFERENCES measure (id),
     territory_id integer NOT NULL REFERENCES territory (id),
     entry_date date NOT NULL,
     value numeric(18, 3) NOT NULL CHECK (value >= 0),
     people_reached integer CHECK (people_reached >= 0),
     ${localized("narrative", true)},
     evidence_links jsonb NOT NULL DEFAULT '[]'
       CHECK (jsonb_typeof(evidence_links) = 'array' AND jsonb_array_length(evidence_links) <= 20),
     ${localized("behind_reason", true)},
     author_id integer NOT NULL REFERENCES app_user (id),
     ${versioned}
   )`,
  `CREATE INDEX progress_entry_measure_date_idx ON progress_entry (measure_id, entry_date)`,
  `CREATE INDEX progress_entry_territory_idx ON progress_entry (territory_id, entry_date)`,

  // The quarterly report of a department on a road map: submitted by an editor, reviewed by an admin.
  `CREATE TABLE department_report (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     road_map_id integer NOT NULL REFERENCES road_map (id),
     department_id integer NOT NULL REFERENCES department (id),
     year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
     status text NOT NULL CHECK (status IN ('submitted', 'accepted', 'returned')),
     submitted_at timestamptz NOT NULL,
     submitted_by integer NOT NULL REFERENCES app_user (id),
     reviewed_at timestamptz,
     reviewed_by integer REFERENCES app_user (id),
     review_comment text CHECK (length(review_comment) <= 4000),
     CHECK ((status = 'submitted') = (reviewed_at IS NULL)),
     CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL)),
     UNIQUE (road_map_id, department_id, year, quarter),
     ${versioned}
   )`,

  // A reporting period is a quarter of a road map, or a KPI period (a quarter or, with no quarter, a year)
  // of a territory and everything below it.
  `CREATE TABLE reporting_period (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     road_map_id integer REFERENCES road_map (id),
     territory_id integer REFERENCES territory (id),
     year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     quarter smallint CHECK (quarter BETWEEN 1 AND 4),
     status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
     changed_by integer REFERENCES app_user (id),
     reason text CHECK (length(reason) <= 2000),
     CHECK (num_nonnulls(road_map_id, territory_id) = 1),
     CHECK (road_map_id IS NULL OR quarter IS NOT NULL),
     UNIQUE NULLS NOT DISTINCT (road_map_id, territory_id, year, quarter),
     ${versioned}
   )`,

  `CREATE TABLE kpi_indicator (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     code text UNIQUE CHECK (code ~ '^[a-z0-9_]{2,40}$'),
     ${localized("title")},
     ${localized("description", true)},
     unit text NOT NULL CHECK (unit IN
       ('event', 'meeting', 'object', 'person', 'document', 'percent', 'tenge', 'item', 'centre', 'project')),
     direction text NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
     category text NOT NULL CHECK (category ~ '^[a-z_]{2,40}$'),
     rag_green numeric(5, 2) NOT NULL DEFAULT 100,
     rag_amber numeric(5, 2) NOT NULL DEFAULT 80,
     source text NOT NULL DEFAULT 'entered' CHECK (source IN ('entered', 'measure_fact', 'road_map_execution')),
     road_map_id integer REFERENCES road_map (id),
     CHECK ((source = 'road_map_execution') = (road_map_id IS NOT NULL)),
     CHECK (rag_amber > 0 AND rag_amber <= rag_green AND rag_green <= 120),
     ${versioned}
   )`,

  `CREATE TABLE kpi_indicator_measure (
     indicator_id integer NOT NULL REFERENCES kpi_indicator (id) ON DELETE CASCADE,
     measure_id integer NOT NULL REFERENCES measure (id),
     PRIMARY KEY (indicator_id, measure_id)
   )`,

  `CREATE TABLE kpi_target (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     indicator_id integer NOT NULL REFERENCES kpi_indicator (id),
     territory_id integer NOT NULL REFERENCES territory (id),
     year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     quarter smallint CHECK (quarter BETWEEN 1 AND 4),
     target numeric(18, 3) NOT NULL CHECK (target >= 0),
     weight numeric(8, 3) NOT NULL DEFAULT 1 CHECK (weight > 0),
     UNIQUE NULLS NOT DISTINCT (indicator_id, territory_id, year, quarter),
     ${versioned}
   )`,
  `CREATE INDEX kpi_target_period_idx ON kpi_target (year, quarter, territory_id)`,

  `CREATE TABLE kpi_actual (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     indicator_id integer NOT NULL REFERENCES kpi_indicator (id),
     territory_id integer NOT NULL REFERENCES territory (id),
     year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     quarter smallint CHECK (quarter BETWEEN 1 AND 4),
     actual numeric(18, 3) NOT NULL CHECK (actual >= 0),
     ${localized("comment", true)},
     source_url text CHECK (source_url ~ '^https?://' AND length(source_url) <= 2000),
     entered_by integer NOT NULL REFERENCES app_user (id),
     UNIQUE NULLS NOT DISTINCT (indicator_id, territory_id, year, quarter),
     ${versioned}
   )`,
  `CREATE INDEX kpi_actual_period_idx ON kpi_actual (year, quarter, territory_id)`,

  `CREATE TABLE meeting (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     council_id integer NOT NULL REFERENCES council (id),
     number text CHECK (length(number) BETWEEN 1 AND 40),
     meeting_date date NOT NULL,
     ${localized("place", true)},
     chair_name text CHECK (length(chair_name) <= 200),
     status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'minutes_approved')),
     as_of date NOT NULL,
     include_current_quarter boolean NOT NULL DEFAULT false,
     frozen_at timestamptz,
     CHECK ((status = 'planned') = (frozen_at IS NULL)),
     ${versioned}
   )`,
  `CREATE INDEX meeting_council_idx ON meeting (council_id, meeting_date)`,

  `CREATE TABLE meeting_attendee (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     meeting_id integer NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
     user_id integer REFERENCES app_user (id),
     full_name text NOT NULL CHECK (btrim(full_name) <> '' AND length(full_name) <= 200),
     ${localized("position", true)},
     kind text NOT NULL CHECK (kind IN ('member', 'invited')),
     UNIQUE (meeting_id, full_name)
   )`,

  `CREATE TABLE agenda_item (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     meeting_id integer NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
     position integer NOT NULL,
     ${localized("title")},
     speaker_name text CHECK (length(speaker_name) <= 200),
     ${localized("speaker_position", true)},
     ${localized("heard", true)},
     ${localized("spoke", true)},
     ${localized("decided", true)},
     ${versioned}
   )`,
  `CREATE INDEX agenda_item_meeting_idx ON agenda_item (meeting_id, position)`,

  `CREATE TABLE agenda_item_link (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     agenda_item_id integer NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
     section_id integer REFERENCES section (id),
     measure_id integer REFERENCES measure (id),
     indicator_id integer REFERENCES kpi_indicator (id),
     CHECK (num_nonnulls(section_id, measure_id, indicator_id) = 1),
     UNIQUE NULLS NOT DISTINCT (agenda_item_id, section_id, measure_id, indicator_id)
   )`,

  // Figures frozen when a meeting is held; never updated afterwards.
  `CREATE TABLE meeting_snapshot (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     meeting_id integer NOT NULL REFERENCES meeting (id),
     agenda_item_id integer REFERENCES agenda_item (id),
     as_of date NOT NULL,
     frozen_at timestamptz NOT NULL DEFAULT now(),
     figures jsonb NOT NULL CHECK (jsonb_typeof(figures) = 'object'),
     UNIQUE NULLS NOT DISTINCT (meeting_id, agenda_item_id)
   )`,

  `CREATE TABLE decision (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     meeting_id integer NOT NULL REFERENCES meeting (id),
     agenda_item_id integer REFERENCES agenda_item (id),
     kind text NOT NULL CHECK (kind IN ('proposal', 'instruction')),
     ${localized("body")},
     responsible_department_id integer REFERENCES department (id),
     deadline date,
     status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'withdrawn')),
     closed_on date,
     CHECK ((status = 'open') = (closed_on IS NULL)),
     ${versioned}
   )`,
  `CREATE INDEX decision_meeting_idx ON decision (meeting_id)`,
  `CREATE INDEX decision_department_idx ON decision (responsible_department_id, status)`,

  `CREATE TABLE decision_measure (
     decision_id integer NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
     measure_id integer NOT NULL REFERENCES measure (id),
     PRIMARY KEY (decision_id, measure_id)
   )`,

  `CREATE TABLE decision_follow_up (
     id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     decision_id integer NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
     ${localized("note")},
     author_id integer NOT NULL REFERENCES app_user (id),
     created_at timestamptz NOT NULL DEFAULT now()
   )`,

  `CREATE TABLE audit_log (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     occurred_at timestamptz NOT NULL DEFAULT now(),
     actor_id integer REFERENCES app_user (id),
     action text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
     table_name text NOT NULL,
     row_id bigint,
     parent_table text,
     parent_id bigint,
     before jsonb,
     after jsonb,
     reason text,
     CHECK (before IS NOT NULL OR after IS NOT NULL)
   )`,
  `CREATE INDEX audit_log_row_idx ON audit_log (table_name, row_id)`,
  `CREATE INDEX audit_log_parent_idx ON audit_log (parent_table, parent_id)`,
  `CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at)`,
];

const versionedTables = [
  "territory",
  "department",
  "app_user",
  "council",
  "role_assignment",
  "programme",
  "road_map",
  "section",
  "measure",
  "measure_plan",
  "progress_entry",
  "department_report",
  "reporting_period",
  "kpi_indicator",
  "kpi_target",
  "kpi_actual",
  "meeting",
  "agenda_item",
  "decision",
];

// [table, parent table, parent column] — the parent lets a measure page find the history of its plans and entries.
const auditedTables: Array<[string, string | null, string | null]> = [
  ["territory", null, null],
  ["department", null, null],
  ["app_user", null, null],
  ["council", null, null],
  ["council_scope", "council", "council_id"],
  ["role_assignment", "app_user", "user_id"],
  ["programme", null, null],
  ["programme_status_change", "programme", "programme_id"],
  ["road_map", "programme", "programme_id"],
  ["section", "road_map", "road_map_id"],
  ["measure", "road_map", "road_map_id"],
  ["measure_co_executor", "measure", "measure_id"],
  ["measure_deadline_change", "measure", "measure_id"],
  ["measure_control_change", "measure", "measure_id"],
  ["measure_plan", "measure", "measure_id"],
  ["progress_entry", "measure", "measure_id"],
  ["department_report", "road_map", "road_map_id"],
  ["reporting_period", "road_map", "road_map_id"],
  ["kpi_indicator", null, null],
  ["kpi_indicator_measure", "kpi_indicator", "indicator_id"],
  ["kpi_target", "kpi_indicator", "indicator_id"],
  ["kpi_actual", "kpi_indicator", "indicator_id"],
  ["meeting", "council", "council_id"],
  ["meeting_attendee", "meeting", "meeting_id"],
  ["agenda_item", "meeting", "meeting_id"],
  ["agenda_item_link", "agenda_item", "agenda_item_id"],
  ["meeting_snapshot", "meeting", "meeting_id"],
  ["decision", "meeting", "meeting_id"],
  ["decision_measure", "decision", "decision_id"],
  ["decision_follow_up", "decision", "decision_id"],
];

const triggers = [
  `CREATE TRIGGER territory_set_path BEFORE INSERT OR UPDATE OF parent_id ON territory
     FOR EACH ROW EXECUTE FUNCTION territory_set_path()`,
  `CREATE TRIGGER territory_move_subtree AFTER UPDATE OF parent_id ON territory
     FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION territory_move_subtree()`,
  `CREATE TRIGGER section_check_nesting BEFORE INSERT OR UPDATE OF parent_id ON section
     FOR EACH ROW EXECUTE FUNCTION section_check_nesting()`,
  `CREATE TRIGGER measure_check_territory BEFORE INSERT OR UPDATE OF territory_id, road_map_id ON measure
     FOR EACH ROW EXECUTE FUNCTION measure_check_territory()`,
  `CREATE TRIGGER measure_plan_check_territory BEFORE INSERT OR UPDATE OF territory_id, measure_id ON measure_plan
     FOR EACH ROW EXECUTE FUNCTION check_share_territory()`,
  `CREATE TRIGGER progress_entry_check_territory BEFORE INSERT OR UPDATE OF territory_id, measure_id ON progress_entry
     FOR EACH ROW EXECUTE FUNCTION check_share_territory()`,
  `CREATE TRIGGER progress_entry_refuse_closed_period BEFORE INSERT OR UPDATE OR DELETE ON progress_entry
     FOR EACH ROW EXECUTE FUNCTION progress_entry_refuse_closed_period()`,
  `CREATE TRIGGER kpi_actual_refuse_closed_period BEFORE INSERT OR UPDATE OR DELETE ON kpi_actual
     FOR EACH ROW EXECUTE FUNCTION kpi_actual_refuse_closed_period()`,
  `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
     FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
     FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER meeting_snapshot_frozen BEFORE UPDATE ON meeting_snapshot
     FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  ...versionedTables.map(
    (table) => `CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_row()`,
  ),
  ...auditedTables.map(([table, parentTable, parentColumn]) => {
    const args = parentTable ? `'${parentTable}', '${parentColumn}'` : "";
    return `CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table}
              FOR EACH ROW EXECUTE FUNCTION audit_row(${args})`;
  }),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...functions, ...tables, ...triggers]) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error("The foundation migration cannot be undone; restore a backup instead.");
}
