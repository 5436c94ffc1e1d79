import { openDatabase } from "~db/client";
import { figuresOf } from "~/domain/execution/execution.server";
import { baseOf } from "~/domain/execution/figure-base";
import { roadMapRows } from "~/domain/execution/road-map-rows.server";
import { programmeQuarters } from "~/domain/execution/execution";
const { db, close } = await openDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:5432/oryndau_national", pgliteDir: "" });
const rows = await roadMapRows(db, 1);
const quarters = programmeQuarters({ startYear: 2023, endYear: 2027 });
const below = new Map<number, number>();
const a: number[] = [], b: number[] = [];
for (let i = 0; i < 30; i++) {
  const c0 = process.cpuUsage();
  const base = baseOf(rows, { roadMapId: 1, territoryIds: null, sectionIds: null }, { date: `2026-08-${10 + (i % 20)}`, includeCurrentQuarter: false, facts: "accepted" }, { green: 90, amber: 70 });
  const c1 = process.cpuUsage();
  figuresOf(base, { territoriesBelow: below, quarters });
  const c2 = process.cpuUsage();
  a.push((c1.user - c0.user) / 1000); b.push((c2.user - c1.user) / 1000);
}
a.sort((x, y) => x - y); b.sort((x, y) => x - y);
console.log("baseOf min/p50", a[0], a[15], "figuresOf min/p50", b[0], b[15]);
await close();
