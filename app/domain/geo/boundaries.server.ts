import type { Kysely, Transaction } from "kysely";
import { pageText, pickText, type Locale, type PageText } from "~/i18n/locales";
import type { Database } from "~db/schema";
import { bundledShape } from "./bundled.server";
import { drawMap, type Boundary, type DrawnShape } from "./draw-map";

type Db = Kysely<Database> | Transaction<Database>;

export interface TerritoryBoundary {
  territoryId: number;
  geometry: Boundary;
  source: "uploaded" | "bundled";
}

/** The boundary of each territory that has one: its newest uploaded version, else the bundled file's by KATO code. */
export async function boundariesOf(db: Db, territoryIds: number[]): Promise<Map<number, TerritoryBoundary>> {
  const found = new Map<number, TerritoryBoundary>();
  if (territoryIds.length === 0) return found;
  const [territories, uploaded] = await Promise.all([
    db.selectFrom("territory").select(["id", "kato_code"]).where("id", "in", territoryIds).execute(),
    db
      .selectFrom("territory_boundary")
      .distinctOn("territory_id")
      .select(["territory_id", "geometry"])
      .where("territory_id", "in", territoryIds)
      .orderBy("territory_id")
      .orderBy("version", "desc")
      .execute(),
  ]);
  for (const territory of territories) {
    const shape = bundledShape(territory.kato_code);
    if (shape) found.set(territory.id, { territoryId: territory.id, geometry: shape.geometry, source: "bundled" });
  }
  for (const row of uploaded)
    found.set(row.territory_id, { territoryId: row.territory_id, geometry: row.geometry, source: "uploaded" });
  return found;
}

export interface MapShape extends DrawnShape {
  name: PageText | null;
}

/** The drawn map of a territory's children: a shape for each that has a boundary. */
export interface TerritoryMap {
  width: number;
  height: number;
  shapes: MapShape[];
  /** Children with no boundary (no KATO code in the files, nothing uploaded): listed, not drawn. */
  unmapped: Array<{ id: number; name: PageText | null }>;
}

export async function mapOfChildren(db: Db, parentId: number, locale: Locale): Promise<TerritoryMap | null> {
  const children = await db
    .selectFrom("territory")
    .select(["id", "name"])
    .where("parent_id", "=", parentId)
    .orderBy("id")
    .execute();
  const boundaries = await boundariesOf(
    db,
    children.map((child) => child.id),
  );
  if (boundaries.size === 0) return null;
  const name = new Map(children.map((child) => [child.id, pageText(pickText(child.name, locale))]));
  const drawn = drawMap([...boundaries.values()].map((b) => ({ id: b.territoryId, geometry: b.geometry })));
  return {
    width: drawn.width,
    height: drawn.height,
    shapes: drawn.shapes.map((shape) => ({ ...shape, name: name.get(shape.id) ?? null })),
    unmapped: children
      .filter((child) => !boundaries.has(child.id))
      .map((child) => ({ id: child.id, name: name.get(child.id) ?? null })),
  };
}

/** What the admin page says of a territory's boundary: which one is drawn, and the version an upload replaces. */
export async function boundaryStatus(db: Db, territoryId: number) {
  const [territory, newest] = await Promise.all([
    db.selectFrom("territory").select("kato_code").where("id", "=", territoryId).executeTakeFirst(),
    db
      .selectFrom("territory_boundary")
      .select(["version", "vertex_count", "file_name"])
      .where("territory_id", "=", territoryId)
      .orderBy("version", "desc")
      .executeTakeFirst(),
  ]);
  const source = newest ? "uploaded" : bundledShape(territory?.kato_code ?? null) ? "bundled" : "none";
  return { source, version: newest?.version ?? 0 } as const;
}
