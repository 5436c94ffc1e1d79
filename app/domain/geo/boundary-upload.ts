import simplify from "@turf/simplify";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { z } from "zod";

// An uploaded boundary: read, checked and simplified before anything is stored. Each failure is one
// message key (geo boundary.error.*), so the admin reads what is wrong with the file in their language.

export const MAX_BOUNDARY_BYTES = 2 * 1024 * 1024;
const MAX_VERTICES = 200_000;
/** ≈ 100 m: finer than a pixel of a district's map, coarse enough to keep a page light. */
const TOLERANCE = 0.001;

export type BoundaryError =
  | "missing"
  | "tooLarge"
  | "notJson"
  | "notGeoJson"
  | "geometryType"
  | "featureCount"
  | "coordinates"
  | "ringOpen"
  | "ringShort"
  | "tooManyVertices";

export type BoundaryResult =
  | { ok: true; geometry: Polygon | MultiPolygon; vertexCount: number }
  | { ok: false; error: BoundaryError; count?: number };

const position = z
  .array(z.number().finite())
  .min(2)
  .max(3)
  .refine(([lon, lat]) => lon! >= -180 && lon! <= 180 && lat! >= -90 && lat! <= 90);
const ring = z.array(z.unknown());
const polygon = z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) });
const multiPolygon = z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1)).min(1) });
const anyGeometry = z.object({ type: z.string() }).passthrough();
const feature = z.object({ type: z.literal("Feature"), geometry: anyGeometry.nullable() });
const collection = z.object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()) });

function checkRings(rings: unknown[][]): BoundaryError | Position[][] {
  const checked: Position[][] = [];
  for (const points of rings) {
    const parsed = z.array(position).safeParse(points);
    if (!parsed.success) return "coordinates";
    const positions = parsed.data;
    if (positions.length < 4) return "ringShort";
    const [first, last] = [positions[0]!, positions[positions.length - 1]!];
    if (first[0] !== last[0] || first[1] !== last[1]) return "ringOpen";
    checked.push(positions.map(([lon, lat]) => [lon!, lat!]));
  }
  return checked;
}

const vertices = (geometry: Polygon | MultiPolygon) =>
  (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates)
    .flat()
    .reduce((sum, r) => sum + r.length, 0);

/** Reads an uploaded GeoJSON file: a Polygon or MultiPolygon, bare or as the only feature. */
export function readBoundary(bytes: Uint8Array | null): BoundaryResult {
  if (!bytes || bytes.length === 0) return { ok: false, error: "missing" };
  if (bytes.length > MAX_BOUNDARY_BYTES) return { ok: false, error: "tooLarge" };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: "notJson" };
  }
  let geometry: unknown = json;
  const asCollection = collection.safeParse(json);
  if (asCollection.success) {
    if (asCollection.data.features.length !== 1) {
      return { ok: false, error: "featureCount", count: asCollection.data.features.length };
    }
    geometry = asCollection.data.features[0];
  }
  const asFeature = feature.safeParse(geometry);
  if (asFeature.success) geometry = asFeature.data.geometry;
  const shape = anyGeometry.safeParse(geometry);
  if (!shape.success) return { ok: false, error: "notGeoJson" };
  if (shape.data.type !== "Polygon" && shape.data.type !== "MultiPolygon") return { ok: false, error: "geometryType" };

  let checked: Polygon | MultiPolygon;
  const asPolygon = polygon.safeParse(geometry);
  const asMulti = multiPolygon.safeParse(geometry);
  if (asPolygon.success) {
    const rings = checkRings(asPolygon.data.coordinates as unknown[][]);
    if (typeof rings === "string") return { ok: false, error: rings };
    checked = { type: "Polygon", coordinates: rings };
  } else if (asMulti.success) {
    const polygons: Position[][][] = [];
    for (const rings of asMulti.data.coordinates) {
      const result = checkRings(rings as unknown[][]);
      if (typeof result === "string") return { ok: false, error: result };
      polygons.push(result);
    }
    checked = { type: "MultiPolygon", coordinates: polygons };
  } else {
    return { ok: false, error: "coordinates" };
  }
  if (vertices(checked) > MAX_VERTICES) return { ok: false, error: "tooManyVertices" };
  const simplified = simplify(checked, { tolerance: TOLERANCE, highQuality: true, mutate: false });
  return { ok: true, geometry: simplified, vertexCount: vertices(simplified) };
}
