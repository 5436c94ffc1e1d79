// `npm run fault:database`: the app under load while its PostgreSQL dies and comes back.
// Starts a private PostgreSQL (initdb into a temp directory, its own port), starts the built app on it
// (`node server.mjs`, a cluster of workers), which migrates and seeds it; runs writers (progress
// entries through the measure page's form) and readers over HTTP; stops PostgreSQL with
// `pg_ctl stop -m immediate`, starts it again, then checks that the app never exited, serves again
// within 5 s, answered every request within its request timeout, and kept every acknowledged write.
// Then the cluster: a worker killed with SIGKILL is replaced, and SIGTERM with a request in flight
// stops the app within 10 s. Prints a table, exits 1 on any failed check, and always cleans up.
// FAULT_DEBUG=1 also prints every request (start relative to the stop, ms, status) and the app's output.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { DEMO_PASSWORD } from "~db/seed";
import { todayIn } from "~/domain/periods/quarter";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const WRITERS = 10;
const READERS = 10;
const REQUEST_TIMEOUT_MS = 8_000;
/** Time for a request's answer to travel after the app's deadline fired. */
const TIMEOUT_MARGIN_MS = 1_500;
const SERVES_AGAIN_WITHIN_MS = 5_000;
const DOWN_FOR_MS = 4_000;
const STOPS_WITHIN_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const temp = mkdtempSync(path.join(os.tmpdir(), "oryndau-fault-"));
const dataDir = path.join(temp, "pg");
// PostgreSQL refuses to run as root: its commands then run as the `postgres` user.
const asRoot = process.getuid?.() === 0;
let app: ChildProcess | undefined;
let postgresStarted = false;
let appLog = "";

function pg(command: string, args: string[]) {
  const binary = path.join(PG_BIN, command);
  const result = asRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", binary, ...args], { encoding: "utf8" })
    : spawnSync(binary, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (
      await check().catch((error: unknown) => {
        if (error instanceof Error && error.message.startsWith("the app stopped")) throw error;
        return false;
      })
    )
      return;
    await sleep(100);
  }
  throw new Error(`${what}: not within ${ms / 1000} s`);
}

interface Outcome {
  kind: "write" | "read";
  started: number;
  /** Until the answer began (its status and headers): what the request timeout bounds. */
  ms: number;
  status: number;
}

async function main() {
  if (asRoot) chownSync(temp, Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout), -1);
  const pgPort = await freePort();
  const appPort = await freePort();
  pg("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
  const startPostgres = () =>
    pg("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(temp, "postgres.log"),
      "-o",
      `-p ${pgPort} -k ${temp} -c listen_addresses=127.0.0.1`,
      "-w",
      "start",
    ]);
  startPostgres();
  postgresStarted = true;
  const serverUrl = `postgres://postgres@127.0.0.1:${pgPort}`;
  const admin = postgres(`${serverUrl}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe("CREATE DATABASE oryndau");
  await admin.end();
  const databaseUrl = `${serverUrl}/oryndau`;

  app = spawn(process.execPath, ["server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(appPort),
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      SESSION_SECRET: randomBytes(32).toString("hex"),
      WEB_CONCURRENCY: String(Math.max(2, os.availableParallelism())),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout?.on("data", (chunk) => (appLog += chunk));
  app.stderr?.on("data", (chunk) => (appLog += chunk));
  const base = `http://127.0.0.1:${appPort}`;
  // The first start migrates and seeds the database.
  await waitFor(
    "the app is ready",
    async () => {
      if (app?.exitCode !== null) throw new Error(`the app stopped at start:\n${appLog}`);
      return (await fetch(`${base}/readyz`)).status === 200;
    },
    180_000,
  );

  const login = await fetch(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ login: "admin", password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  if (login.status !== 302 || !cookie) throw new Error(`sign-in failed: ${login.status}`);

  const database = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const today = todayIn("Asia/Almaty");
  const measures = await database<{ id: number; territory_id: number }[]>`
    SELECT m.id, m.territory_id FROM measure m WHERE m.removed_on IS NULL ORDER BY m.id`;
  const acknowledged = new Set<string>();
  const unexpectedStatuses = new Map<number, number>();
  const noteUnexpected = (status: number) => unexpectedStatuses.set(status, (unexpectedStatuses.get(status) ?? 0) + 1);
  const post = async (measure: { id: number; territory_id: number }, tag: string) => {
    const form = new URLSearchParams({
      intent: "save-entry",
      submissionKey: randomBytes(12).toString("hex"),
      measureId: String(measure.id),
      territoryId: String(measure.territory_id),
      entryDate: today,
      value: "1",
      // The form asks to confirm a figure where nothing is planned, and a reason if the measure is behind.
      confirmedValue: "1",
      narrativeKk: tag,
      behindReasonKk: "fault test",
    });
    return fetch(`${base}/measures/${measure.id}`, {
      method: "POST",
      body: form,
      headers: { cookie },
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    });
  };
  // A measure the administrator can add an entry to today (a submitted report would lock it).
  let target: (typeof measures)[number] | undefined;
  for (const measure of measures) {
    const tag = `fault-probe-${measure.id}`;
    if ((await post(measure, tag)).status === 302) {
      acknowledged.add(tag);
      target = measure;
      break;
    }
  }
  if (!target) throw new Error("no measure takes a progress entry");
  const measure = target;

  const outcomes: Outcome[] = [];
  const problems: string[] = [];
  // Readers read another measure than the one written to, whose page keeps its size.
  const page = `${base}/measures/${measures.find((other) => other.id !== measure.id)!.id}`;
  let running = true;
  const timed = async (kind: Outcome["kind"], request: () => Promise<Response>) => {
    const started = Date.now();
    let status = 0;
    let ms = 0;
    try {
      const response = await request();
      ms = Date.now() - started;
      status = response.status;
      const body = await response.text();
      if (status >= 500 && status !== 503) problems.push(`${status}: ${body.slice(0, 300)}`);
    } catch (error) {
      ms = Date.now() - started;
      problems.push(`no answer: ${error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : ""}`);
    }
    outcomes.push({ kind, started, ms, status });
    return status;
  };
  const writer = async (index: number) => {
    for (let n = 0; running; n++) {
      const tag = `fault-${index}-${n}`;
      const status = await timed("write", () => post(measure, tag));
      // A redirect is the app saying «saved»; 200 would be a refused form.
      if (status >= 300 && status < 400) acknowledged.add(tag);
      else if (status !== 503) noteUnexpected(status);
      if (status === 503 || status === 0) await sleep(200);
    }
  };
  const reader = async () => {
    while (running) {
      const status = await timed("read", () =>
        fetch(page, { headers: { cookie }, signal: AbortSignal.timeout(60_000) }),
      );
      if (status !== 200 && status !== 503) noteUnexpected(status);
      if (status !== 200) await sleep(200);
    }
  };
  const load = [
    ...Array.from({ length: WRITERS }, (_, index) => writer(index)),
    ...Array.from({ length: READERS }, () => reader()),
  ];

  await sleep(4_000);
  const stoppedAt = Date.now();
  pg("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
  await sleep(DOWN_FOR_MS);
  startPostgres();
  const upAt = Date.now();
  // The first answer the app gives from the database once PostgreSQL is back (/readyz queries it),
  // then the first page.
  let servedAt = 0;
  let pageAt = 0;
  while (!servedAt && Date.now() - upAt < 30_000) {
    const status = await timed("read", () => fetch(`${base}/readyz`, { signal: AbortSignal.timeout(60_000) }));
    if (status === 200) servedAt = Date.now();
    else await sleep(100);
  }
  while (!pageAt && Date.now() - upAt < 60_000) {
    const status = await timed("read", () => fetch(page, { headers: { cookie }, signal: AbortSignal.timeout(60_000) }));
    if (status === 200) pageAt = Date.now();
  }
  await sleep(5_000);
  running = false;
  await Promise.all(load);
  // Every connection of every worker is usable again: a run of light requests all succeed.
  const after = [];
  for (let index = 0; index < 20; index++) after.push((await fetch(`${base}/readyz`)).status);
  const afterOk = after.filter((status) => status === 200).length;
  const appAlive = app.exitCode === null && app.signalCode === null;
  const workerDeaths = (appLog.match(/Worker \d+ stopped/g) ?? []).length;

  const stored = await database<{ narrative: string }[]>`
    SELECT narrative::text AS narrative FROM progress_entry WHERE narrative::text LIKE '%fault-%'`;
  const storedTags = new Set(stored.flatMap((row) => row.narrative.match(/fault-[\w-]+/g) ?? []));
  const lost = [...acknowledged].filter((tag) => !storedTags.has(tag));
  const longest = Math.max(...outcomes.map((outcome) => outcome.ms));
  const during = outcomes.filter((outcome) => outcome.started >= stoppedAt && outcome.started < upAt);

  // The cluster: a worker killed outright is replaced and the app serves on.
  const workers = () =>
    spawnSync("pgrep", ["-P", String(app!.pid)], { encoding: "utf8" })
      .stdout.split("\n")
      .filter(Boolean)
      .map(Number);
  const before = workers();
  const killed = before[0];
  if (killed === undefined) throw new Error("the app runs no workers");
  process.kill(killed, "SIGKILL");
  let replaced = false;
  await waitFor(
    "a killed worker is replaced",
    async () => {
      const now = workers();
      replaced = now.length === before.length && !now.includes(killed);
      return replaced && (await fetch(`${base}/healthz`)).status === 200;
    },
    15_000,
  ).catch(() => undefined);

  // SIGTERM while a request waits on a locked table: the app drains, then stops within 10 s.
  const locker = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let stopMs = Number.NaN;
  await locker
    .begin(async (trx) => {
      await trx`LOCK TABLE measure IN ACCESS EXCLUSIVE MODE`;
      const inFlight = fetch(`${base}/measures/${measure.id}`, { headers: { cookie } }).then(
        (response) => response.status,
        () => 0,
      );
      await sleep(500);
      const exited = new Promise<void>((resolve) => app!.once("exit", () => resolve()));
      const signalled = Date.now();
      app!.kill("SIGTERM");
      await Promise.race([exited, sleep(STOPS_WITHIN_MS + 5_000)]);
      if (app!.exitCode !== null || app!.signalCode !== null) stopMs = Date.now() - signalled;
      await inFlight;
    })
    .catch(() => undefined);
  await locker.end({ timeout: 1 });
  await database.end({ timeout: 1 });

  if (process.env.FAULT_DEBUG) {
    const t0 = stoppedAt;
    console.log(
      JSON.stringify({
        upAt: upAt - t0,
        servedAt: servedAt - t0,
        outcomes: outcomes.map((o) => [o.kind[0], o.started - t0, o.ms, o.status]),
      }),
    );
    console.log(appLog.slice(-4000));
    console.log(problems.join("\n"));
  }
  const checks: Array<[string, string, boolean]> = [
    ["the app never exited during the outage", appAlive ? "alive" : "EXITED", appAlive],
    ["no worker died", String(workerDeaths), workerDeaths === 0],
    [
      `serves 200 within ${SERVES_AGAIN_WITHIN_MS / 1000} s of PostgreSQL accepting connections`,
      servedAt ? `${((servedAt - upAt) / 1000).toFixed(2)} s` : "never",
      servedAt > 0 && servedAt - upAt <= SERVES_AGAIN_WITHIN_MS,
    ],
    ["then 20 /readyz in a row answer 200", `${afterOk} of 20`, afterOk === 20],
    [
      "the first page after that",
      pageAt ? `${((pageAt - upAt) / 1000).toFixed(2)} s after PostgreSQL` : "never",
      pageAt > 0,
    ],
    [
      `no request waited longer than ${REQUEST_TIMEOUT_MS / 1000} s (+ ${TIMEOUT_MARGIN_MS / 1000} s)`,
      `longest ${(longest / 1000).toFixed(2)} s`,
      longest <= REQUEST_TIMEOUT_MS + TIMEOUT_MARGIN_MS,
    ],
    [
      "every acknowledged write is in the database",
      `${acknowledged.size - lost.length} of ${acknowledged.size}`,
      lost.length === 0,
    ],
    [
      "no answer but 200, a redirect or 503",
      unexpectedStatuses.size
        ? [...unexpectedStatuses].map(([status, count]) => `${count} × ${status || "none"}`).join(", ")
        : "none",
      unexpectedStatuses.size === 0,
    ],
    ["a worker killed with SIGKILL is replaced", replaced ? "replaced" : "NOT replaced", replaced],
    [
      `SIGTERM with a request in flight stops within ${STOPS_WITHIN_MS / 1000} s`,
      Number.isNaN(stopMs) ? "did not stop" : `${(stopMs / 1000).toFixed(2)} s`,
      stopMs <= STOPS_WITHIN_MS,
    ],
  ];
  const count = (kind: Outcome["kind"], test: (status: number) => boolean) =>
    outcomes.filter((outcome) => outcome.kind === kind && test(outcome.status)).length;
  console.log(
    `\n${WRITERS} writers, ${READERS} readers; PostgreSQL down ${DOWN_FOR_MS / 1000} s; ` +
      `${outcomes.length} requests (${count("write", (s) => s >= 300 && s < 400)} writes saved, ` +
      `${count("read", (s) => s === 200)} pages served, ${count("write", (s) => s === 503) + count("read", (s) => s === 503)} × 503, ` +
      `${during.length} started while it was down)\n` +
      `machine: ${os.availableParallelism()} cores, load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(" / ")} (1 / 5 / 15 min)\n`,
  );
  const width = Math.max(...checks.map(([name]) => name.length));
  for (const [name, value, ok] of checks) console.log(`${ok ? "ok  " : "FAIL"}  ${name.padEnd(width)}  ${value}`);
  return checks.every(([, , ok]) => ok);
}

async function cleanUp() {
  if (app && app.exitCode === null && app.signalCode === null) {
    for (const pid of spawnSync("pgrep", ["-P", String(app.pid)], { encoding: "utf8" }).stdout.split("\n")) {
      if (pid) process.kill(Number(pid), "SIGKILL");
    }
    app.kill("SIGKILL");
  }
  if (postgresStarted) {
    try {
      pg("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Already stopped.
    }
  }
  rmSync(temp, { recursive: true, force: true });
}

let passed = false;
try {
  passed = await main();
} catch (error) {
  console.error(`Fault test could not finish: ${error instanceof Error ? error.message : String(error)}`);
  if (appLog) console.error(`App output:\n${appLog.slice(-3000)}`);
  try {
    console.error(`PostgreSQL log:\n${readFileSync(path.join(temp, "postgres.log"), "utf8").slice(-2000)}`);
  } catch {
    // No log yet.
  }
} finally {
  await cleanUp();
}
process.exit(passed ? 0 : 1);
