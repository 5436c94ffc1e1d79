// The server's memory against its throughput, for several settings in one run (docs/decisions/0022):
//   npx tsx scripts/bench-memory.ts [--database postgres://postgres@127.0.0.1:5432/oryndau_national]
//     [--port 3251] [--duration 10] [--rounds 2] [--cold-views 24] [--setting 'name|ENV=value|ENV=value' …]
//
// Each setting starts the built app (`node server.mjs`, its cluster) on a template copy of the data with
// the environment given, and runs what grows the memory in `npm run bench`: cold figures of road map 1
// (a new as-of day each request), /my of a 500-measure department, then the dashboard at 64
// connections. It reports the requests/s and CPU seconds per 100 requests (of the whole process group,
// less noisy than requests/s on a shared machine) of that run and of /login at 16 connections, and
// VmRSS summed over the group at start, right after the 64-connection run and after 10 s idle.
// Settings take turns over `--rounds` rounds, so that a change of the machine's load falls on all.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { withActor } from "~db/actor";
import { openDatabase } from "~db/client";
import { DEMO_PASSWORD } from "~db/seed";
import { hashPassword } from "~/domain/auth/password.server";
import { startApp, type AppProcess } from "./bench/app-process";
import { closeConnections, get, load, signIn, type LoadResult } from "./bench/http";
import { addDepartmentHead, DEPARTMENT_HEAD } from "./bench/national-accounts";
import { copyDatabase } from "./bench/scratch-database";

const { values: options } = parseArgs({
  options: {
    database: { type: "string", default: "postgres://postgres@127.0.0.1:5432/oryndau_national" },
    port: { type: "string", default: "3251" },
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    "cold-views": { type: "string", default: "24" },
    setting: { type: "string", multiple: true, default: ["default"] },
  },
});
const duration = Number(options.duration);
/** `name|KEY=value|KEY=value`: the app's environment for that setting. */
const settings = options.setting.map((text) => {
  const [name, ...pairs] = text.split("|");
  const env = Object.fromEntries(
    pairs.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
  );
  return { name: name!, env };
});

const note = (line: string) => console.error(`${new Date().toISOString().slice(11, 19)}  ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** CPU seconds (user + system) of the app's primary and every process under it. */
function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const each of [pid, ...childrenOf(pid)]) {
    try {
      const stat = readFileSync(`/proc/${each}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks / 100;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function measured(app: AppProcess, url: string, connections: number, cookie?: string) {
  await load(url, 4, 0, cookie);
  const before = cpuSeconds(app.pid);
  const result: LoadResult = await load(url, connections, duration, cookie);
  const cpu = cpuSeconds(app.pid) - before;
  if (result.failures) throw new Error(result.failures);
  return { perSecond: result.requestsPerSecond, cpuPer100: (cpu / result.latencies.length) * 100 };
}

const dayBefore = (index: number) => {
  const date = new Date("2026-09-30T00:00:00Z");
  date.setUTCDate(date.getUTCDate() - index);
  return date.toISOString().slice(0, 10);
};

type Row = {
  login: number;
  loginCpu: number;
  heavy: number;
  heavyCpu: number;
  start: number;
  after: number;
  idle: number;
};
const results = new Map<string, Row[]>(settings.map((setting) => [setting.name, []]));

note("copying the data");
const scratch = await copyDatabase(options.database, note);
try {
  const connection = await openDatabase({ databaseUrl: scratch.url, pgliteDir: "", onQuery: () => {} });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withActor(connection.db, "system", (trx) => addDepartmentHead(trx, passwordHash));
  await connection.close();
  for (let round = 0; round < Number(options.rounds); round++) {
    for (const setting of settings) {
      note(`round ${round + 1}: ${setting.name}`);
      const app = await startApp(
        {
          DATABASE_URL: scratch.url,
          SEED_DEMO_DATA: "false",
          SESSION_SECRET: randomBytes(24).toString("hex"),
          ...setting.env,
        },
        Number(options.port),
      );
      try {
        const start = app.memory().totalMb;
        const admin = await signIn(app.base, "admin", DEMO_PASSWORD);
        const head = await signIn(app.base, DEPARTMENT_HEAD.login, DEMO_PASSWORD);
        const login = await measured(app, `${app.base}/login`, 16);
        const route = encodeURIComponent("routes/_app.roadmaps.$roadMapId._index");
        for (let index = 0; index < Number(options["cold-views"]); index++)
          await get(`${app.base}/roadmaps/1.data?asOf=${dayBefore(index + 1)}&_routes=${route}`, admin);
        await load(`${app.base}/my`, 16, duration / 2, head);
        const heavy = await measured(app, `${app.base}/roadmaps/1?asOf=2026-09-30`, 64, admin);
        const after = app.memory().totalMb;
        await sleep(10_000);
        const idle = app.memory().totalMb;
        results.get(setting.name)!.push({
          login: login.perSecond,
          loginCpu: login.cpuPer100,
          heavy: heavy.perSecond,
          heavyCpu: heavy.cpuPer100,
          start,
          after,
          idle,
        });
        note(`  ${JSON.stringify(results.get(setting.name)!.at(-1))}`);
      } finally {
        closeConnections();
        await app.stop();
      }
    }
  }
} finally {
  await scratch.drop();
}

const header = [
  "setting",
  "/login req/s (16)",
  "/login CPU s / 100 req",
  "dashboard req/s (64)",
  "dashboard CPU s / 100 req",
  "RSS at start MB",
  "RSS right after MB",
  "RSS 10 s idle MB",
];
console.log(
  `load average before/after: ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" / ")}; medians of ${options.rounds} rounds\n`,
);
console.log(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
for (const [name, rows] of results) {
  const of = (key: keyof Row, digits = 0) => median(rows.map((row) => row[key])).toFixed(digits);
  console.log(
    `| ${name} | ${of("login", 1)} | ${of("loginCpu", 2)} | ${of("heavy", 1)} | ${of("heavyCpu", 2)} | ${of("start")} | ${of("after")} | ${of("idle")} |`,
  );
}
process.exit(0);
