import type { FeatureCollection } from "geojson";
import type { LocalizedText } from "~db/schema";
import type { Boundary } from "./draw-map";
import districtsText from "./data/kz-districts.json?raw";
import regionsText from "./data/kz-regions.json?raw";

// The boundaries that ship with the app (app/domain/geo/data, copied from shared/geo by
// scripts/geo-data.ts; CC BY 4.0, credited under every map): Kazakhstan's 20 regions and 224 districts by KATO code.

export interface BundledShape {
  kato: string;
  name: LocalizedText;
  geometry: Boundary;
}

type Collection = FeatureCollection<Boundary, { kato: string; kk: string; ru: string; en: string }>;

let byKato: Map<string, BundledShape> | null = null;

function shapes(): Map<string, BundledShape> {
  if (!byKato) {
    byKato = new Map();
    for (const text of [regionsText, districtsText]) {
      for (const feature of (JSON.parse(text) as Collection).features) {
        const { kato, kk, ru, en } = feature.properties;
        byKato.set(kato, { kato, name: { kk, ru, en }, geometry: feature.geometry });
      }
    }
  }
  return byKato;
}

/** The bundled boundary of the territory with this KATO code, if the files hold it. */
export function bundledShape(kato: string | null): BundledShape | null {
  return kato === null ? null : (shapes().get(kato) ?? null);
}
