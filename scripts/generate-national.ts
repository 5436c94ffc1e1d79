// National-scale data for the benchmarks: 20 regional road maps, 221 territories, 100 000 measures,
// 20 quarters (2023–2027), ~1 000 000 plan rows, 2 000 000 progress entries, 1 000 000 audit rows.
// Deterministic for a seed (on one PostgreSQL version). Loads in a few minutes.
//
//   npx tsx scripts/generate-national.ts [--seed 42] [--database postgres://postgres@127.0.0.1:5432/oryndau_national]
//     [--measures 100000] [--entries-per-measure 20] [--audit 1000000]
//
// The database is dropped and created again. Accounts: admin, akim.district (akim of the first
// region's first district), head.department (editor of road map 1's department 1, 500 measures: the
// benchmark's /my page and writer), all with the demo password.
import { parseArgs } from "node:util";
import { sql } from "kysely";
import postgres from "postgres";
import { withActor } from "~db/actor";
import { openDatabase } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { DEMO_PASSWORD } from "~db/seed";
import { hashPassword } from "~/domain/auth/password.server";
import { addDepartmentHead } from "./bench/national-accounts";

const { values: options } = parseArgs({
  options: {
    seed: { type: "string", default: "42" },
    database: { type: "string", default: "postgres://postgres@127.0.0.1:5432/oryndau_national" },
    measures: { type: "string", default: "100000" },
    "entries-per-measure": { type: "string", default: "20" },
    audit: { type: "string", default: "1000000" },
  },
});
const seed = options.seed;
const REGIONS = 20;
const DISTRICTS_PER_REGION = 10;
const SECTIONS_PER_ROAD_MAP = 8;
const DEPARTMENTS_PER_REGION = 10;
const measuresPerRoadMap = Math.ceil(Number(options.measures) / REGIONS);
const entriesPerMeasure = Number(options["entries-per-measure"]);
const auditRows = Number(options.audit);
// Data runs to the end of 2026-Q4's first half: 16 quarters have (partly) happened.
const ELAPSED_QUARTERS = 16;

const url = new URL(options.database);
const name = url.pathname.slice(1);
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unusable database name: ${name}`);
const server = new URL(url);
server.pathname = "/postgres";

const started = Date.now();
const step = (what: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${what}`);

const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.unsafe(`CREATE DATABASE ${name}`);
await admin.end();
step(`created ${name}`);

const { db, close } = await openDatabase({ databaseUrl: url.toString(), pgliteDir: "" });
await migrateToLatest(db);
step("migrated");

// A pseudo-random number in [0, 1) for a key, the same for the same seed.
const rnd = (key: string) => `((hashtext('${seed}:' || ${key}) & 2147483647) / 2147483648.0)`;

const passwordHash = await hashPassword(DEMO_PASSWORD);
await withActor(db, "system", async (trx) => {
  const run = (statement: string) => sql.raw(statement).execute(trx);
  await run(
    `INSERT INTO territory (id, kind, name) VALUES (1, 'country', '{"kk":"Қазақстан","ru":"Казахстан","en":"Kazakhstan"}')`,
  );
  await run(`
    INSERT INTO territory (id, parent_id, kind, name)
    SELECT 1 + r, 1, 'oblast', jsonb_build_object('kk', r || '-облыс', 'ru', 'Область ' || r, 'en', 'Region ' || r)
      FROM generate_series(1, ${REGIONS}) r`);
  await run(`
    INSERT INTO territory (id, parent_id, kind, name)
    SELECT 100 + (r - 1) * ${DISTRICTS_PER_REGION} + d, 1 + r, 'district',
           jsonb_build_object('kk', r || '.' || d || ' аудан', 'ru', 'Район ' || r || '.' || d, 'en', 'District ' || r || '.' || d)
      FROM generate_series(1, ${REGIONS}) r, generate_series(1, ${DISTRICTS_PER_REGION}) d`);
  await run(`SELECT setval(pg_get_serial_sequence('territory', 'id'), 1000)`);
  await run(`
    INSERT INTO programme (id, title, start_year, end_year, status)
    VALUES (1, '{"kk":"«Халықпен бірге!» сайлауалды бағдарламасы","ru":"Предвыборная программа «Вместе с народом!»"}', 2023, 2027, 'in_force')`);
  await run(`
    INSERT INTO road_map (id, programme_id, territory_id, title)
    SELECT r, 1, 1 + r, jsonb_build_object('kk', r || '-облыстың жол картасы', 'ru', 'Дорожная карта области ' || r)
      FROM generate_series(1, ${REGIONS}) r`);
  await run(`
    INSERT INTO section (id, road_map_id, number, title, position)
    SELECT (r - 1) * ${SECTIONS_PER_ROAD_MAP} + s, r, s::text, jsonb_build_object('kk', s || '-бөлім', 'ru', 'Раздел ' || s), s
      FROM generate_series(1, ${REGIONS}) r, generate_series(1, ${SECTIONS_PER_ROAD_MAP}) s`);
  await run(`
    INSERT INTO department (id, territory_id, name)
    SELECT (r - 1) * ${DEPARTMENTS_PER_REGION} + d, 1 + r, jsonb_build_object('kk', r || '.' || d || ' басқарма', 'ru', 'Управление ' || r || '.' || d)
      FROM generate_series(1, ${REGIONS}) r, generate_series(1, ${DEPARTMENTS_PER_REGION}) d`);
  await run(`
    INSERT INTO app_user (id, login, display_name, password_hash) VALUES
      (1, 'admin', 'Admin', '${passwordHash}'), (2, 'akim.district', 'Akim of district 1.1', '${passwordHash}')`);
  await run(`INSERT INTO role_assignment (user_id, role) VALUES (1, 'admin')`);
  await run(`INSERT INTO role_assignment (user_id, role, territory_id) VALUES (2, 'akim', 101)`);
  for (const table of ["programme", "road_map", "section", "department", "app_user"]) {
    await run(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  await addDepartmentHead(trx, passwordHash);
});
step("territories, road maps, sections, departments, users");

// The bulk: triggers off (no audit rows per generated row, no per-row checks), then the audit log
// is filled with rows of its own. session_replication_role needs a superuser, as on this machine.
const bulk = postgres(url.toString(), { max: 1, onnotice: () => {} });
await bulk.unsafe(`SET session_replication_role = replica`);
const total = measuresPerRoadMap * REGIONS;
await bulk.unsafe(`
  INSERT INTO measure (id, road_map_id, section_id, number, title, unit, responsible_department_id, territory_id,
                       deadline, weight)
  SELECT m, r, (r - 1) * ${SECTIONS_PER_ROAD_MAP} + 1 + (i % ${SECTIONS_PER_ROAD_MAP}),
         (1 + i % ${SECTIONS_PER_ROAD_MAP}) || '.' || (i / ${SECTIONS_PER_ROAD_MAP} + 1),
         jsonb_build_object('kk', 'Іс-шара ' || m, 'ru', 'Мероприятие ' || m),
         'event', (r - 1) * ${DEPARTMENTS_PER_REGION} + 1 + (i % ${DEPARTMENTS_PER_REGION}),
         CASE WHEN ${rnd("'home' || m")} < 0.4 THEN 1 + r
              ELSE 100 + (r - 1) * ${DISTRICTS_PER_REGION} + 1 + floor(${rnd("'district' || m")} * ${DISTRICTS_PER_REGION})::int END,
         make_date(2023, 1, 1) + floor(${rnd("'deadline' || m")} * 1825)::int,
         1 + floor(${rnd("'weight' || m")} * 3)::int
    FROM generate_series(1, ${REGIONS}) r, generate_series(0, ${measuresPerRoadMap - 1}) i,
         LATERAL (SELECT (r - 1) * ${measuresPerRoadMap} + i + 1 AS m) ids`);
step(`${total} measures`);

// Plans: each measure over a run of quarters (of 20), one row per quarter, in its own territory.
await bulk.unsafe(`
  INSERT INTO measure_plan (measure_id, territory_id, year, quarter, planned)
  SELECT m.id, m.territory_id, 2023 + q / 4, 1 + q % 4, 1 + floor(${rnd("'plan' || m.id || ':' || q")} * 20)::int
    FROM measure m,
         LATERAL (SELECT floor(${rnd("'start' || m.id")} * 12)::int AS first) s,
         LATERAL (SELECT s.first + 4 + floor(${rnd("'length' || m.id")} * (16 - s.first))::int AS last) l,
         generate_series(s.first, l.last - 1) q`);
step(`${(await bulk`SELECT count(*)::int AS n FROM measure_plan`)[0]!.n} plan rows`);

// Entries: spread over the quarters that have happened, each a share of the quarter's plan done.
await bulk.unsafe(`
  INSERT INTO progress_entry (measure_id, territory_id, entry_date, value, people_reached, author_id)
  SELECT m.id, m.territory_id,
         make_date(2023 + qi / 4, 1 + (qi % 4) * 3, 1) + floor(${rnd("'day' || m.id || ':' || k")} * 88)::int,
         floor(${rnd("'value' || m.id || ':' || k")} * 16)::int,
         CASE WHEN ${rnd("'people?' || m.id")} < 0.5 THEN floor(${rnd("'people' || m.id || ':' || k")} * 400)::int END,
         1
    FROM measure m, generate_series(0, ${entriesPerMeasure - 1}) k,
         LATERAL (SELECT (k * ${ELAPSED_QUARTERS}) / ${entriesPerMeasure} AS qi) quarter_index`);
step(`${(await bulk`SELECT count(*)::int AS n FROM progress_entry`)[0]!.n} progress entries`);

// Quarterly reports: accepted, but for the last quarter, submitted and waiting.
await bulk.unsafe(`
  INSERT INTO department_report (road_map_id, department_id, year, quarter, status, submitted_at, submitted_by,
                                 reviewed_at, reviewed_by)
  SELECT r, (r - 1) * ${DEPARTMENTS_PER_REGION} + d, 2023 + qi / 4, 1 + qi % 4,
         CASE WHEN qi < ${ELAPSED_QUARTERS - 1} THEN 'accepted' ELSE 'submitted' END,
         make_date(2023 + qi / 4, 1 + (qi % 4) * 3, 1) + 95, 1,
         CASE WHEN qi < ${ELAPSED_QUARTERS - 1} THEN make_date(2023 + qi / 4, 1 + (qi % 4) * 3, 1) + 100 END,
         CASE WHEN qi < ${ELAPSED_QUARTERS - 1} THEN 1 END
    FROM generate_series(1, ${REGIONS}) r, generate_series(1, ${DEPARTMENTS_PER_REGION}) d,
         generate_series(0, ${ELAPSED_QUARTERS - 1}) qi`);
step("quarterly reports");

await bulk.unsafe(`
  INSERT INTO audit_log (occurred_at, actor_id, action, table_name, row_id, parent_table, parent_id, after)
  SELECT e.created_at, 1, 'insert', 'progress_entry', e.id, 'measure', e.measure_id, to_jsonb(e)
    FROM progress_entry e WHERE e.id <= ${auditRows}`);
step(`${auditRows} audit rows`);

await bulk.unsafe(`SET session_replication_role = origin`);
// The triggers that derive each measure's terms in force were off too.
await bulk.unsafe(`SELECT measure_terms_rebuild(ARRAY(SELECT id FROM measure))`);
step("terms in force");
for (const table of ["measure", "measure_plan", "progress_entry", "department_report"]) {
  await bulk.unsafe(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
}
await bulk.unsafe(`VACUUM ANALYZE`);
await bulk.end();
await close();
step("analysed; done");
