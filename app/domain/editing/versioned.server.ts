import { sql, type Transaction } from "kysely";
import type { Database } from "~db/schema";
import { StaleEdit, type EditConflict } from "./write-errors";

/** Tables whose rows carry a version that moves on every update (trigger touch_row). */
export type VersionedTable =
  | "territory"
  | "department"
  | "app_user"
  | "council"
  | "role_assignment"
  | "programme"
  | "road_map"
  | "section"
  | "measure"
  | "measure_plan"
  | "progress_entry"
  | "department_report"
  | "reporting_period"
  | "kpi_indicator"
  | "kpi_target"
  | "kpi_actual"
  | "meeting"
  | "agenda_item"
  | "decision"
  | "api_token";

const IGNORED = new Set(["version", "updated_at", "created_at"]);

/**
 * Makes sure the row is still at the version the user's edit started from, and locks it until the
 * transaction ends, so that no one else can save in between. A stale edit throws StaleEdit with what
 * changed since, and who changed it, taken from the audit log.
 */
export async function claimVersion(
  trx: Transaction<Database>,
  table: VersionedTable,
  id: number,
  expectedVersion: number,
): Promise<void> {
  const { rows } = await sql<{ version: number }>`
    SELECT version FROM ${sql.table(table)} WHERE id = ${id} FOR UPDATE`.execute(trx);
  const currentVersion = rows[0]?.version ?? null;
  if (currentVersion === expectedVersion) return;
  throw new StaleEdit(await conflictOf(trx, table, id, expectedVersion, currentVersion));
}

async function conflictOf(
  trx: Transaction<Database>,
  table: VersionedTable,
  id: number,
  expectedVersion: number,
  currentVersion: number | null,
): Promise<EditConflict> {
  const history = await trx
    .selectFrom("audit_log as a")
    .leftJoin("app_user as u", "u.id", "a.actor_id")
    .select(["a.before", "a.after", "a.occurred_at", "u.display_name"])
    .where("a.table_name", "=", table)
    .where("a.row_id", "=", id)
    .orderBy("a.id")
    .execute();
  // The state the user started from is the `after` of the change that produced their version.
  const started = history.find((entry) => entry.after?.version === expectedVersion)?.after ?? null;
  const latest = history[history.length - 1];
  const now = currentVersion === null ? null : (latest?.after ?? null);
  const changes: EditConflict["changes"] = {};
  for (const key of new Set([...Object.keys(started ?? {}), ...Object.keys(now ?? {})])) {
    if (IGNORED.has(key)) continue;
    const before = started?.[key] ?? null;
    const after = now?.[key] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) changes[key] = [before, after];
  }
  return {
    expectedVersion,
    currentVersion,
    changedBy: latest?.display_name ?? null,
    changedAt: latest ? new Date(latest.occurred_at).toISOString() : null,
    changes,
  };
}
