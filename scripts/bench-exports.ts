// The heaviest one-request jobs of a worker, under the heap ceilings given (docs/decisions/0036):
//   npx tsx scripts/bench-exports.ts [--database postgres://postgres@127.0.0.1:5432/oryndau_national]
//     [--road-map 1] [--as-of 2026-09-30] [--heap 96 --heap 160 …] [--job docx --job xlsx …]
//
// Jobs, as their routes run them for the admin (the whole road map): `docx` the execution report as Word,
// `xlsx` the same report as a workbook, `measures` the dashboard's largest table (xlsx), `workbook` the road
// map's import workbook. Each job runs in a process of its own (`node --import tsx`) with
// `--max-old-space-size=<heap> --max-semi-space-size=8`, as a worker of the cluster starts, and `--trace-gc`:
// the largest heap a collection met is the job's peak (its data from the database included), the
// process's heap before the job is what the app's modules take. Reports seconds, CPU seconds, the file's
// size, or «out of memory». It only reads the database given.
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const JOBS = ["docx", "xlsx", "measures", "workbook"] as const;
type Job = (typeof JOBS)[number];

const { values: options } = parseArgs({
  options: {
    database: { type: "string", default: "postgres://postgres@127.0.0.1:5432/oryndau_national" },
    "road-map": { type: "string", default: "1" },
    "as-of": { type: "string", default: "2026-09-30" },
    heap: { type: "string", multiple: true, default: ["1024"] },
    job: { type: "string", multiple: true, default: [...JOBS] },
    child: { type: "string" },
  },
});

interface Outcome {
  seconds: number;
  cpuSeconds: number;
  bytes: number;
  heapBeforeMb: number;
}

async function runJob(job: Job): Promise<Outcome> {
  const { openDatabase } = await import("~db/client");
  const { loadPrincipal } = await import("~/domain/auth/principal.server");
  const { parseDashboardFilters } = await import("~/domain/execution/dashboard-filters");
  const connection = await openDatabase({ pgliteDir: "", databaseUrl: options.database, poolSize: 4 });
  try {
    const { db } = connection;
    const { id } = await db.selectFrom("app_user").select("id").where("login", "=", "admin").executeTakeFirstOrThrow();
    const principal = (await loadPrincipal(db, id))!;
    const roadMapId = Number(options["road-map"]);
    const asOf = options["as-of"];
    const { filters } = parseDashboardFilters(new URLSearchParams({ asOf }), asOf);
    // The modules a job needs are loaded before it, as in a worker that has served it once.
    const { executionReport } = await import("~/domain/export/execution-report.server");
    const { reportToDocx } = await import("~/domain/export/report-docx.server");
    const { reportToXlsx } = await import("~/domain/export/report-xlsx.server");
    const { dashboardExport } = await import("~/domain/export/dashboard-export.server");
    const { dashboardTable } = await import("~/domain/export/dashboard-tables.server");
    const { tableWriter } = await import("~/domain/export/write-table.server");
    const { roadMapWorkbook } = await import("~/domain/export/road-map-workbook.server");
    const heapBeforeMb = process.memoryUsage().heapUsed / 2 ** 20;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let bytes: number;
    switch (job) {
      case "docx":
        bytes = (await reportToDocx(await executionReport(db, principal, roadMapId, filters, "ru"))).byteLength;
        break;
      case "xlsx":
        bytes = (await reportToXlsx(await executionReport(db, principal, roadMapId, filters, "ru"))).byteLength;
        break;
      case "measures": {
        const exported = await dashboardExport(db, principal, roadMapId, filters, "ru");
        const write = tableWriter("xlsx", "ru", { suffix: asOf, ascii: `measures-${roadMapId}` });
        bytes = (await (await dashboardTable(exported, "measures", write)).arrayBuffer()).byteLength;
        break;
      }
      case "workbook":
        bytes = (await roadMapWorkbook(db, roadMapId, asOf)).bytes.byteLength;
        break;
    }
    const cpu = process.cpuUsage(cpuBefore);
    return {
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      bytes,
      heapBeforeMb,
    };
  } finally {
    await connection.close();
  }
}

/** The largest heap used that `--trace-gc` shows, before any collection and after a full one, in MB. */
function peaks(trace: string): { peakMb: number; liveMb: number } {
  let peakMb = 0;
  let liveMb = 0;
  for (const match of trace.matchAll(/(Scavenge|Mark-Compact)[^\d]*([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/g)) {
    peakMb = Math.max(peakMb, Number(match[2]));
    if (match[1] === "Mark-Compact") liveMb = Math.max(liveMb, Number(match[3]));
  }
  return { peakMb, liveMb };
}

function measure(job: Job, heapMb: number): Promise<string[]> {
  const args = [
    `--max-old-space-size=${heapMb}`,
    "--max-semi-space-size=8",
    "--trace-gc",
    "--import",
    "tsx",
    fileURLToPath(import.meta.url),
    ...process.argv.slice(2).filter((arg) => !arg.startsWith("--child")),
    `--child=${job}`,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("close", (code) => {
      const { peakMb, liveMb } = peaks(out);
      const result = /^RESULT (.*)$/m.exec(out);
      if (code !== 0 || !result) {
        const why = /heap out of memory/.test(err) ? "out of memory" : `exit ${code}: ${err.trim().split("\n").pop()}`;
        resolve([job, String(heapMb), why, "–", "–", "–", peakMb.toFixed(0), liveMb.toFixed(0), "–"]);
        return;
      }
      const outcome = JSON.parse(result[1]!) as Outcome;
      resolve([
        job,
        String(heapMb),
        "ok",
        outcome.seconds.toFixed(1),
        outcome.cpuSeconds.toFixed(1),
        `${(outcome.bytes / 1024).toFixed(0)} kB`,
        peakMb.toFixed(0),
        liveMb.toFixed(0),
        outcome.heapBeforeMb.toFixed(0),
      ]);
    });
  });
}

if (options.child) {
  const outcome = await runJob(options.child as Job);
  console.log(`RESULT ${JSON.stringify(outcome)}`);
} else {
  const jobs = options.job.filter((job): job is Job => (JOBS as readonly string[]).includes(job));
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(" / ");
  console.log(`Road map ${options["road-map"]}, as of ${options["as-of"]}; load average before: ${load()}`);
  const header = [
    "job",
    "heap ceiling MB",
    "outcome",
    "s",
    "CPU s",
    "file",
    "peak heap MB",
    "live after full GC MB",
    "heap before job MB",
  ];
  const rows: string[][] = [];
  for (const heap of options.heap) for (const job of jobs) rows.push(await measure(job, Number(heap)));
  console.log(`| ${header.join(" | ")} |`);
  console.log(`| ${header.map(() => "---").join(" | ")} |`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  console.log(`Load average after: ${load()}`);
}
