// Which columns of which table a reader sees in a record's history, and how their values read.
// Pure: the history page formats these in the reader's language.

export const HISTORY_FIELDS = {
  measure: [
    "number",
    "title",
    "completion_form",
    "unit",
    "section_id",
    "responsible_department_id",
    "territory_id",
    "deadline",
    "funding_source",
    "planned_funding",
    "weight",
    "control_state",
    "removed_on",
    "removed_reason",
  ],
  measure_plan: ["territory_id", "year", "quarter", "planned"],
  progress_entry: [
    "entry_date",
    "territory_id",
    "value",
    "people_reached",
    "narrative",
    "evidence_links",
    "behind_reason",
  ],
  measure_deadline_change: ["previous_deadline", "new_deadline", "reason"],
  measure_control_change: ["control_state", "changed_on", "reason"],
  measure_co_executor: ["department_id"],
} as const;

export type HistoryTable = keyof typeof HISTORY_FIELDS;
export type HistoryField = (typeof HISTORY_FIELDS)[HistoryTable][number];

/** How a field's value is shown. */
export type FieldKind =
  "text" | "localized" | "date" | "number" | "territory" | "department" | "section" | "enum" | "links";

export const FIELD_KIND: Record<HistoryField, FieldKind> = {
  number: "text",
  title: "localized",
  completion_form: "localized",
  unit: "enum",
  section_id: "section",
  responsible_department_id: "department",
  territory_id: "territory",
  deadline: "date",
  funding_source: "localized",
  planned_funding: "number",
  weight: "number",
  control_state: "enum",
  removed_on: "date",
  removed_reason: "localized",
  year: "number",
  quarter: "number",
  planned: "number",
  entry_date: "date",
  value: "number",
  people_reached: "number",
  narrative: "localized",
  evidence_links: "links",
  behind_reason: "localized",
  previous_deadline: "date",
  new_deadline: "date",
  reason: "localized",
  changed_on: "date",
  department_id: "department",
};

export interface FieldChange {
  field: HistoryField;
  before: unknown;
  after: unknown;
}

/**
 * The readable differences of one audit row: for an update the fields that changed, for an insert
 * or a delete the fields the record had.
 */
export function fieldChanges(
  table: HistoryTable,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return HISTORY_FIELDS[table].flatMap((field): FieldChange[] => {
    const old = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (before && after && same(old, now)) return [];
    if ((!before || !after) && old === null && now === null) return [];
    if (Array.isArray(old ?? now) && ((old ?? now) as unknown[]).length === 0 && !(before && after)) return [];
    return [{ field, before: before ? old : null, after: after ? now : null }];
  });
}
