import { sql, type Kysely } from "kysely";
import type { Database, LocalizedText, ProgrammeStatus } from "~db/schema";
import { roadMapView, type Principal, type RoadMapAccessFacts, type RoadMapView } from "~/domain/auth/access";

const editorDepartments = (principal: Principal) =>
  principal.assignments.flatMap((a) => (a.role === "editor" && a.departmentId !== null ? [a.departmentId] : []));

export interface RoadMapSummary {
  id: number;
  title: LocalizedText;
  programmeId: number;
  programmeTitle: LocalizedText;
  programmeStatus: ProgrammeStatus;
  startYear: number;
  endYear: number;
  territoryId: number;
  territoryName: LocalizedText;
  measureCount: number;
  thresholds: { green: number; amber: number };
  view: RoadMapView;
}

interface RoadMapRow {
  id: number;
  title: LocalizedText;
  programme_id: number;
  programme_title: LocalizedText;
  programme_status: ProgrammeStatus;
  start_year: number;
  end_year: number;
  rag_green: number;
  rag_amber: number;
  territory_id: number;
  territory_name: LocalizedText;
  territory_path: number[];
  measure_count: number;
  department_ids: number[];
  council_scopes: Array<{ councilId: number; sectionIds: number[] | null }>;
}

/**
 * Road maps with what access needs to know about them, in one query. Of the departments working on
 * a road map only the user's own are looked up: that is all the access rules ask.
 */
async function roadMapsWithAccessFacts(
  db: Kysely<Database>,
  principal: Principal | null,
  roadMapId?: number,
): Promise<RoadMapRow[]> {
  const departments = principal ? editorDepartments(principal) : [];
  const { rows } = await sql<RoadMapRow>`
    SELECT rm.id, rm.title, p.id AS programme_id, p.title AS programme_title, p.status AS programme_status,
           p.start_year, p.end_year, p.rag_green, p.rag_amber,
           t.id AS territory_id, t.name AS territory_name, t.path AS territory_path,
           (SELECT count(*)::int FROM measure m WHERE m.road_map_id = rm.id) AS measure_count,
           ARRAY(SELECT d FROM unnest(${departments}::int[]) d
                  WHERE EXISTS (SELECT 1 FROM measure m WHERE m.road_map_id = rm.id AND m.responsible_department_id = d)
                     OR EXISTS (SELECT 1 FROM measure_co_executor ce JOIN measure m ON m.id = ce.measure_id
                                 WHERE m.road_map_id = rm.id AND ce.department_id = d)) AS department_ids,
           coalesce((SELECT json_agg(json_build_object(
                               'councilId', s.council_id,
                               'sectionIds', CASE WHEN s.whole THEN NULL ELSE s.section_ids END))
                       FROM (SELECT council_id, bool_or(section_id IS NULL) AS whole,
                                    array_agg(section_id) FILTER (WHERE section_id IS NOT NULL) AS section_ids
                               FROM council_scope WHERE road_map_id = rm.id GROUP BY council_id) s),
                    '[]'::json) AS council_scopes
      FROM road_map rm
      JOIN programme p ON p.id = rm.programme_id
      JOIN territory t ON t.id = rm.territory_id
     WHERE ${roadMapId === undefined ? sql`TRUE` : sql`rm.id = ${roadMapId}`}
     ORDER BY p.start_year DESC, rm.id
  `.execute(db);
  return rows;
}

function toSummary(row: RoadMapRow, view: RoadMapView): RoadMapSummary {
  return {
    id: row.id,
    title: row.title,
    programmeId: row.programme_id,
    programmeTitle: row.programme_title,
    programmeStatus: row.programme_status,
    startYear: row.start_year,
    endYear: row.end_year,
    territoryId: row.territory_id,
    territoryName: row.territory_name,
    measureCount: row.measure_count,
    thresholds: { green: row.rag_green, amber: row.rag_amber },
    view,
  };
}

function accessFacts(row: RoadMapRow): RoadMapAccessFacts {
  return { territoryPath: row.territory_path, departmentIds: row.department_ids, councilScopes: row.council_scopes };
}

export async function visibleRoadMaps(db: Kysely<Database>, principal: Principal): Promise<RoadMapSummary[]> {
  const rows = await roadMapsWithAccessFacts(db, principal);
  return rows.flatMap((row) => {
    const view = roadMapView(principal, accessFacts(row));
    return view ? [toSummary(row, view)] : [];
  });
}

/** A road map the user may see, or a 404 — the same answer whether it does not exist or is not theirs. */
export async function requireVisibleRoadMap(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
): Promise<RoadMapSummary> {
  const [row] = await roadMapsWithAccessFacts(db, principal, roadMapId);
  const view = row ? roadMapView(principal, accessFacts(row)) : null;
  if (!row || !view) throw new Response("Not found", { status: 404 });
  return toSummary(row, view);
}

/**
 * A road map seen whole, by nobody in particular: for the public page of a published programme
 * (domain/public), whose caller has decided that the road map may be shown. Null when there is none.
 */
export async function wholeRoadMap(db: Kysely<Database>, roadMapId: number): Promise<RoadMapSummary | null> {
  const [row] = await roadMapsWithAccessFacts(db, null, roadMapId);
  return row ? toSummary(row, { territoryIds: null, sectionIds: null }) : null;
}

/** Every territory at or below the given ones: a territory slice covers the whole subtree. */
export async function subtreeTerritoryIds(db: Kysely<Database>, rootIds: number[]): Promise<number[]> {
  const rows = await db
    .selectFrom("territory")
    .select("id")
    .where(sql<boolean>`path && ${rootIds}::int[]`)
    .execute();
  return rows.map((row) => row.id);
}

export async function sectionsOf(db: Kysely<Database>, roadMapId: number) {
  return db
    .selectFrom("section")
    .select(["id", "parent_id", "number", "title", "position"])
    .where("road_map_id", "=", roadMapId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}
