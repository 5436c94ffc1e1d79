// Copies the boundaries of shared/geo into the app (app/domain/geo/data/), so that the server never reads
// outside its own tree: only the properties the app uses, coordinates at 0.001° (≈ 100 m, under a pixel
// at a district's scale), repeated points dropped. Run again when the source files change:
//   npx tsx scripts/geo-data.ts /work/shared/geo
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";

const source = process.argv[2] ?? "../shared/geo";
const target = join(import.meta.dirname, "../app/domain/geo/data");

const round = (value: number) => Math.round(value * 1000) / 1000;

function ring(points: Position[]): Position[] {
  const out: Position[] = [];
  for (const [x, y] of points) {
    const point = [round(x!), round(y!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  const [first] = out;
  const last = out[out.length - 1]!;
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
  return out;
}

function geometry(shape: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return shape.type === "Polygon"
    ? { type: "Polygon", coordinates: shape.coordinates.map(ring).filter((r) => r.length >= 4) }
    : {
        type: "MultiPolygon",
        coordinates: shape.coordinates.map((polygon) => polygon.map(ring).filter((r) => r.length >= 4)),
      };
}

for (const [from, to] of [
  ["kz-regions-2024.geojson", "kz-regions.json"],
  ["kz-districts-2024.geojson", "kz-districts.json"],
] as const) {
  const collection = JSON.parse(readFileSync(join(source, from), "utf8")) as FeatureCollection<Polygon | MultiPolygon>;
  const features = collection.features.map((feature) => ({
    type: "Feature",
    properties: {
      kato: String(feature.properties!.kato),
      kk: feature.properties!.name_kk,
      ru: feature.properties!.name_ru,
      en: feature.properties!.name_en,
    },
    geometry: geometry(feature.geometry),
  }));
  writeFileSync(join(target, to), JSON.stringify({ type: "FeatureCollection", features }));
  process.stdout.write(`${to}: ${features.length} features\n`);
}
