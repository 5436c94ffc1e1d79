import { sql, type Kysely } from "kysely";

// Frozen. A measure or a KPI indicator can be a share of a base (35 000 documents of a fund of
// 100 000): plan, target, fact and actual stay counts, and the base they are a share of is held beside
// them — on each plan row and target (each territory's share has its own fund), and optionally on an
// entry or actual (the base as it was when the figure was recorded). A rollup sums counts and bases.

const statements = [
  `ALTER TABLE measure ADD COLUMN share_of_base boolean NOT NULL DEFAULT false`,
  `ALTER TABLE measure ADD COLUMN base_label jsonb`,
  `ALTER TABLE measure_plan ADD COLUMN base numeric(18, 3) CHECK (base > 0)`,
  `ALTER TABLE progress_entry ADD COLUMN base numeric(18, 3) CHECK (base > 0)`,
  `ALTER TABLE kpi_indicator ADD COLUMN share_of_base boolean NOT NULL DEFAULT false`,
  `ALTER TABLE kpi_target ADD COLUMN base numeric(18, 3) CHECK (base > 0)`,
  `ALTER TABLE kpi_actual ADD COLUMN base numeric(18, 3) CHECK (base > 0)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of [
    ["kpi_actual", "base"],
    ["kpi_target", "base"],
    ["kpi_indicator", "share_of_base"],
    ["progress_entry", "base"],
    ["measure_plan", "base"],
    ["measure", "base_label"],
    ["measure", "share_of_base"],
  ]) {
    await sql.raw(`ALTER TABLE ${table} DROP COLUMN ${column}`).execute(db);
  }
}
