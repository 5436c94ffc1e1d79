import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { Database, LocalizedText } from "~db/schema";
import type { SearchKind } from "~/domain/search/search-kinds";
import type { Principal } from "~/domain/auth/access";
import { readableCouncilIds } from "~/domain/meetings/rules";
import { subtreeTerritoryIds, visibleRoadMaps, type RoadMapSummary } from "~/domain/roadmap/roadmap.server";
import { searchTerms, type SearchTerms } from "./search-terms";

// The header's search: measures, sections, departments, territories, meetings and decisions whose
// names hold every word of the query (by stem, search-terms.ts), and only those the user may open —
// the same scope rules as the pages they lead to (roadMapView, readableCouncilIds).

export interface SearchHit {
  kind: SearchKind;
  id: number;
  /** The measure's or section's number, the meeting's date. */
  label: string | null;
  title: LocalizedText;
  /** Where the hit belongs: its road map or council. */
  context: LocalizedText | null;
  href: string;
}

export const PER_KIND = 8;

/** Lower-cased text of a localized column in every language, «ё» read as «е». */
const haystack = (column: string) =>
  sql<string>`translate(lower(concat_ws(' ', ${sql.ref(column)}->>'kk', ${sql.ref(column)}->>'ru', ${sql.ref(column)}->>'en')), 'ё', 'е')`;

function holdsEvery(text: ReturnType<typeof haystack>, terms: SearchTerms): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.join(
    terms.stems.map((stem) => sql`strpos(${text}, ${stem}) > 0`),
    sql` AND `,
  )})`;
}

interface Scope {
  roadMaps: RoadMapSummary[];
  /** Per road map with a territory slice: every territory of the slice. */
  slices: Map<number, number[]>;
}

async function scopeOf(db: Kysely<Database>, principal: Principal): Promise<Scope> {
  const roadMaps = await visibleRoadMaps(db, principal);
  const slices = new Map<number, number[]>();
  for (const roadMap of roadMaps) {
    if (roadMap.view.territoryIds) slices.set(roadMap.id, await subtreeTerritoryIds(db, roadMap.view.territoryIds));
  }
  return { roadMaps, slices };
}

type MeasureScope = ExpressionBuilder<Database & { m: Database["measure"]; s: Database["section"] }, "m" | "s">;

/**
 * The measures the user may open, as measureDetail decides: a road map's whole or its sections, and in
 * a territory slice a measure of a territory there, or with a plan share or an entry there.
 */
function visibleMeasure(eb: MeasureScope, scope: Scope): Expression<SqlBool> {
  return eb.or(
    scope.roadMaps.map((roadMap) => {
      const conditions: Expression<SqlBool>[] = [eb("m.road_map_id", "=", roadMap.id)];
      const { sectionIds } = roadMap.view;
      if (sectionIds) {
        conditions.push(
          sectionIds.length === 0
            ? sql<SqlBool>`FALSE`
            : eb.or([eb("m.section_id", "in", sectionIds), eb("s.parent_id", "in", sectionIds)]),
        );
      }
      const slice = scope.slices.get(roadMap.id);
      if (slice) {
        conditions.push(
          eb.or([
            eb("m.territory_id", "in", slice),
            eb.exists(
              eb
                .selectFrom("measure_plan as p")
                .select("p.id")
                .whereRef("p.measure_id", "=", "m.id")
                .where("p.territory_id", "in", slice),
            ),
            eb.exists(
              eb
                .selectFrom("progress_entry as e")
                .select("e.id")
                .whereRef("e.measure_id", "=", "m.id")
                .where("e.territory_id", "in", slice),
            ),
          ]),
        );
      }
      return eb.and(conditions);
    }),
  );
}

async function measures(db: Kysely<Database>, scope: Scope, terms: SearchTerms): Promise<SearchHit[]> {
  if (scope.roadMaps.length === 0) return [];
  const rows = await db
    .selectFrom("measure as m")
    .innerJoin("section as s", "s.id", "m.section_id")
    .innerJoin("road_map as rm", "rm.id", "m.road_map_id")
    .select(["m.id", "m.number", "m.title", "rm.title as roadMapTitle"])
    .where((eb) => visibleMeasure(eb, scope))
    .where((eb) => {
      const byTitle = holdsEvery(haystack("m.title"), terms);
      return terms.number ? eb.or([eb("m.number", "like", `${terms.number}%`), byTitle]) : byTitle;
    })
    .orderBy(sql`CASE WHEN m.number = ${terms.number ?? ""} THEN 0 ELSE 1 END`)
    .orderBy("m.road_map_id")
    .orderBy("m.id")
    .limit(PER_KIND)
    .execute();
  return rows.map((row) => ({
    kind: "measure",
    id: row.id,
    label: row.number,
    title: row.title,
    context: row.roadMapTitle,
    href: `/measures/${row.id}`,
  }));
}

async function sections(db: Kysely<Database>, scope: Scope, terms: SearchTerms): Promise<SearchHit[]> {
  if (scope.roadMaps.length === 0) return [];
  const rows = await db
    .selectFrom("section as s")
    .innerJoin("road_map as rm", "rm.id", "s.road_map_id")
    .select(["s.id", "s.number", "s.title", "s.road_map_id", "rm.title as roadMapTitle"])
    .where((eb) =>
      eb.or(
        scope.roadMaps.map((roadMap) => {
          const { sectionIds } = roadMap.view;
          const own = eb("s.road_map_id", "=", roadMap.id);
          if (!sectionIds) return own;
          if (sectionIds.length === 0) return sql<SqlBool>`FALSE`;
          return eb.and([own, eb.or([eb("s.id", "in", sectionIds), eb("s.parent_id", "in", sectionIds)])]);
        }),
      ),
    )
    .where((eb) => {
      const byTitle = holdsEvery(haystack("s.title"), terms);
      return terms.number ? eb.or([eb("s.number", "like", `${terms.number}%`), byTitle]) : byTitle;
    })
    .orderBy("s.road_map_id")
    .orderBy("s.position")
    .limit(PER_KIND)
    .execute();
  return rows.map((row) => ({
    kind: "section",
    id: row.id,
    label: row.number,
    title: row.title,
    context: row.roadMapTitle,
    href: `/roadmaps/${row.road_map_id}?section=${row.id}`,
  }));
}

/** Departments responsible for a measure the user may open; each leads to its road map's dashboard. */
async function departments(db: Kysely<Database>, scope: Scope, terms: SearchTerms): Promise<SearchHit[]> {
  if (scope.roadMaps.length === 0) return [];
  const rows = await db
    .selectFrom("department as d")
    .select((eb) => [
      "d.id",
      "d.name",
      eb
        .selectFrom("measure as m")
        .innerJoin("section as s", "s.id", "m.section_id")
        .select((inner) => inner.fn.min("m.road_map_id").as("roadMapId"))
        .whereRef("m.responsible_department_id", "=", "d.id")
        .where((inner) => visibleMeasure(inner, scope))
        .as("roadMapId"),
    ])
    .where(() => holdsEvery(haystack("d.name"), terms))
    .orderBy("d.id")
    .execute();
  return rows
    .filter((row) => row.roadMapId !== null)
    .slice(0, PER_KIND)
    .map((row) => ({
      kind: "department",
      id: row.id,
      label: null,
      title: row.name,
      context: scope.roadMaps.find((roadMap) => roadMap.id === row.roadMapId)?.title ?? null,
      href: `/roadmaps/${row.roadMapId}?department=${row.id}`,
    }));
}

/** Territories of a road map the user sees (within their slice); each leads to the dashboard for it. */
async function territories(db: Kysely<Database>, scope: Scope, terms: SearchTerms): Promise<SearchHit[]> {
  const roots = scope.roadMaps.map((roadMap) => ({
    roadMap,
    ids: roadMap.view.territoryIds ?? [roadMap.territoryId],
  }));
  const allRoots = [...new Set(roots.flatMap((root) => root.ids))];
  if (allRoots.length === 0) return [];
  const rows = await db
    .selectFrom("territory as t")
    .select(["t.id", "t.name", "t.path"])
    .where(sql<SqlBool>`t.path && ${allRoots}::int[]`)
    .where(() => holdsEvery(haystack("t.name"), terms))
    .orderBy(sql`cardinality(t.path)`)
    .orderBy("t.id")
    .limit(PER_KIND)
    .execute();
  return rows.flatMap((row) => {
    const root = roots.find((candidate) => candidate.ids.some((id) => row.path.includes(id)));
    if (!root) return [];
    return [
      {
        kind: "territory" as const,
        id: row.id,
        label: null,
        title: row.name,
        context: root.roadMap.title,
        href: `/roadmaps/${root.roadMap.id}?territory=${row.id}`,
      },
    ];
  });
}

async function meetings(db: Kysely<Database>, councilIds: number[] | null, terms: SearchTerms): Promise<SearchHit[]> {
  if (councilIds?.length === 0) return [];
  let query = db
    .selectFrom("meeting as mt")
    .innerJoin("council as c", "c.id", "mt.council_id")
    .select(["mt.id", "mt.number", "mt.meeting_date", "mt.place", "c.title as councilTitle"])
    .where(() =>
      holdsEvery(
        sql<string>`concat_ws(' ', ${haystack("c.title")}, ${haystack("mt.place")}, lower(mt.number), mt.meeting_date::text)`,
        terms,
      ),
    )
    .orderBy("mt.meeting_date", "desc")
    .limit(PER_KIND);
  if (councilIds) query = query.where("mt.council_id", "in", councilIds);
  const rows = await query.execute();
  return rows.map((row) => ({
    kind: "meeting",
    id: row.id,
    label: row.meeting_date,
    title: row.councilTitle,
    context: row.place,
    href: `/meetings/${row.id}`,
  }));
}

async function decisions(db: Kysely<Database>, councilIds: number[] | null, terms: SearchTerms): Promise<SearchHit[]> {
  if (councilIds?.length === 0) return [];
  let query = db
    .selectFrom("decision as dc")
    .innerJoin("meeting as mt", "mt.id", "dc.meeting_id")
    .innerJoin("council as c", "c.id", "mt.council_id")
    .select(["dc.id", "dc.body", "mt.id as meetingId", "mt.meeting_date", "c.title as councilTitle"])
    .where(() => holdsEvery(haystack("dc.body"), terms))
    .orderBy("mt.meeting_date", "desc")
    .orderBy("dc.id")
    .limit(PER_KIND);
  if (councilIds) query = query.where("mt.council_id", "in", councilIds);
  const rows = await query.execute();
  return rows.map((row) => ({
    kind: "decision",
    id: row.id,
    label: row.meeting_date,
    title: row.body,
    context: row.councilTitle,
    href: `/meetings/${row.meetingId}`,
  }));
}

/** Everything the user may open that the query names, at most PER_KIND of each kind. */
export async function search(db: Kysely<Database>, principal: Principal, query: string): Promise<SearchHit[]> {
  const terms = searchTerms(query);
  if (!terms) return [];
  const scope = await scopeOf(db, principal);
  const councilIds = readableCouncilIds(principal);
  const found = await Promise.all([
    measures(db, scope, terms),
    sections(db, scope, terms),
    departments(db, scope, terms),
    territories(db, scope, terms),
    meetings(db, councilIds, terms),
    decisions(db, councilIds, terms),
  ]);
  return found.flat();
}
