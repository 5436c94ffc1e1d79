import type { Kysely } from "kysely";
import type { Locale } from "~/i18n/locales";
import type { Database } from "~db/schema";
import { cachedFigures } from "~/domain/execution/figures-cache.server";
import { mapOfChildren, type TerritoryMap } from "./boundaries.server";

/** A map of the territories a page compares; inView is false for a neighbour drawn only for orientation. */
export type ComparedMap = Omit<TerritoryMap, "shapes"> & {
  shapes: Array<TerritoryMap["shapes"][number] & { inView: boolean }>;
};

/**
 * The dashboard's map: the territories below the one in focus, as its territory table lists them.
 * When nothing lies below (a district akim's own district), the focus is drawn among its neighbours,
 * which stay grey and without figures: the table holds no figures for them either.
 */
export async function dashboardMap(
  db: Kysely<Database>,
  view: { territory: { id: number; trail: Array<{ id: number }> }; territories: Array<{ id: number; own: boolean }> },
  locale: Locale,
  at: { roadMapId: number; revision: number },
): Promise<ComparedMap | null> {
  const focus = view.territory.id;
  const below = view.territories.some((row) => !row.own);
  const parent = below ? focus : (view.territory.trail[view.territory.trail.length - 2]?.id ?? focus);
  // Drawn once per revision of the road map: territories, their codes and boundaries move it (ADR 38).
  const map = await cachedFigures(
    db,
    at.roadMapId,
    { kind: "map", parent, locale },
    () => mapOfChildren(db, parent, locale),
    at.revision,
  );
  if (!map) return null;
  const inView = (id: number) => parent === focus || id === focus;
  return {
    ...map,
    unmapped: map.unmapped.filter((territory) => inView(territory.id)),
    // A neighbour outside the reader's view goes to the page unnamed, in its data as on screen.
    shapes: map.shapes.map((shape) =>
      inView(shape.id) ? { ...shape, inView: true } : { ...shape, name: null, inView: false },
    ),
  };
}

/** The KPI ranking's map: the territories ranked, the children of the ranking's parent. */
export async function rankingMap(db: Kysely<Database>, parentId: number, locale: Locale): Promise<ComparedMap | null> {
  const map = await mapOfChildren(db, parentId, locale);
  return map && { ...map, shapes: map.shapes.map((shape) => ({ ...shape, inView: true })) };
}
