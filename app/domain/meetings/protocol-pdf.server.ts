import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { ragOf } from "~/domain/execution/execution";
import { RAG_FILL } from "~/components/rag";
import { formatDate, formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import type { MeetingView } from "./meeting-view.server";
import { markedText } from "~/i18n/marked";
import { drawTerritoryMap } from "./pdf-map";
import { drawTable, tableLayout, type PdfColumn } from "./pdf-table";

// The minutes as a PDF, drawn with pdfkit (no browser needed) in DejaVu Sans, whose glyphs cover
// every Kazakh letter (ә ғ қ ң ө ұ ү һ і) and ₸. The font comes from the npm package dejavu-fonts-ttf,
// so a fresh install has it.

const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

const MARGIN = 56;
const A4 = { width: 595.28, height: 841.89 };
const CONTENT = A4.width - 2 * MARGIN;
const TABLE_FONT = 8.5;

export function renderProtocolPdf(view: MeetingView, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const { meeting } = view;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${t("meetings.pdf.title")} — ${meeting.title}`, Author: view.council.title?.text ?? "" },
  });
  doc.registerFont("regular", FONT);
  doc.registerFont("bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const paragraph = (
    text: string,
    options: { bold?: boolean; size?: number; align?: "left" | "center" | "right" } = {},
  ) => {
    doc
      .font(options.bold ? "bold" : "regular")
      .fontSize(options.size ?? 11)
      .text(text, { align: options.align ?? "left", width: CONTENT });
  };
  const labelled = (label: string, text: string) => {
    doc.font("bold").fontSize(11).text(`${label}: `, { continued: true, width: CONTENT });
    doc.font("regular").text(text || "—");
  };

  // Heading: organisation, council, the document's title and number, date and place.
  paragraph(markedText(t, view.council.organisation), { bold: true, align: "center" });
  paragraph(markedText(t, view.council.title), { align: "center" });
  doc.moveDown(1);
  paragraph(meeting.number ? `${t("meetings.pdf.title")} № ${meeting.number}` : t("meetings.pdf.title"), {
    bold: true,
    size: 16,
    align: "center",
  });
  if (meeting.status !== "minutes_approved") paragraph(t("meetings.pdf.draft"), { size: 9, align: "center" });
  doc.moveDown(0.8);
  const top = doc.y;
  doc
    .font("regular")
    .fontSize(11)
    .text(formatDate(locale, meeting.date), MARGIN, top, { width: CONTENT / 2 });
  doc.text(markedText(t, meeting.place), MARGIN + CONTENT / 2, top, { width: CONTENT / 2, align: "right" });
  doc.x = MARGIN;
  doc.moveDown(1);

  labelled(t("meetings.pdf.chaired"), meeting.chairName ?? "");
  doc.moveDown(0.4);
  paragraph(`${t("meetings.pdf.present")}:`, { bold: true });
  view.attendees.forEach((a) => paragraph(`— ${a.name}${a.position ? `, ${markedText(t, a.position)}` : ""}`));
  doc.moveDown(0.8);

  paragraph(`${t("meetings.pdf.agendaHeading")}:`, { bold: true, align: "center" });
  view.agenda.forEach((item) =>
    paragraph(
      `${item.position}. ${markedText(t, item.title)}${item.speakerName ? ` (${item.speakerName}${item.speakerPosition ? `, ${markedText(t, item.speakerPosition)}` : ""})` : ""}`,
    ),
  );
  doc.moveDown(0.8);

  // Each item: heard — spoke — decided.
  view.agenda.forEach((item) => {
    paragraph(`${item.position}. ${markedText(t, item.title)}`, { bold: true });
    doc.moveDown(0.3);
    const parts = [
      ["heard", item.protocol.heard],
      ["spoke", item.protocol.spoke],
      ["decided", item.protocol.decided],
    ] as const;
    for (const [part, text] of parts) {
      if (!text.trim()) continue;
      paragraph(`${t(`meetings.${part}`)}:`, { bold: true });
      paragraph(text);
      doc.moveDown(0.3);
    }
    doc.moveDown(0.5);
  });

  // Decisions not tied to an agenda item are decided at the end.
  const general = view.decisions.filter((d) => d.agendaItemId === null);
  if (general.length) {
    paragraph(`${t("meetings.decided")}:`, { bold: true });
    general.forEach((d, index) => paragraph(decisionLine(t, locale, d, index)));
    doc.moveDown(0.5);
  }

  doc.moveDown(1.5);
  for (const [label, name] of [
    [t("meetings.pdf.signatureChair"), meeting.chairName],
    [t("meetings.pdf.signatureSecretary"), meeting.secretaryName],
  ] as const) {
    const y = doc.y;
    doc.font("regular").fontSize(11).text(label, MARGIN, y, { width: 160 });
    doc.text("____________________", MARGIN + 170, y, { width: 150 });
    doc.text(name ?? "", MARGIN + 330, y, { width: CONTENT - 330 });
    doc.x = MARGIN;
    doc.moveDown(1);
  }

  annex(doc, view, locale);

  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    // Below the bottom margin pdfkit would start a new page; the footer lives there on purpose.
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(8)
      .fillColor("#555555")
      .text(t("meetings.pdf.page", { page: page + 1 }), MARGIN, doc.page.height - MARGIN + 20, {
        width: doc.page.width - 2 * MARGIN,
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

function decisionLine(
  t: ReturnType<typeof translator>,
  locale: Locale,
  d: MeetingView["decisions"][number],
  index: number,
): string {
  const details = [
    markedText(t, d.department),
    d.deadline ? `${t("meetings.deadline")}: ${formatDate(locale, d.deadline)}` : null,
  ].filter(Boolean);
  return `${index + 1}. ${t(`meetings.kind.${d.kind}`)}: ${markedText(t, d.body)}${details.length ? ` (${details.join("; ")})` : ""}`;
}

/** The frozen figures of every agenda item: a table and a bar chart of execution. */
function annex(doc: PDFKit.PDFDocument, view: MeetingView, locale: Locale) {
  const t = translator(locale);
  const { meeting } = view;
  const columns: PdfColumn[] = [
    { title: t("meetings.links"), align: "left" },
    { title: t("figures.dueToDate"), align: "right" },
    { title: t("figures.yearPlan", { year: Number(meeting.asOf.slice(0, 4)) }), align: "right" },
    { title: t("meetings.plan"), align: "right" },
    { title: t("meetings.fact"), align: "right" },
    { title: t("meetings.peopleReached"), align: "right" },
  ];
  const tables = view.agenda.map((item) => ({
    item,
    rows: item.links.map((link) => {
      const f = link.figures;
      return [
        `${link.number ? `${link.number}. ` : ""}${markedText(t, link.title)}${f ? "" : ` (${t("meetings.noFigures")})`}`,
        f ? formatExecution(t, locale, f.execution) : "",
        f ? formatExecution(t, locale, f.yearExecution) : "",
        f ? formatNumber(locale, f.yearPlan) : "",
        f ? formatNumber(locale, f.yearFact) : "",
        f ? formatNumber(locale, f.peopleReached, 0) : "",
      ];
    }),
  }));
  // One orientation for the whole annex: portrait when every table's titles keep a readable column.
  const measure = (text: string, bold: boolean) =>
    doc
      .font(bold ? "bold" : "regular")
      .fontSize(TABLE_FONT)
      .widthOfString(text);
  const { layout, widths, width, bottom } = tableLayout(
    columns,
    tables.flatMap((table) => table.rows),
    measure,
    MARGIN,
  );
  const newPage = () => doc.addPage({ size: "A4", layout, margin: MARGIN });

  newPage();
  doc.font("bold").fontSize(14).fillColor("#000000").text(t("meetings.pdf.annex"), { width });
  doc
    .font("regular")
    .fontSize(10)
    .text(
      meeting.frozenAt
        ? t("meetings.pdf.asOfLine", { asOf: formatDate(locale, meeting.asOf), frozenAt: meeting.frozenAt })
        : t("meetings.plannedNote", { asOf: formatDate(locale, meeting.asOf) }),
      { width },
    );
  doc.moveDown(0.8);

  for (const { item, rows } of tables) {
    if (doc.y > bottom - 160) newPage();
    doc
      .font("bold")
      .fontSize(11)
      .fillColor("#000000")
      .text(`${item.position}. ${markedText(t, item.title)}`, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    drawTable(doc, { columns, widths, rows, fontSize: TABLE_FONT, left: MARGIN, bottom, newPage });
    doc.moveDown(0.6);
    bars(doc, item.links, locale, { width, bottom, newPage });
    doc.moveDown(1);
    for (const link of item.links) {
      if (!view.territoryMap || link.territories.length === 0) continue;
      drawTerritoryMap(doc, t, {
        title: `${t("geoMap.executionTitle")} — ${link.number ? `${link.number}. ` : ""}${markedText(t, link.title)}`,
        map: view.territoryMap,
        rows: link.territories.map((row) => ({
          id: row.id,
          name: markedText(t, row.name),
          figure: formatExecution(t, locale, row.execution),
          rag: row.rag,
        })),
        thresholds: link.thresholds,
        left: MARGIN,
        width,
        bottom,
        newPage,
      });
      doc.moveDown(1);
    }
  }
}

/** Execution of each link as a horizontal bar, with the amber threshold marked. */
function bars(
  doc: PDFKit.PDFDocument,
  links: MeetingView["agenda"][number]["links"],
  locale: Locale,
  page: { width: number; bottom: number; newPage: () => void },
) {
  const t = translator(locale);
  const shown = links.filter((link) => link.figures);
  if (shown.length === 0) return;
  // A landscape page gives the labels more room; the bars keep the rest.
  const labelWidth = Math.max(170, Math.round(page.width * 0.3));
  const valueWidth = 60;
  const barWidth = page.width - labelWidth - valueWidth;
  const rowHeight = 18;
  if (doc.y + rowHeight * shown.length + 16 > page.bottom) page.newPage();
  const top = doc.y;
  shown.forEach((link, index) => {
    const y = top + index * rowHeight;
    const execution = link.figures!.execution;
    const label = `${link.number ? `${link.number} ` : ""}${markedText(t, link.title)}`;
    doc
      .font("regular")
      .fontSize(8)
      .fillColor("#000000")
      .text(label, MARGIN, y + 4, { width: labelWidth - 8, height: rowHeight, ellipsis: true, lineBreak: false });
    doc
      .rect(MARGIN + labelWidth, y + 3, barWidth, rowHeight - 6)
      .fillColor("#f1f3f5")
      .fill();
    const width = Math.max(0, Math.min(1, execution ?? 0)) * barWidth;
    doc
      .rect(MARGIN + labelWidth, y + 3, width, rowHeight - 6)
      .fillColor(RAG_FILL[ragOf(execution, link.thresholds) ?? "none"])
      .fill();
    // A percentage goes after the bar; «no plan in this period» (longer, with no bar) inside the empty track.
    const value = formatExecution(t, locale, execution);
    const x = execution === null ? MARGIN + labelWidth + 4 : MARGIN + labelWidth + barWidth + 6;
    doc
      .font("bold")
      .fontSize(8.5)
      .fillColor("#000000")
      .text(value, x, y + 4, { width: execution === null ? barWidth - 8 : valueWidth - 6, lineBreak: false });
  });
  const amberX = MARGIN + labelWidth + (shown[0]!.thresholds.amber / 100) * barWidth;
  doc
    .moveTo(amberX, top)
    .lineTo(amberX, top + rowHeight * shown.length)
    .dash(3, { space: 3 })
    .lineWidth(0.8)
    .strokeColor("#d08700")
    .stroke()
    .undash();
  doc.x = MARGIN;
  doc.y = top + rowHeight * shown.length + 6;
}
