import { sql, type Kysely } from "kysely";
import type { Database, LocalizedText } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { requireVisibleRoadMap, sectionsOf, type RoadMapSummary } from "~/domain/roadmap/roadmap.server";
import { MEASURES_PER_PAGE, type DashboardFilters } from "./dashboard-filters";
import { programmeQuarters, type AsOf } from "./execution";
import { cachedFigures, roadMapRevision } from "./figures-cache.server";
import {
  figureBase,
  figuresOf,
  type ExecutionFigures,
  type ExecutionScope,
  type ItemRow,
  type QuarterPointRow,
  type RoadMapFigures,
} from "./execution.server";

const ATTENTION_LIMIT = 20;

export interface NamedFigures {
  id: number;
  name: LocalizedText;
  figures: ExecutionFigures;
}

export interface MeasureLine extends ItemRow {
  number: string;
  /** Counted as a share of a base (ADR 15): its line shows the shares beside the figures. */
  shareOfBase: boolean;
  title: LocalizedText;
  department: LocalizedText;
  territory: LocalizedText | null;
}

export interface Dashboard {
  roadMap: RoadMapSummary;
  /** The road map's revision the dashboard was computed at: what is kept beside it is kept under it. */
  revision: number;
  total: ExecutionFigures | null;
  sections: Array<
    NamedFigures & { number: string | null; subsections: Array<NamedFigures & { number: string | null }> }
  >;
  departments: NamedFigures[];
  /** The territory the breakdown is under, its ancestors within the road map (for the breadcrumb), its parts. */
  territory: {
    id: number;
    name: LocalizedText;
    /** From the road map's territory down to the focus; `selectable` when within the user's scope. */
    trail: Array<{ id: number; name: LocalizedText; selectable: boolean }>;
  };
  territories: NamedFigures[];
  series: QuarterPointRow[];
  /** Measures behind or overdue, the furthest behind first. */
  attention: MeasureLine[];
  attentionCount: number;
  measures: MeasureLine[];
  measureCount: number;
  options: {
    sections: Array<{ id: number; number: string | null; title: LocalizedText; parentId: number | null }>;
    departments: Array<{ id: number; name: LocalizedText }>;
  };
}

/**
 * Everything the dashboard of a road map shows, for one user and one set of filters. Every figure is
 * computed by execution.server.ts over the same scope — the user's slice narrowed by the filters —
 * so tables, charts and lists always agree. Computed figures are reused until the road map changes.
 */
export async function roadMapDashboard(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
  filters: DashboardFilters,
  knownRevision?: number,
): Promise<Dashboard> {
  const revision = knownRevision ?? (await roadMapRevision(db, roadMapId));
  // Which road map and slice the user sees follows from their roles and the road map's rows (its
  // council scopes move the revision too): kept with the figures. A 404 is thrown again each time.
  const roadMap = await cachedFigures(
    db,
    roadMapId,
    { kind: "road map seen by", assignments: principal.assignments },
    () => requireVisibleRoadMap(db, principal, roadMapId),
    revision,
  );
  return roadMapDashboardOf(db, roadMap, filters, revision);
}

/**
 * The dashboard of a road map as far as its view reaches (the user's slice, or the whole road map for
 * the public page): the one place every dashboard figure is put together.
 */
export async function roadMapDashboardOf(
  db: Kysely<Database>,
  roadMap: RoadMapSummary,
  filters: DashboardFilters,
  knownRevision?: number,
): Promise<Dashboard> {
  const roadMapId = roadMap.id;
  const { thresholds } = roadMap;
  const { view } = roadMap;
  const revision = knownRevision ?? (await roadMapRevision(db, roadMapId));
  const frame = await roadMapFrame(db, roadMap, revision);
  const { focus, scope } = scopeOf(frame, roadMap, filters);
  const asOf = filters.asOf;
  // A territory above the user's own is shown in the trail but cannot be chosen.
  const roots = view.territoryIds ?? [roadMap.territoryId];
  const withinScope = (path: number[], id: number) =>
    roots.some((root) => path.includes(root) && path.indexOf(id) >= path.indexOf(root));

  // The whole dashboard, names included, is kept until the road map changes. Another page of its list
  // or another date is another pass over the kept rows (figuresFor).
  return cachedFigures(
    db,
    roadMapId,
    { kind: "dashboard", scope, filters, thresholds, focus: focus.id },
    async () => {
      const { sections, departments, territories } = frame;
      const {
        sections: sectionRows,
        departments: departmentRows,
        territories: territoryRows,
        series,
        items,
      } = await figuresFor(db, roadMap, scope, asOf, focus.id, revision, frame);

      const sectionsInView = sections.filter(
        (s) =>
          !view.sectionIds ||
          view.sectionIds.includes(s.id) ||
          (s.parent_id !== null && view.sectionIds.includes(s.parent_id)),
      );
      const top = new Map(
        sectionRows.filter((r) => r.topSectionId !== null && r.sectionId === null).map((r) => [r.topSectionId, r]),
      );
      const leaf = new Map(sectionRows.filter((r) => r.sectionId !== null).map((r) => [r.sectionId, r]));
      const figuresOf = <R extends ExecutionFigures>(row: R): ExecutionFigures => ({
        execution: row.execution,
        yearExecution: row.yearExecution,
        plan: row.plan,
        fact: row.fact,
        yearPlan: row.yearPlan,
        yearFact: row.yearFact,
        peopleReached: row.peopleReached,
        counted: row.counted,
        statusCounts: row.statusCounts,
      });

      const rank = (rows: NamedFigures[]) =>
        rows.sort((a, b) => (a.figures.execution ?? 2) - (b.figures.execution ?? 2) || a.id - b.id);

      const attentionItems = items
        .filter((item) => item.status === "behind" || item.status === "overdue")
        .sort((a, b) => (a.execution ?? 0) - (b.execution ?? 0) || a.measureId - b.measureId);
      const pageStart = (filters.page - 1) * MEASURES_PER_PAGE;
      const page = items.slice(pageStart, pageStart + MEASURES_PER_PAGE);
      const attention = attentionItems.slice(0, ATTENTION_LIMIT);
      const measureLines = await measureLinesOf(db, [...attention, ...page], territories);

      return {
        roadMap,
        revision,
        total: sectionRows.find((row) => row.topSectionId === null) ?? null,
        sections: sectionsInView
          .filter((s) => s.parent_id === null && top.has(s.id))
          .map((s) => ({
            id: s.id,
            number: s.number,
            name: s.title,
            figures: figuresOf(top.get(s.id)!),
            subsections: sectionsInView
              .filter((child) => child.parent_id === s.id && leaf.has(child.id))
              .map((child) => ({
                id: child.id,
                number: child.number,
                name: child.title,
                figures: figuresOf(leaf.get(child.id)!),
              })),
          })),
        departments: rank(
          departmentRows.map((row) => ({
            id: row.groupId,
            name: departments.find((d) => d.id === row.groupId)?.name ?? {},
            figures: figuresOf(row),
          })),
        ),
        territory: {
          id: focus.id,
          name: focus.name,
          trail: focus.path
            .slice(focus.path.indexOf(roadMap.territoryId))
            .map((id) => territories.get(id)!)
            .map((t) => ({ id: t.id, name: t.name, selectable: withinScope(focus.path, t.id) })),
        },
        territories: rank(
          territoryRows.map((row) => ({
            id: row.groupId,
            name: territories.get(row.groupId)?.name ?? {},
            figures: figuresOf(row),
          })),
        ),
        series,
        attention: attention.map(measureLines),
        attentionCount: attentionItems.length,
        measures: page.map(measureLines),
        measureCount: items.length,
        options: {
          sections: sectionsInView.map((s) => ({ id: s.id, number: s.number, title: s.title, parentId: s.parent_id })),
          departments: departments.map((d) => ({ id: d.id, name: d.name })),
        },
      };
    },
    revision,
  );
}

/**
 * Every item of the dashboard's measure list, not one page of it (exports): the same scope, the same
 * cached figures and the same order as roadMapDashboard() gives for the same user and filters.
 */
export async function roadMapMeasureLines(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
  filters: DashboardFilters,
): Promise<MeasureLine[]> {
  const roadMap = await requireVisibleRoadMap(db, principal, roadMapId);
  const revision = await roadMapRevision(db, roadMapId);
  const frame = await roadMapFrame(db, roadMap, revision);
  const { focus, scope } = scopeOf(frame, roadMap, filters);
  const { items } = await figuresFor(db, roadMap, scope, filters.asOf, focus.id, revision, frame);
  return items.map(await measureLinesOf(db, items, frame.territories));
}

interface AreaTerritory {
  id: number;
  name: LocalizedText;
  path: number[];
}

/**
 * What every view of a road map shares, read once per revision (territory, section and department
 * changes move it): its sections, the departments responsible for its measures, and the territories
 * of its area (its own and every one below), by id.
 */
interface RoadMapFrame {
  sections: Awaited<ReturnType<typeof sectionsOf>>;
  departments: Array<{ id: number; name: LocalizedText }>;
  territories: Map<number, AreaTerritory>;
}

async function roadMapFrame(db: Kysely<Database>, roadMap: RoadMapSummary, revision: number): Promise<RoadMapFrame> {
  const { sections, departments, territories } = await cachedFigures(
    db,
    roadMap.id,
    { kind: "frame" },
    async () => {
      const [sections, departments, territories] = await Promise.all([
        sectionsOf(db, roadMap.id),
        db
          .selectFrom("department as d")
          .select(["d.id", "d.name"])
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom("measure as m")
                .select("m.id")
                .whereRef("m.responsible_department_id", "=", "d.id")
                .where("m.road_map_id", "=", roadMap.id),
            ),
          )
          .orderBy("d.id")
          .execute(),
        db
          .selectFrom("territory")
          .select(["id", "name", "path"])
          .where(sql<boolean>`path @> ARRAY[${roadMap.territoryId}]::int[]`)
          .orderBy("id")
          .execute(),
      ]);
      // Kept as rows (what the cache measures as JSON), looked up through a map made once per revision.
      return { sections, departments, territories };
    },
    revision,
  );
  return { sections, departments, territories: territoryIndex(territories) };
}

const territoryIndexes = new WeakMap<AreaTerritory[], Map<number, AreaTerritory>>();

function territoryIndex(rows: AreaTerritory[]): Map<number, AreaTerritory> {
  let index = territoryIndexes.get(rows);
  if (!index) territoryIndexes.set(rows, (index = new Map(rows.map((row) => [row.id, row]))));
  return index;
}

/**
 * What a user's dashboard covers: the territory in focus (the filter's, which must lie inside what
 * the user may see, else the user's own area) and the scope every figure is computed over.
 */
function scopeOf(
  frame: RoadMapFrame,
  roadMap: RoadMapSummary,
  filters: Pick<DashboardFilters, "territoryId" | "sectionId" | "departmentId" | "statuses">,
) {
  const { view } = roadMap;
  const allowedRoots = view.territoryIds ?? [roadMap.territoryId];
  const focusId = filters.territoryId ?? (allowedRoots.length === 1 ? allowedRoots[0]! : roadMap.territoryId);
  // The frame holds the road map's area only: a territory outside it is not found, as before.
  const focus = frame.territories.get(focusId);
  const focusAllowed = focus && allowedRoots.some((root) => focus.path.includes(root));
  if (!focus || !focusAllowed) throw new Response("Not found", { status: 404 });
  const sliced = focus.id !== roadMap.territoryId || view.territoryIds !== null;
  const sliceIds = sliced
    ? [...frame.territories.values()].filter((territory) => territory.path.includes(focus.id)).map((row) => row.id)
    : null;
  const sectionIds = filters.sectionId
    ? view.sectionIds && !view.sectionIds.includes(filters.sectionId)
      ? []
      : [filters.sectionId]
    : view.sectionIds;
  const scope: ExecutionScope = {
    roadMapId: roadMap.id,
    territoryIds: sliceIds,
    sectionIds,
    departmentIds: filters.departmentId ? [filters.departmentId] : null,
    statuses: filters.statuses,
  };
  return { focus, scope };
}

/** A road map's execution as its dashboard opens (no filters): for the list of road maps. */
export async function roadMapTotal(
  db: Kysely<Database>,
  roadMap: RoadMapSummary,
  asOf: AsOf,
): Promise<ExecutionFigures | null> {
  const revision = await roadMapRevision(db, roadMap.id);
  const frame = await roadMapFrame(db, roadMap, revision);
  const { focus, scope } = scopeOf(frame, roadMap, {
    territoryId: null,
    sectionId: null,
    departmentId: null,
    statuses: null,
  });
  return cachedFigures(
    db,
    roadMap.id,
    { kind: "total", scope, asOf, thresholds: roadMap.thresholds },
    async () => {
      const { sections } = await figuresFor(db, roadMap, scope, asOf, focus.id, revision, frame);
      return sections.find((row) => row.topSectionId === null) ?? null;
    },
    revision,
  );
}

/** Each territory of the area at or below `parentId`, with the child of `parentId` it lies in. */
function territoriesBelow(frame: RoadMapFrame, parentId: number): Map<number, number> {
  const depth = frame.territories.get(parentId)?.path.length ?? 0;
  const below = new Map<number, number>();
  for (const territory of frame.territories.values())
    if (territory.path.includes(parentId)) below.set(territory.id, territory.path[depth] ?? parentId);
  return below;
}

/**
 * Every figure of a scope: a pass over the road map's rows kept for its revision (ADR 21). Not kept
 * itself: its list holds every item of the scope (≈ 1 MB for 5 000 measures), where what a page keeps
 * is its own few lines and groups.
 */
async function figuresFor(
  db: Kysely<Database>,
  roadMap: RoadMapSummary,
  scope: ExecutionScope,
  asOf: AsOf,
  focusId: number,
  revision: number,
  frame: RoadMapFrame,
): Promise<RoadMapFigures> {
  return figuresOf(await figureBase(db, scope, asOf, roadMap.thresholds, revision), {
    territoriesBelow: territoriesBelow(frame, focusId),
    quarters: programmeQuarters(roadMap),
  });
}

/** Names and numbers for the few items a page lists. */
async function measureLinesOf(db: Kysely<Database>, items: ItemRow[], territories: Map<number, AreaTerritory>) {
  const ids = [...new Set(items.map((item) => item.measureId))];
  const measures = ids.length
    ? await db
        .selectFrom("measure as m")
        .innerJoin("department as d", "d.id", "m.responsible_department_id")
        .select(["m.id", "m.number", "m.title", "m.share_of_base", "d.name as department"])
        .where("m.id", "in", ids)
        .execute()
    : [];
  const byId = new Map(measures.map((m) => [m.id, m]));
  return (item: ItemRow): MeasureLine => {
    const measure = byId.get(item.measureId)!;
    return {
      ...item,
      number: measure.number,
      shareOfBase: measure.share_of_base,
      title: measure.title,
      department: measure.department,
      territory: item.territoryId === null ? null : (territories.get(item.territoryId)?.name ?? null),
    };
  };
}
