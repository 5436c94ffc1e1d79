import type { Kysely } from "kysely";
import type { Database, LocalizedText } from "~db/schema";
import { FIELD_KIND, fieldChanges, HISTORY_FIELDS, type FieldChange, type HistoryTable } from "./history";

export interface HistoryEvent {
  id: number;
  occurredAt: Date;
  actor: string | null;
  action: "insert" | "update" | "delete";
  table: HistoryTable;
  reason: string | null;
  changes: FieldChange[];
}

export interface HistoryNames {
  territories: Record<number, LocalizedText>;
  departments: Record<number, LocalizedText>;
  sections: Record<number, LocalizedText>;
}

const isHistoryTable = (table: string): table is HistoryTable => table in HISTORY_FIELDS;

/** The history of a measure and of its plans, entries, deadline and control changes, newest first. */
export async function measureHistory(
  db: Kysely<Database>,
  measureId: number,
  options: { territoryIds?: Set<number> | null; limit?: number } = {},
): Promise<{ events: HistoryEvent[]; names: HistoryNames }> {
  const rows = await db
    .selectFrom("audit_log as a")
    .leftJoin("app_user as u", "u.id", "a.actor_id")
    .select(["a.id", "a.occurred_at", "a.action", "a.table_name", "a.before", "a.after", "a.reason", "u.display_name"])
    .where((eb) =>
      eb.or([
        eb.and([eb("a.table_name", "=", "measure"), eb("a.row_id", "=", measureId)]),
        eb.and([eb("a.parent_table", "=", "measure"), eb("a.parent_id", "=", measureId)]),
      ]),
    )
    .orderBy("a.id", "desc")
    .limit(options.limit ?? 200)
    .execute();

  const slice = options.territoryIds ?? null;
  const events: HistoryEvent[] = rows.flatMap((row) => {
    if (!isHistoryTable(row.table_name)) return [];
    // A reader limited to some territories sees only the history of shares in them.
    const territory = (row.after ?? row.before)?.territory_id;
    if (slice && row.table_name !== "measure" && typeof territory === "number" && !slice.has(territory)) return [];
    const changes = fieldChanges(row.table_name, row.before, row.after);
    if (changes.length === 0) return [];
    return [
      {
        id: row.id,
        occurredAt: row.occurred_at,
        actor: row.display_name,
        action: row.action,
        table: row.table_name,
        reason: row.reason,
        changes,
      },
    ];
  });

  const ids = { territory: new Set<number>(), department: new Set<number>(), section: new Set<number>() };
  for (const event of events) {
    for (const change of event.changes) {
      const kind = FIELD_KIND[change.field];
      if (kind !== "territory" && kind !== "department" && kind !== "section") continue;
      for (const value of [change.before, change.after]) if (typeof value === "number") ids[kind].add(value);
    }
  }
  const byId = (found: Array<{ id: number; label: LocalizedText }>) =>
    Object.fromEntries(found.map((row) => [row.id, row.label]));
  const [territories, departments, sections] = await Promise.all([
    ids.territory.size
      ? db
          .selectFrom("territory")
          .select(["id", "name as label"])
          .where("id", "in", [...ids.territory])
          .execute()
          .then(byId)
      : {},
    ids.department.size
      ? db
          .selectFrom("department")
          .select(["id", "name as label"])
          .where("id", "in", [...ids.department])
          .execute()
          .then(byId)
      : {},
    ids.section.size
      ? db
          .selectFrom("section")
          .select(["id", "title as label"])
          .where("id", "in", [...ids.section])
          .execute()
          .then(byId)
      : {},
  ]);
  return { events, names: { territories, departments, sections } };
}
