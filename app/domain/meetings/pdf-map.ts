import { RAG_FILL } from "~/components/rag";
import { shortName } from "~/components/map/choropleth-map";
import type { Rag, Thresholds } from "~/domain/execution/execution";
import type { TerritoryMap } from "~/domain/geo/boundaries.server";
import type { translator } from "~/i18n/i18n";
import { plainText } from "~/i18n/locales";

// The territory comparison's map in the protocol PDF, drawn with pdfkit from the same path strings
// the web map draws (drawMap's viewBox, scaled): the frozen rows decide each shape's band, so the map
// and its list beside it cannot disagree. Colour is never alone: amber is striped, red cross-hatched,
// a shape with no figures dotted, and the legend and the list carry the sign and the words.

type T = ReturnType<typeof translator>;
type Band = Rag | "none";

export interface MapRow {
  id: number;
  name: string;
  /** The figure as the annex writes it. */
  figure: string;
  rag: Rag | null;
}

const BANDS: Band[] = ["green", "amber", "red", "none"];
/** The signs of RagSign, in glyphs DejaVu Sans has. */
const SIGN: Record<Band, string> = { green: "✓", amber: "!", red: "✕", none: "–" };
const INK = "#212529";
const GAP = 14;
const LINE = 11;

/** Fills the current path-to-be with a band's colour and hatching; `draw` traces it (called twice). */
function fillBand(doc: PDFKit.PDFDocument, band: Band, draw: () => void, box: [number, number, number, number]) {
  draw();
  doc.fillColor(band === "none" ? "#dee2e6" : RAG_FILL[band]).fill();
  if (band === "green") return;
  const [x0, y0, x1, y1] = box;
  doc.save();
  draw();
  doc.clip();
  if (band === "none") {
    for (let y = y0 + 1.5; y < y1; y += 4)
      for (let x = x0 + 1.5; x < x1; x += 4) doc.circle(x, y, 0.5).fillColor("#868e96").fill();
  } else {
    const span = x1 - x0 + (y1 - y0);
    for (let d = 0; d < span; d += band === "amber" ? 5 : 4) doc.moveTo(x0 + d, y0).lineTo(x0 + d - (y1 - y0), y1);
    if (band === "red") for (let d = 0; d < span; d += 4) doc.moveTo(x1 - d, y0).lineTo(x1 - d + (y1 - y0), y1);
    doc
      .lineWidth(band === "amber" ? 1.6 : 1)
      .strokeColor("#ffffff")
      .strokeOpacity(band === "amber" ? 0.45 : 0.4)
      .stroke();
  }
  doc.restore();
}

/** A label readable on any band: dark text on a white halo, as the web map's paint-order stroke does. */
function haloText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number, bold: boolean) {
  doc.font(bold ? "bold" : "regular").fontSize(size);
  const width = doc.widthOfString(text);
  const options = { lineBreak: false, width: width + 2, align: "center" as const };
  doc.save();
  doc
    .lineWidth(2.2)
    .lineJoin("round")
    .strokeColor("#ffffff")
    .text(text, x - width / 2 - 1, y, { ...options, stroke: true, fill: false });
  doc.restore();
  doc.fillColor(INK).text(text, x - width / 2 - 1, y, options);
}

/**
 * Draws the map and, beside it, its legend and the list of every territory with its figure;
 * returns the y below the block (the attribution line included).
 */
export function drawTerritoryMap(
  doc: PDFKit.PDFDocument,
  t: T,
  input: {
    title: string;
    map: TerritoryMap;
    rows: MapRow[];
    thresholds: Thresholds;
    left: number;
    width: number;
    bottom: number;
    newPage: () => void;
  },
): number {
  const { map, rows, thresholds, left, width } = input;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const bandOf = (id: number): Band => byId.get(id)?.rag ?? "none";
  const shapes = map.shapes.map((shape) => ({
    ...shape,
    label: plainText(shape.name) || byId.get(shape.id)?.name || "",
  }));
  const numbers = new Map(shapes.filter((s) => s.small).map((s, index) => [s.id, index + 1]));
  const mapWidth = Math.min(340, Math.round(width * 0.6));
  const scale = mapWidth / map.width;
  const mapHeight = map.height * scale;
  const sideLeft = left + mapWidth + GAP;
  const sideWidth = width - mapWidth - GAP;
  // Every compared territory in the list, the numbered ones first (their number is their label).
  const listed = [
    ...shapes
      .filter((s) => numbers.has(s.id))
      .map((s) => ({ id: s.id, name: byId.get(s.id)?.name ?? s.label, number: numbers.get(s.id)! })),
    ...shapes
      .filter((s) => !numbers.has(s.id))
      .map((s) => ({ id: s.id, name: byId.get(s.id)?.name ?? s.label, number: null })),
    ...rows.filter((row) => !map.shapes.some((s) => s.id === row.id)).map((row) => ({ ...row, number: null })),
  ];
  const sideHeight = (BANDS.length + 1) * LINE + 8 + (listed.length + 1) * LINE;
  // The heading stays with its map: both move to the next page when the map does not fit.
  if (doc.y + Math.max(mapHeight, sideHeight) + 48 > input.bottom) input.newPage();
  doc.font("bold").fontSize(9.5).fillColor(INK).text(input.title, left, doc.y, { width });
  doc.moveDown(0.4);
  const top = doc.y;

  // The shapes, in the map's own units.
  doc.save();
  doc.translate(left, top).scale(scale);
  for (const shape of shapes) {
    fillBand(doc, bandOf(shape.id), () => doc.path(shape.d), [0, 0, map.width, map.height]);
  }
  for (const shape of shapes) doc.path(shape.d).lineWidth(1.2).lineJoin("round").strokeColor("#ffffff").stroke();
  doc.restore();

  // Labels in points, so that the type keeps its size whatever the scale.
  for (const shape of shapes) {
    const x = left + shape.labelAt[0] * scale;
    const y = top + shape.labelAt[1] * scale;
    const number = numbers.get(shape.id);
    if (number !== undefined) {
      doc.circle(x, y, 6).fillColor("#ffffff").fill();
      doc.circle(x, y, 6).lineWidth(0.7).strokeColor(INK).stroke();
      doc
        .font("bold")
        .fontSize(6.5)
        .fillColor(INK)
        .text(String(number), x - 6, y - 3.6, { width: 12, align: "center", lineBreak: false });
      continue;
    }
    const row = byId.get(shape.id);
    const figure = row?.rag ? row.figure : null;
    haloText(doc, shortName(shape.label), x, y - (figure ? 8 : 4), 7, true);
    if (figure) haloText(doc, figure, x, y + 0.5, 7.5, true);
  }

  // Legend: swatch, sign and words for each band.
  let y = top;
  doc.font("bold").fontSize(8).fillColor(INK).text(t("geoMap.legend"), sideLeft, y, { width: sideWidth });
  y += LINE;
  for (const band of BANDS) {
    const rect = () => doc.rect(sideLeft, y, 18, 9);
    fillBand(doc, band, rect, [sideLeft, y, sideLeft + 18, y + 9]);
    doc
      .font("regular")
      .fontSize(7.5)
      .fillColor(INK)
      .text(
        `${SIGN[band]}  ${t(`geoMap.band.${band}`, { green: thresholds.green, amber: thresholds.amber })}`,
        sideLeft + 24,
        y + 0.5,
        { width: sideWidth - 24, lineBreak: false, ellipsis: true },
      );
    y += LINE;
  }

  // The list: key, name, figure and sign, the table of the map.
  y += 8;
  doc.font("bold").fontSize(8).text(t("geoMap.listTitle"), sideLeft, y, { width: sideWidth });
  y += LINE;
  const figureWidth = 70;
  for (const entry of listed) {
    const row = byId.get(entry.id);
    const band: Band = row?.rag ?? "none";
    doc.font("bold").fontSize(7.5).fillColor(INK);
    doc.text(entry.number === null ? "" : String(entry.number), sideLeft, y, { width: 10, lineBreak: false });
    doc
      .font("regular")
      .text(entry.name, sideLeft + 12, y, { width: sideWidth - 12 - figureWidth, lineBreak: false, ellipsis: true });
    const text = row?.rag ? `${SIGN[band]} ${row.figure}` : `${SIGN.none} ${t("geoMap.noFigures")}`;
    doc.font(row?.rag ? "bold" : "regular").text(text, sideLeft + sideWidth - figureWidth, y, {
      width: figureWidth,
      align: "right",
      lineBreak: false,
      ellipsis: true,
    });
    y += LINE;
  }
  if (map.unmapped.some((u) => byId.has(u.id))) {
    const names = map.unmapped.filter((u) => byId.has(u.id)).map((u) => plainText(u.name));
    doc
      .font("regular")
      .fontSize(7)
      .fillColor("#555555")
      .text(t("geoMap.unmapped", { names: names.join(", ") }), sideLeft, y + 2, { width: sideWidth });
    y = doc.y;
  }

  const below = Math.max(top + mapHeight, y) + 4;
  doc
    .font("regular")
    .fontSize(7)
    .fillColor("#555555")
    .text(t("geoMap.attribution"), left, below, { width, lineBreak: false, ellipsis: true });
  doc.fillColor("#000000");
  doc.x = left;
  doc.y = below + LINE;
  return doc.y;
}
