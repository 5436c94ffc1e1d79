import type { Kysely } from "kysely";
import type { Database, LocalizedText } from "~db/schema";
import { MEASURES_PER_PAGE, parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { roadMapDashboardOf, roadMapTotal } from "~/domain/execution/dashboard.server";
import { dashboardView, shownRatio } from "~/domain/execution/dashboard-view.server";
import { ragOf } from "~/domain/execution/execution";
import { wholeRoadMap } from "~/domain/roadmap/roadmap.server";
import { pageText, pickText, type Locale } from "~/i18n/locales";
import { yearRange } from "~/i18n/range";
import { publicNarratives, type PublishedProgramme } from "./publication.server";

// The public page of a published programme shows what its admin chose, computed by the dashboard's own
// code (roadMapDashboardOf over the whole road map, with the dashboard's default filters: as of today,
// facts of accepted reports), and nothing else: no links into the app, no people, no files, no comments.

const text = (value: LocalizedText | null, locale: Locale) => pageText(pickText(value, locale));

/** The programme's heading, as every public page of it shows it. */
function programmeHeading(programme: PublishedProgramme, locale: Locale) {
  return {
    id: programme.id,
    title: text(programme.title, locale),
    owner: text(programme.owner, locale),
    description: text(programme.description, locale),
    years: yearRange(programme.startYear, programme.endYear),
  };
}

/** A programme of several road maps: each with its total as of today, linking to its own public page. */
export async function publicRoadMapList(
  db: Kysely<Database>,
  programme: PublishedProgramme,
  locale: Locale,
  today: string,
) {
  const { filters } = parseDashboardFilters(new URLSearchParams(), today);
  const roadMaps = await Promise.all(
    programme.roadMaps.map(async (item) => {
      const roadMap = (await wholeRoadMap(db, item.id))!;
      const total = await roadMapTotal(db, roadMap, filters.asOf);
      return {
        id: item.id,
        title: text(item.title, locale),
        territory: text(item.territoryName, locale),
        execution: shownRatio(total?.execution ?? null),
        rag: ragOf(total?.execution ?? null, roadMap.thresholds),
      };
    }),
  );
  return { programme: programmeHeading(programme, locale), asOf: filters.asOf.date, roadMaps };
}

/** One road map of a published programme, as its public page shows it (a page of its measures at a time). */
export async function publicRoadMapPage(
  db: Kysely<Database>,
  programme: PublishedProgramme,
  roadMapId: number,
  options: { locale: Locale; today: string; page: number },
) {
  const roadMap = programme.roadMaps.some((item) => item.id === roadMapId) ? await wholeRoadMap(db, roadMapId) : null;
  if (!roadMap) throw new Response("Not found", { status: 404 });
  const { filters } = parseDashboardFilters(new URLSearchParams({ page: String(options.page) }), options.today);
  const dashboard = await roadMapDashboardOf(db, roadMap, filters);
  const view = dashboardView(dashboard, filters, options.locale, options.today);
  const { blocks } = programme;
  const narratives = blocks.measures
    ? await publicNarratives(
        db,
        view.measures.map((line) => line.measureId),
        filters.asOf.date,
      )
    : new Map<number, LocalizedText>();
  const pages = Math.max(1, Math.ceil(view.measureCount / MEASURES_PER_PAGE));
  if (options.page > pages) throw new Response("Not found", { status: 404 });
  return {
    programme: programmeHeading(programme, options.locale),
    roadMap: { id: roadMap.id, title: view.title, territory: text(roadMap.territoryName, options.locale) },
    severalRoadMaps: programme.roadMaps.length > 1,
    asOf: filters.asOf.date,
    thresholds: view.thresholds,
    total: view.total,
    sections: blocks.sections ? view.sections : null,
    territories: blocks.territories ? view.territories : null,
    measures: blocks.measures
      ? {
          page: options.page,
          pages,
          count: view.measureCount,
          lines: view.measures.map((line) => ({
            key: line.key,
            number: line.number,
            title: line.title,
            territory: line.territory,
            deadline: line.deadline,
            execution: line.execution,
            status: line.status,
            narrative: text(narratives.get(line.measureId) ?? null, options.locale),
          })),
        }
      : null,
  };
}

export type PublicRoadMapPage = Awaited<ReturnType<typeof publicRoadMapPage>>;
export type PublicRoadMapList = Awaited<ReturnType<typeof publicRoadMapList>>;
