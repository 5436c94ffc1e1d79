import { sql, type Kysely } from "kysely";
import type { Database, ReportStatus } from "~db/schema";
import { quarterCode, reportKey, type RoadMapRows, type RowsMeasure } from "./figure-base";
import { roadMapRevision } from "./figures-cache.server";
import { KeptRows } from "./kept-rows";

// A road map's rows for its figures, read once per revision and kept: every date, slice, section or
// department filter is then a pass over them in memory (figure-base.ts), with no statement of its
// own. The rows are whatever the date: an as-of day no one asked for yet costs no SQL.

interface MeasureRow {
  id: number;
  territory_id: number;
  department_id: number;
  section_id: number;
  parent_section_id: number | null;
  top_section_id: number;
  section_order: number[];
  number: string;
}

interface TermRow {
  measure_id: number;
  valid_from: string;
  valid_until: string;
  deadline: string;
  weight: number;
  removed: boolean;
}

/** Columns as JSON arrays: one text value per column is far cheaper to receive than one row per value. */
interface ColumnsRow {
  [column: string]: string | null;
}

const columns = (row: ColumnsRow | undefined, name: string): number[] =>
  // People reached may be null; a typed array reads null as 0, which is what a sum of none is.
  row?.[name] ? (JSON.parse(row[name]) as number[]) : [];

/** Reads a road map's rows: six statements side by side, plans and entries by the range of its measure ids. */
export async function readRoadMapRows(db: Kysely<Database>, roadMapId: number): Promise<RoadMapRows> {
  const {
    rows: [bounds],
  } = await sql<{ lo: number | null; hi: number | null }>`
    SELECT min(id) AS lo, max(id) AS hi FROM measure WHERE road_map_id = ${roadMapId}
  `.execute(db);
  const empty: RoadMapRows = {
    roadMapId,
    measures: [],
    plans: {
      measure: new Int32Array(),
      territory: new Int32Array(),
      quarterCode: new Int32Array(),
      planned: new Float64Array(),
    },
    entries: {
      measure: new Int32Array(),
      territory: new Int32Array(),
      day: new Int32Array(),
      quarterCode: new Int32Array(),
      value: new Float64Array(),
      people: new Float64Array(),
    },
    reports: new Map(),
  };
  if (!bounds || bounds.lo === null || bounds.hi === null) return empty;
  // The range is given as values so that the planner estimates it and scans one index range.
  const inRange = (column: string) => sql`${sql.ref(column)} BETWEEN ${bounds.lo}::int AND ${bounds.hi}::int`;

  const [measureRows, termRows, planColumns, entryColumns, reportRows] = await Promise.all([
    sql<MeasureRow>`
      SELECT m.id, m.territory_id, m.responsible_department_id AS department_id, m.section_id,
             s.parent_id AS parent_section_id, coalesce(s.parent_id, s.id) AS top_section_id,
             ARRAY[coalesce(parent.position, s.position), CASE WHEN s.parent_id IS NULL THEN -1 ELSE s.position END] AS section_order,
             m.number
        FROM measure m JOIN section s ON s.id = m.section_id
        LEFT JOIN section parent ON parent.id = s.parent_id
       WHERE m.road_map_id = ${roadMapId}
    `.execute(db),
    // Open ends as far dates, so that spans compare as ISO strings.
    sql<TermRow>`
      SELECT measure_id, greatest(valid_from, DATE '0001-01-01')::text AS valid_from,
             least(valid_until, DATE '9999-12-31')::text AS valid_until, deadline, weight::float8 AS weight, removed
        FROM measure_term WHERE ${inRange("measure_id")}
    `.execute(db),
    sql<ColumnsRow>`
      SELECT array_to_json(array_agg(measure_id))::text AS measure, array_to_json(array_agg(territory_id))::text AS territory,
             array_to_json(array_agg(year * 4 + quarter - 1))::text AS quarter_code,
             array_to_json(array_agg(planned))::text AS planned
        FROM measure_plan WHERE ${inRange("measure_id")}
    `.execute(db),
    // Read in index order (measure, then date): figure-base.ts merges a share's quarters as they come.
    // Two halves of the range, one per core of the database.
    Promise.all(
      halves(bounds.lo, bounds.hi).map(([lo, hi]) =>
        sql<ColumnsRow>`
          SELECT array_to_json(array_agg(measure_id))::text AS measure, array_to_json(array_agg(territory_id))::text AS territory,
                 array_to_json(array_agg(entry_date - DATE '2000-01-01'))::text AS day,
                 array_to_json(array_agg(value))::text AS value, array_to_json(array_agg(people_reached))::text AS people
            FROM progress_entry WHERE measure_id BETWEEN ${lo}::int AND ${hi}::int
        `.execute(db),
      ),
    ),
    sql<{ department_id: number; year: number; quarter: number; status: ReportStatus }>`
      SELECT department_id, year, quarter, status FROM department_report WHERE road_map_id = ${roadMapId}
    `.execute(db),
  ]);

  const indexOf = new Int32Array(bounds.hi - bounds.lo + 1).fill(-1);
  const measures: RowsMeasure[] = placed(measureRows.rows).map((row, place) => {
    indexOf[row.id - bounds.lo!] = place;
    return {
      id: row.id,
      territoryId: row.territory_id,
      departmentId: row.department_id,
      sectionId: row.section_id,
      parentSectionId: row.parent_section_id,
      topSectionId: row.top_section_id,
      place,
      terms: [],
    };
  });
  for (const row of termRows.rows) {
    const index = indexOf[row.measure_id - bounds.lo];
    if (index === undefined || index < 0) continue;
    measures[index]!.terms.push({
      from: row.valid_from,
      until: row.valid_until,
      deadline: row.deadline,
      weight: row.weight,
      removed: row.removed,
    });
  }

  // Rows of measures in the id range that belong to other road maps are left out here, not in SQL.
  const ownRows = (measureIds: number[]) => {
    const keep: number[] = [];
    const index = new Int32Array(measureIds.length);
    measureIds.forEach((id, row) => {
      const place = indexOf[id - bounds.lo!]!;
      if (place >= 0) {
        index[keep.length] = place;
        keep.push(row);
      }
    });
    const pick = <A extends Int32Array | Float64Array>(make: (length: number) => A, values: number[]): A => {
      const picked = make(keep.length);
      keep.forEach((row, at) => (picked[at] = values[row]!));
      return picked;
    };
    return { measure: index.slice(0, keep.length), pick };
  };
  const ints = (length: number) => new Int32Array(length);
  const floats = (length: number) => new Float64Array(length);
  const planRow = planColumns.rows[0];
  const plans = ownRows(columns(planRow, "measure"));
  const entryRows = entryColumns.map((result) => result.rows[0]);
  const entryColumn = (name: string) => entryRows.flatMap((row) => columns(row, name));
  const entries = ownRows(entryColumn("measure"));
  const days = entries.pick(ints, entryColumn("day"));
  return {
    roadMapId,
    measures,
    plans: {
      measure: plans.measure,
      territory: plans.pick(ints, columns(planRow, "territory")),
      quarterCode: plans.pick(ints, columns(planRow, "quarter_code")),
      planned: plans.pick(floats, columns(planRow, "planned")),
    },
    entries: {
      measure: entries.measure,
      territory: entries.pick(ints, entryColumn("territory")),
      day: days,
      quarterCode: quarterCodes(days),
      value: entries.pick(floats, entryColumn("value")),
      people: entries.pick(floats, entryColumn("people")),
    },
    reports: new Map(
      reportRows.rows.map((row) => [reportKey(row.department_id, quarterCode(row.year, row.quarter)), row.status]),
    ),
  };
}

/** Two halves of a range of ids, the second empty when the range is one id. */
function halves(lo: number, hi: number): Array<[number, number]> {
  const middle = Math.floor((lo + hi) / 2);
  return [
    [lo, middle],
    [middle + 1, hi],
  ];
}

/** The quarter code of each day (days since 2000-01-01), one date computed per distinct day. */
function quarterCodes(days: Int32Array): Int32Array {
  const known = new Map<number, number>();
  return days.map((day) => {
    let code = known.get(day);
    if (code === undefined) {
      const date = new Date(Date.UTC(2000, 0, 1 + day));
      code = quarterCode(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) + 1);
      known.set(day, code);
    }
    return code;
  });
}

/**
 * The measures in the road map's order: sections as placed, measures by number read as numbers
 * (2.10 after 2.9), then by id.
 */
function placed(rows: MeasureRow[]): MeasureRow[] {
  // One string per measure that sorts as its parts would: each part ten characters wide and ended by
  // a character below every digit, so that 2 comes before 2.1.
  const part = (value: string) => `${value.padStart(10, "0").slice(0, 10)}\u0001`;
  const keyed = rows.map((row) => ({
    row,
    key: [...row.section_order.map((position) => String(position + 1)), ...row.number.split(/[.-]/)].map(part).join(""),
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.row.id - b.row.id));
  return keyed.map(({ row }) => row);
}

/** Each database client's number, so that one budget covers the rows of every client of the process. */
const clients = new WeakMap<Kysely<Database>, number>();
let nextClient = 0;
const clientKey = (db: Kysely<Database>, roadMapId: number) => {
  let client = clients.get(db);
  if (client === undefined) clients.set(db, (client = nextClient++));
  return `${client}:${roadMapId}`;
};

/**
 * 64 MB a process unless `ROAD_MAP_ROWS_MB` says otherwise (set at start, entry.server's prepare): about
 * ten national road maps of 5 000 measures, ≈ 6 MB each (docs/decisions/0034).
 */
let kept = new KeptRows<string>(64 * 1024 * 1024);

/** A new, empty store of kept rows of that many MB. */
export function sizeKeptRows(megabytes: number): void {
  kept = new KeptRows(megabytes * 1024 * 1024);
}

/**
 * A road map's rows at its current revision, read once and shared: concurrent requests wait for the
 * read in flight. The revision is read first, so rows are never kept under a revision older than
 * they are. A transaction reads for itself (it may see its own writes, which may not commit), and so
 * does a request that read a revision older than the one kept.
 */
export async function roadMapRows(
  db: Kysely<Database>,
  roadMapId: number,
  knownRevision?: number,
): Promise<RoadMapRows> {
  if (db.isTransaction) return readRoadMapRows(db, roadMapId);
  const revision = knownRevision ?? (await roadMapRevision(db, roadMapId));
  return kept.get(clientKey(db, roadMapId), revision, () => readRoadMapRows(db, roadMapId));
}
