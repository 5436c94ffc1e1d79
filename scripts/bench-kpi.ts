// The KPI ranking's speed at national scale: 20 oblasts × 11 districts (220 territories) × 20
// indicators, targets and actuals for two years, on this machine:
//   npx tsx scripts/bench-kpi.ts [--database postgres://postgres@127.0.0.1:5432/postgres] [--samples 30]
// Without --database it runs on an in-memory PGlite. With it, a database is created on that server
// for the run and dropped afterwards. Reports p50/p95 of the SQL ranking of all 220 territories (each
// among its oblast's), of one oblast's ranking page data (rankingView: SQL ranking, heatmap,
// computed actuals), and of the reference calculator on the same rows.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import postgres from "postgres";
import { withActor } from "~db/actor";
import { openDatabase } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { loadEnteredActuals, loadIndicators, loadTargets } from "~/domain/kpi/kpi.server";
import { rankTerritoriesInSql } from "~/domain/kpi/ranking.server";
import { finalKey, rankTerritories } from "~/domain/kpi/scoring";
import { rankingView } from "~/domain/kpi/views.server";

const { values: options } = parseArgs({
  options: { database: { type: "string" }, samples: { type: "string", default: "30" } },
});
const samples = Number(options.samples);
const OBLASTS = 20;
const DISTRICTS = 11;
const INDICATORS = 20;

let dropDatabase = async () => {};
let databaseUrl: string | undefined;
if (options.database) {
  const name = `oryndau_kpi_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(options.database, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(options.database);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
const { db, close } = await openDatabase({ pgliteDir: databaseUrl ? "" : "memory://", databaseUrl, poolSize: 2 });
await migrateToLatest(db);

const name = (text: string) => JSON.stringify({ kk: text });
const { territoryIds, oblastIds } = await withActor(db, "system", async (trx) => {
  const user = await trx
    .insertInto("app_user")
    .values({ login: "bench", display_name: "Bench", password_hash: "x" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const country = await trx
    .insertInto("territory")
    .values({ kind: "country", name: name("Қазақстан") })
    .returning("id")
    .executeTakeFirstOrThrow();
  const oblasts = await trx
    .insertInto("territory")
    .values(
      Array.from({ length: OBLASTS }, (_, i) => ({
        kind: "oblast" as const,
        parent_id: country.id,
        name: name(`Облыс ${i + 1}`),
      })),
    )
    .returning("id")
    .execute();
  const districts = await trx
    .insertInto("territory")
    .values(
      oblasts.flatMap((oblast, o) =>
        Array.from({ length: DISTRICTS }, (_, d) => ({
          kind: "district" as const,
          parent_id: oblast.id,
          name: name(`Аудан ${o + 1}.${d + 1}`),
        })),
      ),
    )
    .returning("id")
    .execute();
  const indicators = await trx
    .insertInto("kpi_indicator")
    .values(
      Array.from({ length: INDICATORS }, (_, i) => ({
        title: name(`Индикатор ${i + 1}`),
        unit: "person" as const,
        direction: i % 4 === 0 ? ("lower_is_better" as const) : ("higher_is_better" as const),
        category: "youth",
      })),
    )
    .returning("id")
    .execute();
  // Deterministic figures: a target of 100 and an actual between 60 and 139.
  const rows = districts.flatMap((district, d) =>
    indicators.flatMap((indicator, i) =>
      [2024, 2025].map((year) => ({
        district: district.id,
        indicator: indicator.id,
        year,
        actual: 60 + ((d * 31 + i * 17 + year) % 80),
      })),
    ),
  );
  for (let start = 0; start < rows.length; start += 1000) {
    const slice = rows.slice(start, start + 1000);
    await trx
      .insertInto("kpi_target")
      .values(
        slice.map((r) => ({
          indicator_id: r.indicator,
          territory_id: r.district,
          year: r.year,
          quarter: null,
          target: 100,
          weight: 1 + (r.indicator % 3),
        })),
      )
      .execute();
    await trx
      .insertInto("kpi_actual")
      .values(
        slice.map((r) => ({
          indicator_id: r.indicator,
          territory_id: r.district,
          year: r.year,
          quarter: null,
          actual: r.actual,
          entered_by: user.id,
        })),
      )
      .execute();
  }
  return { territoryIds: districts.map((d) => d.id), oblastIds: oblasts.map((o) => o.id) };
});

// Fresh statistics, as autovacuum (PostgreSQL) or a VACUUM after a bulk load would leave them.
await sql`ANALYZE`.execute(db);

async function measure(label: string, work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < samples + 3; i++) {
    const start = performance.now();
    await work();
    if (i >= 3) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
  console.log(`${label.padEnd(58)} p50 ${at(50).padStart(7)} ms   p95 ${at(95).padStart(7)} ms`);
}

const period = { year: 2025, quarter: null };
console.log(
  `${databaseUrl ? "PostgreSQL" : "PGlite"}: ${territoryIds.length} territories × ${INDICATORS} indicators, 2 years`,
);
await measure("SQL ranking of all 220 territories (with change)", () =>
  rankTerritoriesInSql(db, {
    territoryIds,
    period,
    computed: [],
    final: { current: territoryIds, previous: territoryIds },
  }),
);
await measure("ranking page data of one oblast (rankingView)", () =>
  rankingView(db, oblastIds[0]!, period, "2026-06-30", "kk"),
);
const periods = [period, { year: 2024, quarter: null }];
const [indicators, targets, actuals] = await Promise.all([
  loadIndicators(db),
  loadTargets(db, territoryIds, periods),
  loadEnteredActuals(db, territoryIds, periods),
]);
const territories = await db
  .selectFrom("territory")
  .select(["id", "parent_id"])
  .where("id", "in", territoryIds)
  .execute();
await measure("reference calculator on the same 220 territories", async () =>
  rankTerritories(
    {
      indicators: indicators.map((i) => ({
        id: i.id,
        direction: i.direction,
        ragGreen: i.ragGreen,
        ragAmber: i.ragAmber,
      })),
      territories: territories.map((t) => ({ id: t.id, parentId: t.parent_id })),
      targets,
      actuals,
      final: new Set(territoryIds.flatMap((id) => periods.map((p) => finalKey(id, p)))),
    },
    period,
  ),
);
await close();
await dropDatabase();
