// /my of a 500-measure department under load, for one or more builds in one run (docs/decisions/0037):
//   npx tsx scripts/bench-my-page.ts [--database postgres://postgres@127.0.0.1:5432/oryndau_national]
//     [--port 3621] [--duration 10] [--rounds 2] [--connections 16] [--workers N]
//     [--build 'name=/path/to/a/built/checkout' …] [--profile /dir]
//
// Works on a template copy of the data (scripts/bench/scratch-database.ts): adds the department head
// of road map 1's department 1 and sends its current quarter's report back, as `npm run bench` does,
// so that /my is the editable form of reporting week. Each build (default: this checkout, which must
// be built) is started in turn on the same copy (`node server.mjs`; `--workers` sets WEB_CONCURRENCY)
// and, after a warm-up, loaded with `--connections` closed-loop clients for `--duration` seconds.
// Reported per build (medians of `--rounds` turns, so that a change of the machine's load falls on
// all): requests/s, p50/p95 ms, CPU ms per request of the app's whole process group (user + system),
// and database statements per request (the copy's committed transactions from pg_stat_database: each
// statement of a GET outside a transaction is one). `--profile` runs each app under `node --cpu-prof`
// and leaves the profiles in <dir>/<build> (open them in Chrome's DevTools or speedscope).
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { openDatabase } from "~db/client";
import { DEMO_PASSWORD } from "~db/seed";
import { hashPassword } from "~/domain/auth/password.server";
import { startApp, type AppProcess } from "./bench/app-process";
import { closeConnections, get, load, signIn } from "./bench/http";
import { DEPARTMENT_HEAD, sendBackHeadsQuarter } from "./bench/national-accounts";
import { copyDatabase } from "./bench/scratch-database";

const { values: options } = parseArgs({
  options: {
    database: { type: "string", default: "postgres://postgres@127.0.0.1:5432/oryndau_national" },
    port: { type: "string", default: "3621" },
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    connections: { type: "string", default: "16" },
    workers: { type: "string" },
    build: { type: "string", multiple: true, default: ["this=."] },
    profile: { type: "string" },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const builds = options.build.map((text) => {
  const at = text.indexOf("=");
  return { name: text.slice(0, at), dir: resolve(text.slice(at + 1)) };
});

const note = (line: string) => console.error(`${new Date().toISOString().slice(11, 19)}  ${line}`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

/** CPU seconds (user + system) of a process and every process under it. */
function cpuSeconds(pid: number): number {
  let ticks = 0;
  const visit = (each: number) => {
    try {
      const stat = readFileSync(`/proc/${each}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const child of readFileSync(`/proc/${each}/task/${each}/children`, "utf8").trim().split(/\s+/))
        if (child) visit(Number(child));
    } catch {
      // The process ended while we looked.
    }
  };
  visit(pid);
  return ticks / 100;
}

interface Turn {
  perSecond: number;
  p50: number;
  p95: number;
  cpuMs: number;
  statements: number;
  htmlKb: number;
}
const turns = new Map<string, Turn[]>(builds.map((build) => [build.name, []]));

note("copying the data");
const scratch = await copyDatabase(options.database, note);
let exitCode = 0;
try {
  const connection = await openDatabase({ databaseUrl: scratch.url, pgliteDir: "", onQuery: () => {} });
  const { db } = connection;
  await sendBackHeadsQuarter(db, 1, await hashPassword(DEMO_PASSWORD));
  // Every backend's counts reach pg_stat_database once it has been idle for a while (≤ 10 s).
  const transactions = async () => {
    await sleep(11_000);
    await sql`SELECT pg_stat_clear_snapshot()`.execute(db);
    const { rows } = await sql<{ n: string }>`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database
      WHERE datname = current_database()`.execute(db);
    return Number(rows[0]!.n);
  };

  for (let round = 0; round < Number(options.rounds); round++) {
    for (const build of builds) {
      note(`round ${round + 1}: ${build.name} (${build.dir})`);
      const profileDir = options.profile ? join(resolve(options.profile), build.name) : undefined;
      if (profileDir) mkdirSync(profileDir, { recursive: true });
      let app: AppProcess | undefined;
      try {
        app = await startApp(
          {
            DATABASE_URL: scratch.url,
            SEED_DEMO_DATA: "false",
            SESSION_SECRET: randomBytes(24).toString("hex"),
            ...(options.workers ? { WEB_CONCURRENCY: options.workers } : {}),
          },
          Number(options.port),
          { cwd: build.dir, execArgv: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [] },
        );
        const head = await signIn(app.base, DEPARTMENT_HEAD.login, DEMO_PASSWORD);
        const page = await get(`${app.base}/my`, head);
        await load(`${app.base}/my`, connections, 2, head);
        const statementsBefore = await transactions();
        const cpuBefore = cpuSeconds(app.pid);
        const result = await load(`${app.base}/my`, connections, duration, head);
        const cpu = cpuSeconds(app.pid) - cpuBefore;
        const statements = (await transactions()) - statementsBefore;
        if (result.failures) throw new Error(result.failures);
        const turn: Turn = {
          perSecond: result.requestsPerSecond,
          p50: percentile(result.latencies, 50),
          p95: percentile(result.latencies, 95),
          cpuMs: (cpu * 1000) / result.latencies.length,
          // Less the two statements of the count itself.
          statements: (statements - 2) / result.latencies.length,
          htmlKb: page.body.length / 1024,
        };
        turns.get(build.name)!.push(turn);
        note(`  ${JSON.stringify(turn)}`);
      } catch (error) {
        console.error(error);
        exitCode = 1;
      } finally {
        closeConnections();
        await app?.stop();
      }
    }
  }
  await connection.close();
} finally {
  await scratch.drop();
}

const header = ["build", "HTML kB", "req/s", "p50 ms", "p95 ms", "CPU ms / request", "statements / request"];
console.log(
  `\n/my for ${DEPARTMENT_HEAD.login} at ${connections} connections, ${duration} s a turn, medians of ${options.rounds} turns; load average after ${loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ")}\n`,
);
console.log(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
for (const [name, rows] of turns) {
  if (rows.length === 0) continue;
  const of = (key: keyof Turn, digits: number) => median(rows.map((row) => row[key])).toFixed(digits);
  console.log(
    `| ${name} | ${of("htmlKb", 0)} | ${of("perSecond", 1)} | ${of("p50", 0)} | ${of("p95", 0)} | ${of("cpuMs", 2)} | ${of("statements", 1)} |`,
  );
}
process.exit(exitCode);
