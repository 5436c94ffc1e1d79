import { sql, type Kysely } from "kysely";
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

/**
 * The history of a measure and of its plans, entries, deadline and control changes, newest first:
 * `limit` events after skipping `offset`, and whether older ones remain.
 */
export async function measureHistory(
  db: Kysely<Database>,
  measureId: number,
  options: { territoryIds?: Set<number> | null; limit?: number; offset?: number } = {},
): Promise<{ events: HistoryEvent[]; names: HistoryNames; more: boolean }> {
  const slice = options.territoryIds ? [...options.territoryIds] : null;
  const limit = options.limit ?? 200;
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
    // A reader limited to some territories sees only the history of shares in them (either side of a move).
    .$if(slice !== null, (query) =>
      query.where((eb) =>
        eb.or([
          eb("a.table_name", "=", "measure"),
          sql<boolean>`coalesce(a.after, a.before) -> 'territory_id' IS NULL`,
          sql<boolean>`(a.before ->> 'territory_id')::int = ANY(${slice}::int[])`,
          sql<boolean>`(a.after ->> 'territory_id')::int = ANY(${slice}::int[])`,
        ]),
      ),
    )
    .orderBy("a.id", "desc")
    .limit(limit + 1)
    .offset(options.offset ?? 0)
    .execute();

  const inSlice = (state: Record<string, unknown> | null, table: string) => {
    if (!state || !slice || table === "measure") return true;
    const territory = state.territory_id;
    return typeof territory !== "number" || slice.includes(territory);
  };
  const events: HistoryEvent[] = rows.slice(0, limit).flatMap((row) => {
    if (!isHistoryTable(row.table_name)) return [];
    // A share that moved into the reader's territories appears there, one that left it is gone: the
    // reader never sees the state it had elsewhere.
    const before = inSlice(row.before, row.table_name) ? row.before : null;
    const after = inSlice(row.after, row.table_name) ? row.after : null;
    if (!before && !after) return [];
    const action = before && after ? row.action : before ? "delete" : "insert";
    const changes = fieldChanges(row.table_name, before, after);
    if (changes.length === 0) return [];
    return [
      {
        id: row.id,
        occurredAt: row.occurred_at,
        actor: row.display_name,
        action,
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
  return { events, names: { territories, departments, sections }, more: rows.length > limit };
}
