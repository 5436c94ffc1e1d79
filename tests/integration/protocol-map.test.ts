import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "~db/seed";
import type { Database } from "~db/schema";
import { RAG_FILL } from "~/components/rag";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { meetingView, type MeetingView } from "~/domain/meetings/meeting-view.server";
import { renderProtocolPdf } from "~/domain/meetings/protocol-pdf.server";
import { createTestDatabase, engineName } from "./test-database";

// The protocol PDF of the demo's «Miras» meeting, whose agenda compares the youth and culture sections
// across Shymkent's five districts (frozen when it was held): its annex draws the map, and each shape
// is filled with the band its frozen row has. The page is rendered with pdftoppm (poppler-utils) and
// the colours of the bands are counted in the pixels.

const TODAY = "2026-11-22";
const TIME_ZONE = "Asia/Almaty";
type Band = keyof typeof RAG_FILL;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** Each page of the PDF as raw RGB pixels, at 100 dpi. */
async function pagesOf(pdf: Buffer): Promise<Array<{ data: Buffer; width: number; height: number; file: string }>> {
  const dir = mkdtempSync(join(tmpdir(), "protocol-map-"));
  writeFileSync(join(dir, "protocol.pdf"), pdf);
  execFileSync("pdftoppm", ["-r", "100", "-png", join(dir, "protocol.pdf"), join(dir, "page")]);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".png"))
    .sort();
  const pages = [];
  for (const name of files) {
    const file = join(dir, name);
    const { data, info } = await sharp(readFileSync(file)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    pages.push({ data, width: info.width, height: info.height, file });
  }
  if (process.env.KEEP_PROTOCOL_PNG) return pages;
  rmSync(dir, { recursive: true });
  return pages;
}

/** Pixels within a small distance of each band's colour (the hatching leaves most of a shape's own colour). */
function bandPixels(page: { data: Buffer }): Record<Band, number> {
  const targets = (Object.keys(RAG_FILL) as Band[]).map(
    (band) => [band, band === "none" ? rgb("#dee2e6") : rgb(RAG_FILL[band])] as const,
  );
  const counts = { green: 0, amber: 0, red: 0, none: 0 } as Record<Band, number>;
  for (let i = 0; i < page.data.length; i += 3) {
    for (const [band, [r, g, b]] of targets) {
      if (Math.abs(page.data[i]! - r) + Math.abs(page.data[i + 1]! - g) + Math.abs(page.data[i + 2]! - b) < 24) {
        counts[band] += 1;
      }
    }
  }
  return counts;
}

describe(`the protocol PDF's territory map on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let view: MeetingView;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    await seedDemoData(db, { today: TODAY });
    const user = await db
      .selectFrom("app_user")
      .select("id")
      .where("login", "=", "miras.secretary")
      .executeTakeFirstOrThrow();
    const meeting = await db
      .selectFrom("meeting")
      .select("id")
      .where("frozen_at", "is not", null)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    view = await meetingView(db, (await loadPrincipal(db, user.id))!, meeting.id, "kk", TODAY, TIME_ZONE);
  }, 240_000);
  afterAll(() => close());

  it("freezes each section's execution across the council's five districts, and the map has their shapes", () => {
    const compared = view.agenda.flatMap((item) => item.links).filter((link) => link.territories.length > 0);
    expect(compared.map((link) => link.kind)).toEqual(compared.map(() => "section"));
    expect(compared.length).toBeGreaterThan(0);
    expect(view.territoryMap?.shapes).toHaveLength(5);
    for (const link of compared) {
      for (const row of link.territories) expect(view.territoryMap!.shapes.map((s) => s.id)).toContain(row.id);
    }
  });

  it("draws the shapes on the annex in the colours of the frozen rows' bands", async () => {
    const pdf = await renderProtocolPdf(view, "kk");
    const pages = await pagesOf(pdf);
    const compared = view.agenda.flatMap((item) => item.links).filter((link) => link.territories.length > 0);
    const expected = new Set(compared.flatMap((link) => link.territories.map((row) => row.rag ?? "none")));
    // A few shapes' worth of colour: a district at this scale is thousands of pixels; a legend swatch ≈ 60.
    const annex = pages.slice(1).map(bandPixels);
    for (const band of expected) expect(Math.max(...annex.map((counts) => counts[band])), band).toBeGreaterThan(1500);
    // The minutes themselves (page 1) carry no map.
    const first = bandPixels(pages[0]!);
    expect(first.green + first.amber + first.red).toBeLessThan(50);
  }, 60_000);
});
