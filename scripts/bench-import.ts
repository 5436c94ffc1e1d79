// `npm run bench:import [-- --measures N]`: a road map of N measures (5 000 by default: one oblast's
// road map) read from its workbook, previewed, and saved into an empty road map, on the embedded PGlite
// and, when DATABASE_URL is set, on a fresh database of that PostgreSQL server (dropped afterwards).
// Targets (issue 9): read + preview ≤ 5 s, save ≤ 10 s.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { withActor } from "~db/actor";
import { openDatabase, type DatabaseConnection } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { loadPrincipal } from "~/domain/auth/principal.server";
import type { ImportChoices } from "~/domain/import/import-plan";
import { readRoadMapWorkbook } from "~/domain/import/read-road-map";
import { applyRoadMapImport, previewRoadMapImport } from "~/domain/import/road-map-import.server";
import { sha256Of } from "~/domain/import/uploads.server";
import { largeRoadMapWorkbook } from "../tests/fixtures/road-map-sheets";

const { values } = parseArgs({ options: { measures: { type: "string", default: "5000" } } });
const measureCount = Number(values.measures);
const READ_PREVIEW_TARGET = 5;
const SAVE_TARGET = 10;

interface Timing {
  engine: string;
  read: number;
  preview: number;
  save: number;
  rows: string;
}

async function freshPostgres(serverUrl: string): Promise<DatabaseConnection> {
  const name = `oryndau_bench_import_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await openDatabase({ pgliteDir: "", databaseUrl: url.toString(), poolSize: 2 });
  return {
    ...connection,
    async close() {
      await connection.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const seconds = (since: number) => (performance.now() - since) / 1000;

async function run(engine: string, connection: DatabaseConnection, bytes: Uint8Array): Promise<Timing> {
  const { db } = connection;
  try {
    await migrateToLatest(db);
    const { roadMapId, adminId } = await withActor(db, "system", async (trx) => {
      const country = await trx
        .insertInto("territory")
        .values({ kind: "country", name: JSON.stringify({ kk: "Қазақстан" }) })
        .returning("id")
        .executeTakeFirstOrThrow();
      const oblast = await trx
        .insertInto("territory")
        .values({ kind: "oblast", parent_id: country.id, name: JSON.stringify({ kk: "Ақмола облысы" }) })
        .returning("id")
        .executeTakeFirstOrThrow();
      const programme = await trx
        .insertInto("programme")
        .values({ title: JSON.stringify({ kk: "Бағдарлама" }), start_year: 2024, end_year: 2027 })
        .returning("id")
        .executeTakeFirstOrThrow();
      const roadMap = await trx
        .insertInto("road_map")
        .values({ programme_id: programme.id, territory_id: oblast.id, title: JSON.stringify({ kk: "Жол картасы" }) })
        .returning("id")
        .executeTakeFirstOrThrow();
      const user = await trx
        .insertInto("app_user")
        .values({ login: "admin", display_name: "Әкімші", password_hash: "x" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("role_assignment").values({ user_id: user.id, role: "admin" }).execute();
      return { roadMapId: roadMap.id, adminId: user.id };
    });
    const admin = (await loadPrincipal(db, adminId))!;

    let started = performance.now();
    const read = await readRoadMapWorkbook(bytes, "bench.xlsx", { years: { start: 2024, end: 2027 } });
    const readSeconds = seconds(started);

    started = performance.now();
    const undecided: ImportChoices = { departments: {}, factsDate: "2025-06-30" };
    const first = await previewRoadMapImport(db, admin, roadMapId, read, undecided);
    // The executors are new to this database: the admin creates them all.
    const choices: ImportChoices = {
      ...undecided,
      departments: Object.fromEntries(first.plan.executors.map((e) => [e.key, { kind: "new" as const }])),
    };
    const { plan } = await previewRoadMapImport(db, admin, roadMapId, read, choices);
    const previewSeconds = seconds(started);
    if (plan.summary.errors > 0) throw new Error(`the workbook has ${plan.summary.errors} errors`);

    started = performance.now();
    await applyRoadMapImport(
      db,
      admin,
      roadMapId,
      { name: "bench.xlsx", sha256: sha256Of(bytes) },
      read,
      choices,
      {
        revision: plan.revision,
      },
      "2026-12-01",
    );
    const saveSeconds = seconds(started);
    const count = async (table: "measure" | "measure_plan" | "measure_co_executor" | "audit_log") =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rows = `${await count("measure")} measures, ${await count("measure_plan")} plans, ${await count("measure_co_executor")} co-executors, ${await count("audit_log")} audit rows`;
    return { engine, read: readSeconds, preview: previewSeconds, save: saveSeconds, rows };
  } finally {
    await connection.close();
  }
}

const bytes = await largeRoadMapWorkbook(measureCount);
const timings: Timing[] = [await run("PGlite", await openDatabase({ pgliteDir: "memory://" }), bytes)];
if (process.env.DATABASE_URL)
  timings.push(await run("PostgreSQL", await freshPostgres(process.env.DATABASE_URL), bytes));

const cpus = os.cpus();
const fmt = (value: number) => `${value.toFixed(2)} s`;
console.log(`Road-map import, ${measureCount} measures (${(bytes.length / 1024).toFixed(0)} KB workbook)`);
console.log(
  `Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}, Node ${process.version}`,
);
console.log("");
console.log("| engine | read | preview | read + preview (≤ 5 s) | save (≤ 10 s) | stored |");
console.log("|---|---|---|---|---|---|");
for (const t of timings) {
  const readPreview = t.read + t.preview;
  console.log(
    `| ${t.engine} | ${fmt(t.read)} | ${fmt(t.preview)} | ${fmt(readPreview)} ${readPreview <= READ_PREVIEW_TARGET ? "✓" : "✗"} | ${fmt(t.save)} ${t.save <= SAVE_TARGET ? "✓" : "✗"} | ${t.rows} |`,
  );
}
process.exit(0);
