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
  const shapes = features.map((feature): DrawnShape => {
    const [x, y] = path.centroid(feature);
    return {
      id: feature.properties.id,
      d: path(feature) ?? "",
      labelAt: [x, y],
      small: path.area(feature) < LABEL_AREA,
    };
  });
  keepLabelsApart(shapes);
  for (const shape of shapes)
    shape.labelAt = [Math.round(shape.labelAt[0] * 10) / 10, Math.round(shape.labelAt[1] * 10) / 10];
  return { width: MAP_WIDTH, height, shapes };
}

/** The gap two numbered markers keep (their diameter and a little). */
const MARKER_GAP = 21;

/**
 * Cities lie close together (Karaganda, Saran, Shakhtinsk, Temirtau): their numbered markers are pushed
 * apart until they no longer overlap, and a district's label steps aside from a marker on it.
 */
function keepLabelsApart(shapes: DrawnShape[]): void {
  const markers = shapes.filter((shape) => shape.small);
  for (let round = 0; round < 40; round++) {
    let moved = false;
    for (const [i, a] of markers.entries()) {
      for (const b of markers.slice(i + 1)) {
        const dx = b.labelAt[0] - a.labelAt[0];
        const dy = b.labelAt[1] - a.labelAt[1];
        const distance = Math.hypot(dx, dy);
        if (distance >= MARKER_GAP) continue;
        const [ux, uy] = distance > 0.01 ? [dx / distance, dy / distance] : [1, 0];
        const push = (MARKER_GAP - distance) / 2;
        a.labelAt = [a.labelAt[0] - ux * push, a.labelAt[1] - uy * push];
        b.labelAt = [b.labelAt[0] + ux * push, b.labelAt[1] + uy * push];
        moved = true;
      }
    }
    if (!moved) break;
  }
  for (const shape of shapes.filter((s) => !s.small)) {
    for (const marker of markers) {
      const dy = shape.labelAt[1] - marker.labelAt[1];
      if (Math.abs(shape.labelAt[0] - marker.labelAt[0]) < 42 && Math.abs(dy) < 24) {
        shape.labelAt = [shape.labelAt[0], marker.labelAt[1] + (dy >= 0 ? 24 : -24)];
      }
    }
  }
}
