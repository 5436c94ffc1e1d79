import { describe, expect, it } from "vitest";
import { bundledShape } from "~/domain/geo/bundled.server";
import { drawMap, MAP_WIDTH } from "~/domain/geo/draw-map";
import { TERRITORIES } from "~db/seed/territories";

const KARAGANDA = TERRITORIES.filter((row) => row.parent === "karaganda");

/** The numbers of a path string, as [x, y] pairs. */
function points(d: string): Array<[number, number]> {
  const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) pairs.push([numbers[i]!, numbers[i + 1]!]);
  return pairs;
}

describe("the demo's KATO codes", () => {
  it("name a bundled boundary for every district and city of Shymkent, Karaganda and Akmola, and the same place", () => {
    const coded = TERRITORIES.filter((row) =>
      ["shymkent", "karaganda", "akmola", "kostanay"].includes(row.parent ?? ""),
    );
    expect(coded).toHaveLength(5 + 13 + 20 + 1);
    for (const row of coded) {
      const shape = bundledShape(row.kato);
      expect(shape, row.key).not.toBeNull();
      // The files shorten names («Приозер», «Әл Фараби»): their first three letters agree with ours.
      const ours = row.name.kk!.replace(/-/g, " ").slice(0, 3);
      expect(shape!.name.kk!.replace(/-/g, " ").slice(0, 3), row.key).toBe(ours);
    }
  });
});

describe("drawMap", () => {
  const map = drawMap(KARAGANDA.map((row, index) => ({ id: index + 1, geometry: bundledShape(row.kato)!.geometry })));

  it("draws one path per territory, every point inside the viewBox", () => {
    expect(map.width).toBe(MAP_WIDTH);
    expect(map.shapes.map((shape) => shape.id)).toEqual(KARAGANDA.map((_, index) => index + 1));
    for (const shape of map.shapes) {
      expect(shape.d).toMatch(/^M.*Z$/);
      for (const [x, y] of points(shape.d)) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(map.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(map.height);
      }
    }
  });

  it("fits the region to the map and keeps the cities as the small shapes", () => {
    const all = map.shapes.flatMap((shape) => points(shape.d));
    const xs = all.map(([x]) => x);
    expect(Math.min(...xs)).toBeLessThan(20);
    expect(Math.max(...xs)).toBeGreaterThan(MAP_WIDTH - 20);
    const small = map.shapes.filter((shape) => shape.small).map((shape) => KARAGANDA[shape.id - 1]!.kind);
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((kind) => kind === "city_obl")).toBe(true);
  });

  it("draws a ring wound either way as the same shape, not as the rest of the globe", () => {
    const ring = [
      [70, 48],
      [71, 48],
      [71, 49],
      [70, 49],
      [70, 48],
    ];
    const one = drawMap([{ id: 1, geometry: { type: "Polygon", coordinates: [ring] } }]);
    const other = drawMap([{ id: 1, geometry: { type: "Polygon", coordinates: [[...ring].reverse()] } }]);
    expect(points(one.shapes[0]!.d).length).toBe(points(other.shapes[0]!.d).length);
    expect(one.height).toBe(other.height);
    expect(one.shapes[0]!.labelAt).toEqual(other.shapes[0]!.labelAt);
  });
});
