// Before the browser tests' server starts: a fresh demo database, and the figures the overview must
// show, computed from the seeded rows by the reference calculator (not by the SQL the page uses).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { openDatabase } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { seedDemoData } from "~db/seed";
import { todayIn } from "~/domain/periods/quarter";
import { referenceSectionExecution } from "../integration/execution-reference";
import { expectedFiguresFile, type ExpectedFigures } from "./expected";
import { expectedKpi } from "./kpi-expected";
import { scopeOracle, scopeOracleFile } from "./scope-oracle";

const dataDir = process.env.DATA_DIR ?? "./data/e2e";
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const today = todayIn(process.env.APP_TIME_ZONE ?? "Asia/Almaty");
const { db, close } = await openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
await migrateToLatest(db);
await seedDemoData(db, { today });

const roadMaps = await db
  .selectFrom("road_map as rm")
  .innerJoin("programme as p", "p.id", "rm.programme_id")
  .select(["rm.id", "rm.title", "p.rag_green", "p.rag_amber"])
  .execute();
const expected: ExpectedFigures = { today, roadMaps: [], kpi: await expectedKpi(db, today) };
for (const roadMap of roadMaps) {
  const sections = await db
    .selectFrom("section")
    .select(["id", "title", "number"])
    .where("road_map_id", "=", roadMap.id)
    .execute();
  const measures = await db
    .selectFrom("measure")
    .select(["id", "number", "territory_id as territoryId"])
    .where("road_map_id", "=", roadMap.id)
    .execute();
  const thresholds = { green: roadMap.rag_green, amber: roadMap.rag_amber };
  const figures = [];
  for (const asOf of [today, "2024-10-31"]) {
    const rows = await referenceSectionExecution(
      db,
      { roadMapId: roadMap.id, territoryIds: null, sectionIds: null },
      { date: asOf, includeCurrentQuarter: false, facts: "accepted" },
      thresholds,
    );
    figures.push({ asOf, territory: null, rows });
  }
  // A district's own figures, as its akim sees them: every share in the district and below it.
  const districts = await db
    .selectFrom("territory as t")
    .innerJoin("road_map as rm", "rm.territory_id", "t.parent_id")
    .select(["t.id", "t.path"])
    .where("rm.id", "=", roadMap.id)
    .execute();
  for (const district of districts) {
    const below = await db
      .selectFrom("territory")
      .select("id")
      .where(sql<boolean>`path @> ARRAY[${district.id}]::int[]`)
      .execute();
    const rows = await referenceSectionExecution(
      db,
      { roadMapId: roadMap.id, territoryIds: below.map((t) => t.id), sectionIds: null },
      { date: "2024-10-31", includeCurrentQuarter: false, facts: "accepted" },
      thresholds,
    );
    figures.push({ asOf: "2024-10-31", territory: district.id, rows });
  }
  const territories = await db
    .selectFrom("territory as t")
    .innerJoin("road_map as rm", "rm.territory_id", "t.parent_id")
    .select(["t.id", "t.name"])
    .where("rm.id", "=", roadMap.id)
    .execute();
  expected.roadMaps.push({ id: roadMap.id, title: roadMap.title, sections, measures, territories, figures });
}
// What each demo login must not reach, for the authorisation matrix.
const oracle = await scopeOracle(db);
await close();
writeFileSync(expectedFiguresFile(dataDir), JSON.stringify(expected, null, 2));
writeFileSync(scopeOracleFile(dataDir), JSON.stringify(oracle, null, 2));
console.log(`Seeded ${dataDir} for ${today}; expected figures of ${roadMaps.length} road maps written.`);
