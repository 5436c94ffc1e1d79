// The dashboard's speed on national-scale data (scripts/generate-national.ts), on this machine:
//   npm run build && npx tsx scripts/bench-dashboard.ts [--database postgres://…/oryndau_national]
//     [--duration 10] [--connections 16] [--samples 40]
//
// For an overview, a section and a territory view of one road map it reports
//  - the loader's server time, p50/p95: through HTTP (the route's data request, figures cached as a
//    repeat visit finds them) and in-process with the cache missed (every figure computed afresh);
//  - the raw SQL that computes the same numbers (the very statements the loader runs, replayed
//    through postgres.js), p50/p95, and the ratio loader / raw SQL;
//  - requests/s of the whole route (HTML page) at 16 connections, of a trivial route of the app (the
//    sign-in page) and of the raw SQL, and the ratio route / trivial route.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import type { CompiledQuery } from "kysely";
import postgres from "postgres";
import { openDatabase } from "~db/client";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { roadMapDashboard } from "~/domain/execution/dashboard.server";

const { values: options } = parseArgs({
  options: {
    database: { type: "string", default: "postgres://postgres@127.0.0.1:5432/oryndau_national" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    samples: { type: "string", default: "40" },
    port: { type: "string", default: "3250" },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const samples = Number(options.samples);
// Other work on the machine skews every figure: the table says how busy it was.
const loadBefore = loadavg()[0]!.toFixed(1);
const base = `http://localhost:${options.port}`;
const AS_OF = "2026-09-30";
const views = [
  { name: "overview", query: `asOf=${AS_OF}` },
  { name: "section", query: `asOf=${AS_OF}&section=3` },
  { name: "territory", query: `asOf=${AS_OF}&territory=101` },
];
const ROUTE_ID = "routes/_app.roadmaps.$roadMapId._index";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (value: number) => value.toFixed(1);

async function startServer(): Promise<ChildProcess> {
  const server = spawn("node", ["server.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: options.database,
      PORT: options.port,
      SESSION_SECRET: randomBytes(24).toString("hex"),
      SEED_DEMO_DATA: "false",
      NODE_ENV: "production",
      DATABASE_POOL_SIZE: String(connections),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    server.on("exit", (code) => reject(new Error(`the server stopped (${code}); was \`npm run build\` run?`)));
  });
  return server;
}

async function signIn(): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ login: "admin", password: "oryndau-demo", redirectTo: "/" }),
    redirect: "manual",
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  if (!cookies.some((cookie) => cookie?.startsWith("__session="))) throw new Error("could not sign in as admin");
  return cookies.join("; ");
}

async function timeRequests(url: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples + 3; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    if (i >= 3) times.push(performance.now() - started);
  }
  return times;
}

async function requestsPerSecond(url: string, cookie?: string): Promise<number> {
  const result = await autocannon({ url, connections, duration, headers: cookie ? { cookie } : {} });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

// In-process: the dashboard computed with every figure afresh, its SQL captured for the replay.
const captured: CompiledQuery[] = [];
let capturing = false;
const { db, close } = await openDatabase({
  databaseUrl: options.database,
  pgliteDir: "",
  poolSize: connections,
  onQuery: (query) => capturing && captured.push(query),
});
const admin = (await loadPrincipal(db, 1))!;
const raw = postgres(options.database, {
  max: connections,
  connection: { jit: "off", work_mem: "32MB" },
  onnotice: () => {},
});
const replay = async (queries: CompiledQuery[]) => {
  for (const query of queries) await raw.unsafe(query.sql, query.parameters as never[]);
};

const server = await startServer();
const results: string[][] = [];
try {
  const cookie = await signIn();
  const trivial = await requestsPerSecond(`${base}/login`);
  for (const view of views) {
    const params = new URLSearchParams(view.query);
    // A different as-of day each time defeats the cache: every figure is computed.
    const cold: number[] = [];
    let queries: CompiledQuery[] = [];
    for (let i = 0; i < Math.min(samples, 20) + 1; i++) {
      params.set("asOf", `2026-09-${String(10 + i).padStart(2, "0")}`);
      const { filters } = parseDashboardFilters(params, AS_OF);
      captured.length = 0;
      capturing = true;
      const started = performance.now();
      await roadMapDashboard(db, admin, 1, filters);
      if (i > 0) cold.push(performance.now() - started);
      capturing = false;
      queries = [...captured];
    }
    const rawTimes: number[] = [];
    for (let i = 0; i < Math.min(samples, 20); i++) {
      const started = performance.now();
      await replay(queries);
      rawTimes.push(performance.now() - started);
    }
    const rawUntil = Date.now() + duration * 1000;
    let rawDone = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < rawUntil) {
          await replay(queries);
          rawDone += 1;
        }
      }),
    );
    const dataUrl = `${base}/roadmaps/1.data?${view.query}&_routes=${encodeURIComponent(ROUTE_ID)}`;
    const cached = await timeRequests(dataUrl, cookie);
    const routeRps = await requestsPerSecond(`${base}/roadmaps/1?${view.query}`, cookie);
    results.push([
      view.name,
      `${ms(percentile(cached, 50))} / ${ms(percentile(cached, 95))}`,
      `${ms(percentile(cold, 50))} / ${ms(percentile(cold, 95))}`,
      `${ms(percentile(rawTimes, 50))} / ${ms(percentile(rawTimes, 95))}`,
      `${(percentile(cached, 50) / percentile(rawTimes, 50)).toFixed(2)} / ${(percentile(cold, 50) / percentile(rawTimes, 50)).toFixed(2)}`,
      routeRps.toFixed(0),
      trivial.toFixed(0),
      `${((routeRps / trivial) * 100).toFixed(0)} %`,
      (rawDone / duration).toFixed(1),
    ]);
  }
} finally {
  server.kill("SIGTERM");
  await raw.end();
  await close();
}

const [{ version }] = await (async () => {
  const client = postgres(options.database, { max: 1 });
  const rows = await client`SELECT current_setting('server_version') AS version`;
  await client.end();
  return rows as unknown as [{ version: string }];
})();
const header = [
  "view",
  "loader p50/p95 ms (cached)",
  "loader p50/p95 ms (cold)",
  "raw SQL p50/p95 ms",
  "loader/raw (cached / cold)",
  "route req/s",
  "trivial req/s",
  "route/trivial",
  "raw SQL runs/s",
];
console.log(
  `\n${new Date().toISOString().slice(0, 10)} · ${cpus()[0]?.model ?? "cpu"} × ${cpus().length} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · PostgreSQL ${version} · ${connections} connections, ${duration} s · load average before/after ${loadBefore} / ${loadavg()[0]!.toFixed(1)}\n`,
);
console.log(`| ${header.join(" | ")} |`);
console.log(`|${header.map(() => "---").join("|")}|`);
for (const row of results) console.log(`| ${row.join(" | ")} |`);
