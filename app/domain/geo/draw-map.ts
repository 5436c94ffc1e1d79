import { geoArea, geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";

// The map's geometry, worked out on the server: a Mercator projection fitted to the shapes in view
// (at a region's scale its distortion is invisible) and SVG path strings. The page receives only
// the strings, so the browser draws exactly what the server drew and needs no d3 at all.

export type Boundary = Polygon | MultiPolygon;

export interface ShapeInput {
  id: number;
  geometry: Boundary;
}

export interface DrawnShape {
  id: number;
  /** The SVG path, in the map's viewBox. */
  d: string;
  /** Where its label goes (the centroid), in the map's viewBox. */
  labelAt: [number, number];
  /** Too small for a label on it: it is listed beside the map under a number instead. */
  small: boolean;
}

export interface DrawnMap {
  width: number;
  height: number;
  shapes: DrawnShape[];
}

export const MAP_WIDTH = 600;
const MIN_HEIGHT = 260;
const MAX_HEIGHT = 560;
const PADDING = 12;
/** Below this many square units of the viewBox (≈ 56 × 56) a name and a figure do not fit on a shape. */
const LABEL_AREA = 3200;

/** d3 reads a ring's winding on the sphere: a ring wound the GeoJSON way would be the rest of the globe. */
function sphericalWinding(geometry: Boundary): Boundary {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const wound = polygons.map((rings) =>
    geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI
      ? rings.map((ring) => [...ring].reverse() as Position[])
      : rings,
  );
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: wound[0]! }
    : { type: "MultiPolygon", coordinates: wound };
}

/** Projects the shapes to fit a map MAP_WIDTH wide (its height follows their outline, within bounds). */
export function drawMap(inputs: ShapeInput[]): DrawnMap {
  const features: Feature<Boundary, { id: number }>[] = inputs.map((input) => ({
    type: "Feature",
    properties: { id: input.id },
    geometry: sphericalWinding(input.geometry),
  }));
  if (features.length === 0) return { width: MAP_WIDTH, height: MIN_HEIGHT, shapes: [] };
  const collection: FeatureCollection<Boundary> = { type: "FeatureCollection", features };
  const inner = MAP_WIDTH - 2 * PADDING;
  const projection = geoMercator().fitWidth(inner, collection);
  const [[, top], [, bottom]] = geoPath(projection).bounds(collection);
  const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(bottom - top) + 2 * PADDING));
  projection.fitExtent(
    [
      [PADDING, PADDING],
      [MAP_WIDTH - PADDING, height - PADDING],
    ],
    collection,
  );
  const path = geoPath(projection).digits(1);
  return {
    width: MAP_WIDTH,
    height,
    shapes: features.map((feature) => {
      const [x, y] = path.centroid(feature);
      return {
        id: feature.properties.id,
        d: path(feature) ?? "",
        labelAt: [Math.round(x * 10) / 10, Math.round(y * 10) / 10],
        small: path.area(feature) < LABEL_AREA,
      };
    }),
  };
}
