// The plans and own times of the figure base's statements on national-scale data, read only:
//   npx tsx scripts/bench/explain-figures.ts [--database postgres://postgres@127.0.0.1:5432/oryndau_national]
//     [--runs 15] [--plans]
// For the overview, section=3 and territory=101 of road map 1 it captures the statements the
// dashboard's loader runs (a new as-of day each view, so nothing is cached), then prints each one's
// server-side execution time (EXPLAIN ANALYZE, p50 of --runs) beside the scan floor's, and with
// --plans the EXPLAIN (ANALYZE, BUFFERS) of each. Times on a shared machine are noisy; the ratio to
// the floor measured in the same loop is what to compare.
import { parseArgs } from "node:util";
import type { CompiledQuery } from "kysely";
import { openDatabase } from "~db/client";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { roadMapDashboard } from "~/domain/execution/dashboard.server";

const { values: options } = parseArgs({
  options: {
    database: { type: "string", default: "postgres://postgres@127.0.0.1:5432/oryndau_national" },
    runs: { type: "string", default: "15" },
    plans: { type: "boolean", default: false },
  },
});
const runs = Number(options.runs);
const AS_OF = "2026-09-30";
const SLICE_101 = "IN (SELECT id FROM territory WHERE path @> ARRAY[101])";
const views = [
  { name: "overview", query: "", measures: "m.road_map_id = 1", share: "", day: "2026-09-21" },
  { name: "section", query: "section=3", measures: "m.road_map_id = 1 AND m.section_id = 3", share: "", day: "2026-09-22" },
  {
    name: "territory",
    query: "territory=101",
    measures: `m.road_map_id = 1 AND m.territory_id ${SLICE_101}`,
    share: `AND x.territory_id ${SLICE_101}`,
    day: "2026-09-23",
  },
];

const captured: CompiledQuery[] = [];
const { db, close } = await openDatabase({
  databaseUrl: options.database,
  pgliteDir: "",
  onQuery: (query) => captured.push(query),
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** The statement's own execution time on the server, from EXPLAIN ANALYZE without timing per node. */
async function serverTime(sqlText: string, parameters: readonly unknown[]) {
  const result = await db.executeQuery<{ "QUERY PLAN": Array<{ "Execution Time": number }> }>({
    sql: `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${sqlText}`,
    parameters,
    query: { kind: "RawNode" } as never,
    queryId: { queryId: "explain" },
  });
  return result.rows[0]!["QUERY PLAN"][0]!["Execution Time"];
}
try {
  const { id } = await db.selectFrom("app_user").select("id").where("login", "=", "admin").executeTakeFirstOrThrow();
  const admin = (await loadPrincipal(db, id))!;
  for (const view of views) {
    const params = new URLSearchParams([`asOf=${view.day}`, view.query].filter(Boolean).join("&"));
    captured.length = 0;
    await roadMapDashboard(db, admin, 1, parseDashboardFilters(params, AS_OF).filters);
    const heavy = captured.filter((query) => /progress_entry|measure_plan|measure_term/.test(query.sql));
    const floor = [
      `SELECT count(*), sum(x.value) FROM progress_entry x JOIN measure m ON m.id = x.measure_id WHERE ${view.measures} ${view.share} AND x.entry_date <= '${AS_OF}'`,
      `SELECT count(*), sum(x.planned) FROM measure_plan x JOIN measure m ON m.id = x.measure_id WHERE ${view.measures} ${view.share}`,
      `SELECT count(*), sum(m.weight) FROM measure m WHERE ${view.measures}`,
    ];
    const times = new Map<string, number[]>();
    const add = (key: string, value: number) => times.set(key, [...(times.get(key) ?? []), value]);
    for (let run = 0; run <= runs; run++) {
      let floorSum = 0;
      for (const [index, text] of floor.entries()) {
        const time = await serverTime(text, []);
        floorSum += time;
        if (run) add(`floor ${index + 1}`, time);
      }
      if (run) add("floor (sum)", floorSum);
      for (const [index, query] of heavy.entries()) {
        const time = await serverTime(query.sql, query.parameters);
        if (run) add(`statement ${index + 1}`, time);
      }
    }
    console.log(`\n## ${view.name} (as of ${view.day}), server execution time p50 of ${runs}, ms`);
    for (const [key, values] of times) console.log(`${key.padEnd(14)} ${median(values).toFixed(1).padStart(8)}`);
    if (!options.plans) continue;
    for (const [index, query] of heavy.entries()) {
      const plan = await db.executeQuery<{ "QUERY PLAN": string }>({
        sql: `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
        parameters: query.parameters,
        query: { kind: "RawNode" } as never,
        queryId: { queryId: "explain" },
      });
      console.log(`\n### statement ${index + 1}\n\n${query.sql.replace(/\s+/g, " ").trim()}\n`);
      console.log(plan.rows.map((row) => row["QUERY PLAN"]).join("\n"));
    }
  }
} finally {
  await close();
}
