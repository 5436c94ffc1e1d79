// The dashboard, /my and the server on national-scale data (scripts/generate-national.ts), as a browser
// and an operator meet them. `npm run bench` builds, then runs:
//   npx tsx scripts/bench-dashboard.ts [--database postgres://postgres@127.0.0.1:5432/oryndau_national]
//     [--port 3250] [--duration 10] [--connections 16] [--heavy-connections 64] [--samples 20]
//     [--scenario-seconds 20] [--viewers 8] [--write-every 2]
//
//   --database           the data to measure; the benchmark works on a template copy of it
//                        (<name>_bench_<pid>, CREATE DATABASE … TEMPLATE, ≈ 10 s for national data) and
//                        drops the copy at the end, so its writes never reach the data given and a
//                        second run measures the same rows. Nobody may be connected to that database
//                        while the copy is made (it waits up to two minutes).
//   --port               the app's port (`node server.mjs`, its cluster, the product's own pool size)
//   --duration           seconds of each load run: a closed loop of kept-alive clients, each request
//                        waited for (one still in flight at the end too, so none runs on into the next
//                        run), after each worker has answered the same request twice
//   --connections        connections of the load runs (the dashboard route, /login, /my)
//   --heavy-connections  connections of the last run on the dashboard, after which memory is read
//   --samples            timed requests / loader calls for each p50/p95
//   --scenario-seconds, --viewers, --write-every   the reporting-week scenario
//
// Every HTTP request sends `Accept-Encoding: gzip, deflate, br` and must answer 2xx (a save, its
// redirect). It reports, for an overview, a section and a territory view of road map 1:
//  - the loader in-process with the cache missed (a new as-of day each call), its SQL captured as it
//    runs (openDatabase's onQuery) and replayed through the same client both all at once (as the
//    loader runs it, in parallel) and one after another; the scan floor: a plain count/sum over the
//    rows the view needs (entries up to the as-of day, plan rows, measures), same client, same run;
//  - the route's data request cold (a new as-of day each time) and cached, p50/p95, the page's bytes
//    and requests/s of the whole route against /login's at --connections;
// then /my for the department head of road map 1's department 1 (500 measures; its current quarter's
// report sent back so the page is the editable form of reporting week): HTML bytes, server time and
// requests/s; the scenario «one write every 2 s, --viewers viewers» (the head saves a progress entry
// through the measure page's form, which moves the road map's revision, while the viewers load the
// dashboard route); a --heavy-connections run on the dashboard and the server's memory after it
// (VmRSS of the cluster's primary and every process under it). Prints the machine and its load before
// and after, markdown tables, and exits: 0, or 1 with the reason when anything failed.
import { randomBytes } from "node:crypto";
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { sql, type CompiledQuery, type Kysely } from "kysely";
import { openDatabase, type DatabaseConnection } from "~db/client";
import type { Database } from "~db/schema";
import { DEMO_PASSWORD } from "~db/seed";
import { hashPassword } from "~/domain/auth/password.server";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { roadMapDashboard } from "~/domain/execution/dashboard.server";
import { todayIn } from "~/domain/periods/quarter";
import { startApp, type AppProcess } from "./bench/app-process";
import { closeConnections, get, load, send, signIn, type LoadResult } from "./bench/http";
import { DEPARTMENT_HEAD, sendBackHeadsQuarter } from "./bench/national-accounts";
import { copyDatabase, type ScratchDatabase } from "./bench/scratch-database";

const { values: options } = parseArgs({
  options: {
    database: { type: "string", default: "postgres://postgres@127.0.0.1:5432/oryndau_national" },
    port: { type: "string", default: "3250" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    "heavy-connections": { type: "string", default: "64" },
    samples: { type: "string", default: "20" },
    "scenario-seconds": { type: "string", default: "20" },
    viewers: { type: "string", default: "8" },
    "write-every": { type: "string", default: "2" },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const heavyConnections = Number(options["heavy-connections"]);
// As-of days for the cold views run back from AS_OF, each used once: 80 samples reach back 16 months.
const samples = Math.min(Number(options.samples), 80);
const scenarioSeconds = Number(options["scenario-seconds"]);
const viewers = Number(options.viewers);
const writeEveryMs = Number(options["write-every"]) * 1000;

const ROAD_MAP = 1;
const AS_OF = "2026-09-30";
const TIME_ZONE = "Asia/Almaty";
const ROUTE_ID = "routes/_app.roadmaps.$roadMapId._index";
/** Rows of a view for the scan floor, as conditions on the measure `m` and a share's territory `x`. */
const SLICE_101 = "IN (SELECT id FROM territory WHERE path @> ARRAY[101])";
const views = [
  { name: "overview", query: "", measures: `m.road_map_id = ${ROAD_MAP}`, share: "" },
  { name: "section", query: "section=3", measures: `m.road_map_id = ${ROAD_MAP} AND m.section_id = 3`, share: "" },
  {
    name: "territory",
    query: "territory=101",
    measures: `m.road_map_id = ${ROAD_MAP} AND m.territory_id ${SLICE_101}`,
    share: `AND x.territory_id ${SLICE_101}`,
  },
];

const started = Date.now();
const note = (line: string) => console.error(`${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s  ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (value: number) => (Number.isNaN(value) ? "–" : value < 100 ? value.toFixed(1) : value.toFixed(0));
const p50p95 = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`;
const kB = (bytes: number) => (bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0);
const ratio = (a: number, b: number) => (a / b).toFixed(a / b < 10 ? 2 : 1);
const load3 = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
/** `index` days before AS_OF. */
const dayBefore = (index: number) => {
  const date = new Date(`${AS_OF}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - index);
  return date.toISOString().slice(0, 10);
};

/** Every problem met on the way: the tables still print, and the run exits 1. */
const failures: string[] = [];
const check = (result: LoadResult) => {
  if (result.failures) failures.push(result.failures);
  return result;
};
/**
 * A load run after each worker of the cluster has answered the same request twice: every worker has
 * its own caches, and a run is to measure what repeat visitors find. New connections are spread
 * over the workers in turn.
 */
let workers = 1;
/** Answers per second of a run, and how many requests were not answered 2xx (not in the figures). */
const perSecond = (result: LoadResult) =>
  `${result.requestsPerSecond.toFixed(1)}${result.failed ? ` (+ ${result.failed} not 2xx)` : ""}`;
const measuredLoad = async (url: string, clients: number, cookie?: string) => {
  check(await load(url, 2 * workers, 0, cookie));
  return check(await load(url, clients, duration, cookie));
};

let scratch: ScratchDatabase | undefined;
let app: AppProcess | undefined;
let connection: DatabaseConnection | undefined;
let cleaned: Promise<void> | undefined;
const cleanUp = () =>
  (cleaned ??= (async () => {
    closeConnections();
    for (const step of [() => connection?.close(), () => app?.stop(), () => scratch?.drop()]) {
      try {
        await step();
      } catch (error) {
        console.error(`cleaning up: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    note(`${signal}: stopping the app and dropping the copy`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const loadBefore = load3();
let exitCode = 1;
try {
  const output = await run();
  console.log(output);
  if (failures.length)
    console.log(
      `\nFailed (the figures above count only the 2xx answers):\n${failures.map((failure) => `- ${failure}`).join("\n")}`,
    );
  exitCode = failures.length ? 1 : 0;
} catch (error) {
  console.error(`The benchmark could not finish: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
} finally {
  await cleanUp();
  note(`done (exit ${exitCode})`);
}
process.exit(exitCode);

async function run(): Promise<string> {
  note(`copying ${new URL(options.database).pathname.slice(1)}`);
  scratch = await copyDatabase(options.database, note);
  note(`starting the app on ${scratch.name}`);
  app = await startApp(
    { DATABASE_URL: scratch.url, SEED_DEMO_DATA: "false", SESSION_SECRET: randomBytes(24).toString("hex") },
    Number(options.port),
  );
  const memoryAtStart = app.memory();
  workers = Math.max(1, memoryAtStart.processes - 1);
  const base = app.base;

  // The loader's statements are captured as it runs them, for the replays.
  const captured: CompiledQuery[] = [];
  let capturing = false;
  connection = await openDatabase({
    databaseUrl: scratch.url,
    pgliteDir: "",
    onQuery: (query) => capturing && captured.push(query),
  });
  const { db } = connection;
  const week = await prepareReportingWeek(db);
  const admin = (await loadPrincipal(db, week.adminId))!;
  const adminCookie = await signIn(base, "admin", DEMO_PASSWORD);
  const headCookie = await signIn(base, DEPARTMENT_HEAD.login, DEMO_PASSWORD);
  const [{ version }] = (
    await sql<{ version: string }>`SELECT current_setting('server_version') AS version`.execute(db)
  ).rows as [{ version: string }];

  note(`/login at ${connections} connections`);
  await get(`${base}/login`);
  const login = await measuredLoad(`${base}/login`, connections);

  const viewRows: string[][] = [];
  const sqlRows: string[][] = [];
  let overviewColdToFloor = "";
  let overviewRoute = Number.NaN;
  for (const [viewIndex, view] of views.entries()) {
    const query = (asOf: string) => [`asOf=${asOf}`, view.query].filter(Boolean).join("&");
    const dataUrl = (asOf: string) =>
      `${base}/roadmaps/${ROAD_MAP}.data?${query(asOf)}&_routes=${encodeURIComponent(ROUTE_ID)}`;
    // Cold means an as-of day no call has asked for, in this process or the app: the days run back
    // from AS_OF, each used once, the loader in-process and the route taking turns so that both
    // meet the same spread of rows (with 20 samples the earliest is in May, ≈ 6 % fewer entries).
    const coldDays = (turn: 0 | 1) =>
      Array.from({ length: samples + 1 }, (_, index) =>
        dayBefore(viewIndex * 2 * (samples + 1) + 2 * index + turn + 1),
      );
    const [loaderWarmUp, ...loaderDays] = coldDays(0);
    const [routeWarmUp, ...routeDays] = coldDays(1);

    note(`${view.name}: the loader in-process, cold`);
    const loader = async (asOf: string) => {
      const { filters } = parseDashboardFilters(new URLSearchParams(query(asOf)), AS_OF);
      return roadMapDashboard(db, admin, ROAD_MAP, filters);
    };
    await loader(loaderWarmUp!);
    const cold: number[] = [];
    let statements: CompiledQuery[] = [];
    for (const date of loaderDays) {
      captured.length = 0;
      capturing = true;
      const begun = performance.now();
      await loader(date);
      cold.push(performance.now() - begun);
      capturing = false;
      statements = [...captured];
    }

    note(`${view.name}: its ${statements.length} statements replayed, the scan floor`);
    const replay = async (all: CompiledQuery[], together: boolean) => {
      if (together) await Promise.all(all.map((statement) => db.executeQuery(statement)));
      else for (const statement of all) await db.executeQuery(statement);
    };
    const timeRuns = async (work: () => Promise<unknown>) => {
      const times: number[] = [];
      await work();
      for (let index = 0; index < samples; index++) {
        const begun = performance.now();
        await work();
        times.push(performance.now() - begun);
      }
      return times;
    };
    let parallel: number[] = [];
    let sequential: number[] = [];
    try {
      parallel = await timeRuns(() => replay(statements, true));
      sequential = await timeRuns(() => replay(statements, false));
    } catch (error) {
      failures.push(`${view.name}: the loader's statements could not be replayed: ${String(error)}`);
    }
    const floorStatements = scanFloor(view);
    const floorTogether = await timeRuns(() => Promise.all(floorStatements.map((statement) => statement.execute(db))));
    const floorApart = await timeRuns(async () => {
      for (const statement of floorStatements) await statement.execute(db);
    });
    const scanned = await Promise.all(floorStatements.map(async (statement) => (await statement.execute(db)).rows[0]!));
    const floor = percentile(floorTogether, 50);

    note(`${view.name}: the route over HTTP, cold and cached`);
    await get(dataUrl(routeWarmUp!), adminCookie);
    const coldRoute: number[] = [];
    for (const date of routeDays) coldRoute.push((await get(dataUrl(date), adminCookie)).ms);
    await get(dataUrl(AS_OF), adminCookie);
    const cachedRoute: number[] = [];
    for (let index = 0; index < samples; index++) cachedRoute.push((await get(dataUrl(AS_OF), adminCookie)).ms);
    const pageUrl = `${base}/roadmaps/${ROAD_MAP}?${query(AS_OF)}`;
    const page = await get(pageUrl, adminCookie);
    note(`${view.name}: the route at ${connections} connections`);
    const route = await measuredLoad(pageUrl, connections, adminCookie);

    viewRows.push([
      view.name,
      p50p95(cold),
      p50p95(coldRoute),
      p50p95(cachedRoute),
      `${kB(page.body.length)} / ${kB(page.transferred)}`,
      perSecond(route),
      `${ratio(route.requestsPerSecond, login.requestsPerSecond)} (${((route.requestsPerSecond / login.requestsPerSecond) * 100).toFixed(0)} %)`,
    ]);
    sqlRows.push([
      view.name,
      String(statements.length),
      p50p95(parallel),
      p50p95(sequential),
      `${ms(floor)} / ${ms(percentile(floorApart, 50))}`,
      scanned.map((row) => Number(row.rows).toLocaleString("en").replace(/,/g, " ")).join(" / "),
      `${ratio(percentile(cold, 50), floor)} / ${ratio(percentile(coldRoute, 50), floor)}`,
    ]);
    if (view.name === "overview") {
      overviewColdToFloor = ratio(percentile(coldRoute, 50), floor);
      overviewRoute = route.requestsPerSecond;
    }
  }

  note(`/my of ${week.departmentMeasures} measures at ${connections} connections`);
  const myPage = await get(`${base}/my`, headCookie);
  const textAreas = (myPage.body.toString().match(/<textarea/g) ?? []).length;
  const my = await measuredLoad(`${base}/my`, connections, headCookie);

  note(`reporting week: a write every ${writeEveryMs / 1000} s, ${viewers} viewers, ${scenarioSeconds} s`);
  const scenario = await reportingWeek(db, base, adminCookie, headCookie, week.writer);

  note(`the dashboard at ${heavyConnections} connections`);
  const heavy = await measuredLoad(`${base}/roadmaps/${ROAD_MAP}?asOf=${AS_OF}`, heavyConnections, adminCookie);
  const memoryAfter = app.memory();
  await sleep(10_000);
  const memoryIdle = app.memory();
  const loadAfter = load3();

  const cpu = cpus();
  const table = (header: string[], rows: string[][]) =>
    [
      `| ${header.join(" | ")} |`,
      `|${header.map(() => "---").join("|")}|`,
      ...rows.map((row) => `| ${row.join(" | ")} |`),
    ].join("\n");
  return [
    "",
    `${new Date().toISOString().slice(0, 10)} · ${cpu[0]?.model.trim() ?? "cpu"} × ${cpu.length} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM · Node ${process.version} · PostgreSQL ${version}`,
    `load average (1 / 5 / 15 min) before ${loadBefore}, after ${loadAfter} · the app: ${workers} workers (${memoryAtStart.processes} processes), its default pool · data: a copy of ${new URL(options.database).pathname.slice(1)} · ${connections} connections, ${duration} s a load run, ${samples} samples a p50/p95`,
    "",
    `Views of road map ${ROAD_MAP} (${week.roadMapMeasures} measures), as of ${AS_OF}; ms p50 / p95; cold = a new as-of day each time (figures computed), cached = the same view again`,
    "",
    table(
      [
        "view",
        "loader in-process, cold",
        "route data, cold",
        "route data, cached",
        "page kB (HTML / transferred)",
        `route req/s (${connections} conn.)`,
        `route / /login (${login.requestsPerSecond.toFixed(0)} req/s)`,
      ],
      viewRows,
    ),
    "",
    "The loader's SQL (captured as it ran, replayed through the same client) and the scan floor (count/sum over the view's entries up to the as-of day, plan rows, measures); ms",
    "",
    table(
      [
        "view",
        "statements",
        "SQL in parallel p50 / p95",
        "SQL one after another p50 / p95",
        "scan floor p50 (parallel / one after another)",
        "rows (entries / plans / measures)",
        "cold ÷ floor (in-process / route)",
      ],
      sqlRows,
    ),
    "",
    `Reporting week: ${DEPARTMENT_HEAD.login} saves a progress entry every ${writeEveryMs / 1000} s (the measure page's form) while ${viewers} viewers load /roadmaps/${ROAD_MAP} back to back, ${scenarioSeconds} s`,
    "",
    table(
      ["views", "view p50 / p95 ms", "views under 200 ms", "writes saved", "write p50 ms", "revision moves"],
      [
        [
          String(scenario.views.length),
          p50p95(scenario.views),
          `${((scenario.views.filter((time) => time < 200).length / scenario.views.length) * 100).toFixed(0)} %`,
          String(scenario.writes.length),
          ms(percentile(scenario.writes, 50)),
          scenario.revisionMoves,
        ],
      ],
    ),
    "",
    `/my for ${DEPARTMENT_HEAD.login} (department ${week.departmentId}, ${week.departmentMeasures} measures, its ${week.quarter} report sent back), ${connections} connections`,
    "",
    table(
      ["HTML kB", "transferred kB", "text areas", "server p50 / p95 ms", "req/s"],
      [[kB(myPage.body.length), kB(myPage.transferred), String(textAreas), p50p95(my.latencies), perSecond(my)]],
    ),
    "",
    `The server's memory: VmRSS summed over the primary and every process under it (/proc/<pid>/status)`,
    "",
    table(
      [
        "at start MB",
        `dashboard at ${heavyConnections} conn.: req/s, p50 / p95 ms`,
        "right after MB",
        "after 10 s idle MB",
      ],
      [
        [
          memoryAtStart.totalMb.toFixed(0),
          `${perSecond(heavy)}, ${p50p95(heavy.latencies)}`,
          memoryAfter.totalMb.toFixed(0),
          memoryIdle.totalMb.toFixed(0),
        ],
      ],
    ),
    "",
    `Ratios: cold overview route / scan floor ${overviewColdToFloor}× · dashboard route / /login ${ratio(overviewRoute, login.requestsPerSecond)} at ${connections} connections, compression on`,
  ].join("\n");
}

/**
 * The copy as a reporting week finds it: the department head's account (data generated before it was
 * added), and the head's current quarter report sent back, so that /my is the form to fill in and the
 * measure page takes entries (a submitted report locks them).
 */
async function prepareReportingWeek(db: Kysely<Database>) {
  const { adminId, departmentId, quarter } = await sendBackHeadsQuarter(
    db,
    ROAD_MAP,
    await hashPassword(DEMO_PASSWORD),
  );
  const count = (rows: { n: number | string }[]) => Number(rows[0]?.n ?? 0);
  const measures = db.selectFrom("measure").where("road_map_id", "=", ROAD_MAP).where("removed_on", "is", null);
  const roadMapMeasures = count(await measures.select((eb) => eb.fn.countAll<number>().as("n")).execute());
  const departmentMeasures = count(
    await measures
      .where("responsible_department_id", "=", departmentId)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .execute(),
  );
  const writer = await measures
    .where("responsible_department_id", "=", departmentId)
    .select(["id", "territory_id"])
    .orderBy("id")
    .executeTakeFirstOrThrow();
  return {
    adminId,
    departmentId,
    roadMapMeasures,
    departmentMeasures,
    quarter: `${quarter.year}-Q${quarter.quarter}`,
    writer: { id: writer.id, territoryId: writer.territory_id },
  };
}

/** The plain count/sum over the rows a view's figures are made of. */
function scanFloor(view: (typeof views)[number]) {
  const measures = sql.raw(view.measures);
  const share = sql.raw(view.share);
  return [
    sql<{ rows: number }>`SELECT count(*) AS rows, sum(x.value) AS total FROM progress_entry x
      JOIN measure m ON m.id = x.measure_id WHERE ${measures} ${share} AND x.entry_date <= ${AS_OF}`,
    sql<{ rows: number }>`SELECT count(*) AS rows, sum(x.planned) AS total FROM measure_plan x
      JOIN measure m ON m.id = x.measure_id WHERE ${measures} ${share}`,
    sql<{ rows: number }>`SELECT count(*) AS rows, sum(m.weight) AS total FROM measure m WHERE ${measures}`,
  ];
}

/**
 * One write every few seconds while viewers load the dashboard route back to back: every write moves
 * the road map's revision, so each view after it finds the figures it needs recomputed or being
 * recomputed.
 */
async function reportingWeek(
  db: Kysely<Database>,
  base: string,
  viewerCookie: string,
  writerCookie: string,
  measure: { id: number; territoryId: number },
) {
  const viewUrl = `${base}/roadmaps/${ROAD_MAP}`;
  const today = todayIn(TIME_ZONE);
  const save = async (tag: string) => {
    const answer = await send(`${base}/measures/${measure.id}`, {
      method: "POST",
      headers: { cookie: writerCookie },
      form: new URLSearchParams({
        intent: "save-entry",
        submissionKey: randomBytes(12).toString("hex"),
        measureId: String(measure.id),
        territoryId: String(measure.territoryId),
        entryDate: today,
        value: "1",
        // The form asks to confirm a figure where nothing is planned, and a reason if the measure is behind.
        confirmedValue: "1",
        narrativeKk: tag,
        behindReasonKk: "benchmark",
      }),
    });
    // A redirect is the form's «saved»; 200 is the form shown again with a refusal.
    if (answer.status < 300 || answer.status >= 400)
      throw new Error(`saving an entry answered ${answer.status}: ${answer.body.toString().slice(0, 300)}`);
    return answer.ms;
  };
  const revision = async () =>
    sql<{ revision: number }>`SELECT revision FROM road_map_revision WHERE road_map_id = ${ROAD_MAP}`.execute(db).then(
      (result) => Number(result.rows[0]?.revision),
      () => Number.NaN,
    );

  await save("benchmark probe");
  await get(viewUrl, viewerCookie);
  const revisionBefore = await revision();
  const views: number[] = [];
  const refused = new Map<number, number>();
  const writes: number[] = [];
  const until = Date.now() + scenarioSeconds * 1000;
  const writer = async () => {
    for (let index = 0; Date.now() < until; index++) {
      const begun = Date.now();
      try {
        writes.push(await save(`benchmark ${index}`));
      } catch (error) {
        failures.push(String(error));
      }
      await sleep(Math.max(0, begun + writeEveryMs - Date.now()));
    }
  };
  const viewer = async () => {
    while (Date.now() < until) {
      const answer = await send(viewUrl, { headers: { cookie: viewerCookie } });
      if (answer.status !== 200) refused.set(answer.status, (refused.get(answer.status) ?? 0) + 1);
      else views.push(answer.ms);
    }
  };
  await Promise.all([writer(), ...Array.from({ length: viewers }, viewer)]);
  if (refused.size)
    failures.push(
      `reporting week: ${viewUrl} answered ${[...refused].map(([status, count]) => `${count} × ${status}`).join(", ")}`,
    );
  const moves = (await revision()) - revisionBefore;
  return { views, writes, revisionMoves: Number.isNaN(moves) ? "not read" : String(moves) };
}
