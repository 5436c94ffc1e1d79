// The statements behind a road map's figures on national-scale data, and what the figures cost
// after them, read only:
//   npx tsx scripts/bench/explain-figures.ts [--database postgres://postgres@127.0.0.1:5432/oryndau_national]
//     [--runs 15] [--plans]
// For road map 1 it prints, p50 of --runs, in ms:
//  - each statement of readRoadMapRows (the read after a write): its execution time on the server
//    (EXPLAIN ANALYZE, timing off) beside the scan floor's (count/sum over the overview's entries,
//    plan rows and measures), and with --plans the EXPLAIN (ANALYZE, BUFFERS) of each;
//  - the read itself from Node (wall time and this process's CPU time, the statements side by side);
//  - for the overview, section=3 and territory=101 the figures from rows already read (a new as-of
//    day each run, so nothing else is cached): wall and CPU time.
// Times on a shared machine are noisy; the ratio to the floor measured in the same loop is what to compare.
import { parseArgs } from "node:util";
import type { CompiledQuery } from "kysely";
import { openDatabase } from "~db/client";
import { roadMapFigures, type ExecutionScope } from "~/domain/execution/execution.server";
import { readRoadMapRows, roadMapRows } from "~/domain/execution/road-map-rows.server";
import { programmeQuarters } from "~/domain/execution/execution";

const { values: options } = parseArgs({
  options: {
    database: { type: "string", default: "postgres://postgres@127.0.0.1:5432/oryndau_national" },
    runs: { type: "string", default: "15" },
    plans: { type: "boolean", default: false },
  },
});
const runs = Number(options.runs);
const AS_OF = "2026-09-30";
const ROAD_MAP = 1;

const captured: CompiledQuery[] = [];
let capturing = false;
const { db, close } = await openDatabase({
  databaseUrl: options.database,
  pgliteDir: "",
  onQuery: (query) => capturing && captured.push(query),
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => value.toFixed(1).padStart(8);
const explain = (options: string, query: { sql: string; parameters: readonly unknown[] }) =>
  db.executeQuery<Record<string, unknown>>({
    sql: `EXPLAIN (${options}) ${query.sql}`,
    parameters: query.parameters,
    query: { kind: "RawNode" } as never,
    queryId: { queryId: "explain" },
  });
/** The statement's own execution time on the server, from EXPLAIN ANALYZE without timing per node. */
const serverTime = async (query: { sql: string; parameters: readonly unknown[] }) => {
  const { rows } = await explain("ANALYZE, TIMING OFF, FORMAT JSON", query);
  return (rows[0]!["QUERY PLAN"] as Array<{ "Execution Time": number }>)[0]!["Execution Time"];
};
const timed = async (work: () => Promise<unknown>) => {
  const cpu = process.cpuUsage();
  const begun = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - begun, cpu: (used.user + used.system) / 1000 };
};

try {
  const floor = [
    `SELECT count(*), sum(x.value) FROM progress_entry x JOIN measure m ON m.id = x.measure_id WHERE m.road_map_id = ${ROAD_MAP} AND x.entry_date <= '${AS_OF}'`,
    `SELECT count(*), sum(x.planned) FROM measure_plan x JOIN measure m ON m.id = x.measure_id WHERE m.road_map_id = ${ROAD_MAP}`,
    `SELECT count(*), sum(m.weight) FROM measure m WHERE m.road_map_id = ${ROAD_MAP}`,
  ].map((text) => ({ sql: text, parameters: [] }));
  capturing = true;
  await readRoadMapRows(db, ROAD_MAP);
  capturing = false;
  const statements = [...captured];
  const times = new Map<string, number[]>();
  const add = (key: string, value: number) => times.set(key, [...(times.get(key) ?? []), value]);
  for (let run = 0; run <= runs; run++) {
    let floorSum = 0;
    for (const [index, query] of floor.entries()) {
      const time = await serverTime(query);
      floorSum += time;
      if (run) add(`floor ${index + 1}`, time);
    }
    if (run) add("floor, sum", floorSum);
    for (const [index, query] of statements.entries()) {
      const time = await serverTime(query);
      if (run) add(`statement ${index + 1}`, time);
    }
  }
  console.log(`## The rows of road map ${ROAD_MAP}: server execution time, p50 of ${runs}, ms`);
  for (const [key, values] of times) console.log(`${key.padEnd(14)} ${ms(median(values))}`);

  const reads = [];
  for (let run = 0; run <= runs; run++) reads.push(await timed(() => readRoadMapRows(db, ROAD_MAP)));
  reads.shift();
  console.log(
    `\nreadRoadMapRows from Node: wall ${ms(median(reads.map((t) => t.wall)))}, CPU ${ms(median(reads.map((t) => t.cpu)))}`,
  );

  const roadMap = await db
    .selectFrom("road_map as r")
    .innerJoin("programme as p", "p.id", "r.programme_id")
    .select(["r.territory_id", "p.start_year as startYear", "p.end_year as endYear"])
    .where("r.id", "=", ROAD_MAP)
    .executeTakeFirstOrThrow();
  const slice = (
    await db
      .selectFrom("territory")
      .select("id")
      .where((eb) => eb("path", "@>", eb.val([101])))
      .execute()
  ).map((row) => row.id);
  const views: Array<{ name: string; scope: ExecutionScope; below: number }> = [
    {
      name: "overview",
      scope: { roadMapId: ROAD_MAP, territoryIds: null, sectionIds: null },
      below: roadMap.territory_id,
    },
    {
      name: "section=3",
      scope: { roadMapId: ROAD_MAP, territoryIds: null, sectionIds: [3] },
      below: roadMap.territory_id,
    },
    { name: "territory=101", scope: { roadMapId: ROAD_MAP, territoryIds: slice, sectionIds: null }, below: 101 },
  ];
  await roadMapRows(db, ROAD_MAP);
  console.log("\nFigures from rows already read, a new as-of day each run: wall, CPU");
  for (const [viewIndex, view] of views.entries()) {
    const samples = [];
    for (let run = 0; run <= runs; run++) {
      const day = new Date(Date.UTC(2026, 8, 29 - viewIndex * (runs + 1) - run)).toISOString().slice(0, 10);
      samples.push(
        await timed(() =>
          roadMapFigures(
            db,
            view.scope,
            { date: day, includeCurrentQuarter: false, facts: "accepted" },
            { green: 90, amber: 70 },
            { territoriesBelow: view.below, quarters: programmeQuarters(roadMap) },
          ),
        ),
      );
    }
    samples.shift();
    console.log(
      `${view.name.padEnd(14)} ${ms(median(samples.map((t) => t.wall)))} ${ms(median(samples.map((t) => t.cpu)))}`,
    );
  }

  if (options.plans)
    for (const [index, query] of statements.entries()) {
      const { rows } = await explain("ANALYZE, BUFFERS", query);
      console.log(`\n### statement ${index + 1}\n\n${query.sql.replace(/\s+/g, " ").trim()}\n`);
      console.log(rows.map((row) => row["QUERY PLAN"]).join("\n"));
    }
} finally {
  await close();
}
