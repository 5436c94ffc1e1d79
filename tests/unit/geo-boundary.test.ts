import { describe, expect, it } from "vitest";
import { MAX_BOUNDARY_BYTES, readBoundary, type BoundaryError } from "~/domain/geo/boundary-upload";
import { translator } from "~/i18n/i18n";

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));

// A square around Blagoveshchensk with a thousand points on each side: simplified to its corners.
const side = (from: [number, number], to: [number, number]) =>
  Array.from({ length: 1000 }, (_, i) => [
    from[0] + ((to[0] - from[0]) * i) / 1000,
    from[1] + ((to[1] - from[1]) * i) / 1000,
  ]);
const square = [
  ...side([127.4, 50.2], [127.7, 50.2]),
  ...side([127.7, 50.2], [127.7, 50.4]),
  ...side([127.7, 50.4], [127.4, 50.4]),
  ...side([127.4, 50.4], [127.4, 50.2]),
  [127.4, 50.2],
];
const polygon = { type: "Polygon", coordinates: [square] };

describe("readBoundary", () => {
  it("takes a Polygon, bare, as a Feature or as the only feature of a collection, and simplifies it", () => {
    for (const input of [
      polygon,
      { type: "Feature", properties: {}, geometry: polygon },
      { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: polygon }] },
    ]) {
      const result = readBoundary(bytes(input));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.geometry.type).toBe("Polygon");
      expect(result.vertexCount).toBeLessThan(20);
      expect(result.vertexCount).toBeGreaterThanOrEqual(4);
    }
  });

  it("takes a MultiPolygon", () => {
    const result = readBoundary(bytes({ type: "MultiPolygon", coordinates: [[square]] }));
    expect(result.ok && result.geometry.type).toBe("MultiPolygon");
  });

  it.each([
    ["an empty file", "", "missing"],
    ["a file that is not JSON", "{ not json", "notJson"],
    ["JSON that is not GeoJSON", { hello: "world" }, "notGeoJson"],
    ["a point", { type: "Point", coordinates: [127.5, 50.3] }, "geometryType"],
    ["a line", { type: "LineString", coordinates: square }, "geometryType"],
    ["two features", { type: "FeatureCollection", features: [{}, {}] }, "featureCount"],
    [
      "a longitude out of range",
      {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [190, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      },
      "coordinates",
    ],
    [
      "a latitude out of range",
      {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [1, 95],
            [0, 1],
            [0, 0],
          ],
        ],
      },
      "coordinates",
    ],
    [
      "text for a number",
      {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            ["1", 0],
            [0, 1],
            [0, 0],
          ],
        ],
      },
      "coordinates",
    ],
    [
      "an open ring",
      {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      "ringOpen",
    ],
    [
      "a ring of three points",
      {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      },
      "ringShort",
    ],
  ])("refuses %s with a translated reason", (_, input, error) => {
    const result = readBoundary(bytes(input));
    expect(result).toMatchObject({ ok: false, error });
    for (const locale of ["kk", "ru", "en"] as const) {
      const text = translator(locale)(`boundary.error.${error as BoundaryError}`, { count: 2 });
      expect(text).not.toContain("boundary.error");
    }
  });

  it("refuses a file over the size limit before reading it", () => {
    expect(readBoundary(new Uint8Array(MAX_BOUNDARY_BYTES + 1))).toEqual({ ok: false, error: "tooLarge" });
  });
});
