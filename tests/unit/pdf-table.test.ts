import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { CELL_PADDING, columnWidths, drawTable, tableLayout, type PdfColumn } from "~/domain/meetings/pdf-table";
import { translator } from "~/i18n/i18n";
import { LOCALES } from "~/i18n/locales";

const require = createRequire(import.meta.url);
const MARGIN = 56;

/** A portrait A4 document in the protocol's fonts; its pages' text comes back from `pages()`. */
function document() {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, autoFirstPage: false });
  doc.registerFont("regular", require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
  doc.registerFont("bold", require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on("end", resolve));
  const pages = async () => {
    doc.end();
    await ended;
    const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
    // Lines wrap where the cell ends them: compare words, not lines.
    return (await extractText(pdf)).text.map((page) => page.replace(/\s+/g, " "));
  };
  const measure = (text: string, bold: boolean) =>
    doc
      .font(bold ? "bold" : "regular")
      .fontSize(8.5)
      .widthOfString(text);
  return { doc, pages, measure };
}

const annexColumns = (locale: (typeof LOCALES)[number]): PdfColumn[] => {
  const t = translator(locale);
  return [
    { title: t("meetings.links"), align: "left" },
    { title: t("figures.dueToDate"), align: "right" },
    { title: t("figures.yearPlan", { year: 2024 }), align: "right" },
    { title: t("meetings.plan"), align: "right" },
    { title: t("meetings.fact"), align: "right" },
    { title: t("meetings.peopleReached"), align: "right" },
  ];
};
const row = (i: number) => [
  `2.${i}. Отбасындағы зорлық-зомбылықтың алдын алу, түсіндірме жұмыстарын жүргізу`,
  "93,2%",
  "бұл кезеңде жоспар жоқ",
  "14 524",
  "8 498",
  "12 064",
];

describe("the protocol annex's table", () => {
  it.each(LOCALES)("in %s, makes every figure column as wide as the widest word it holds", (locale) => {
    const { doc, measure } = document();
    doc.addPage();
    const columns = annexColumns(locale);
    const rows = [row(1)];
    const widths = columnWidths(columns, rows, 842 - 2 * MARGIN, measure)!;
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(842 - 2 * MARGIN, 6);
    columns.slice(1).forEach((column, i) => {
      for (const word of [...column.title.split(" "), ...rows[0]![i + 1]!.split(" ")]) {
        expect(measure(word, true), `«${word}»`).toBeLessThanOrEqual(widths[i + 1]! - 2 * CELL_PADDING);
      }
    });
  });

  it("leaves too little for titles on a portrait page when the headers are long: the annex then turns landscape", () => {
    const { doc, measure } = document();
    doc.addPage();
    expect(columnWidths(annexColumns("kk"), [row(1)], 595.28 - 2 * MARGIN, measure)).toBeNull();
  });

  it.each(LOCALES)("in %s, prints its header words whole, again on every page", async (locale) => {
    const { doc, pages, measure } = document();
    const columns = annexColumns(locale);
    const rows = Array.from({ length: 40 }, (_, i) => row(i + 1));
    const { layout, widths, bottom } = tableLayout(columns, rows, measure, MARGIN);
    const newPage = () => doc.addPage({ size: "A4", layout, margin: MARGIN });
    newPage();
    drawTable(doc, { columns, widths, rows, fontSize: 8.5, left: MARGIN, bottom, newPage });
    const texts = await pages();
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      for (const column of columns) expect(text).toContain(column.title);
    }
  });
});
