import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { formatDate, formatNumber, formatPercent } from "~/i18n/format";
import type { ExecutionReport } from "./execution-report.server";

// The execution report as a Word document, the form akimats send upward: A4 landscape, the title
// lines, one table whose header row repeats on every page, section rows spanning the table. Times New
// Roman has every Kazakh letter (ә ғ қ ң ө ұ ү һ і) on Windows, where these documents are opened.

const FONT = "Times New Roman";
// A4 in twentieths of a point; docx swaps width and height for landscape.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 850;
const TABLE_WIDTH = A4.height - 2 * MARGIN;
// Figure columns wide enough for «Исполнение, %» and «Орындалу, %» in 8 pt without breaking a word.
const SHARES = [5, 20, 10, 13, 9, 8, 8, 8, 9, 20];
const COLUMN_WIDTHS = SHARES.map((share) => Math.floor((TABLE_WIDTH * share) / 110));

const cellMargins = { top: 40, bottom: 40, left: 70, right: 70 };

function paragraphs(lines: string[], options: { bold?: boolean; size?: number; center?: boolean } = {}) {
  return (lines.length ? lines : [""]).map(
    (line) =>
      new Paragraph({
        alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: line, bold: options.bold, size: options.size ?? 20, font: FONT })],
      }),
  );
}

function cell(
  lines: string[],
  index: number,
  options: { bold?: boolean; center?: boolean; shade?: string; span?: number; size?: number } = {},
) {
  const span = options.span ?? 1;
  const width = COLUMN_WIDTHS.slice(index, index + span).reduce((sum, value) => sum + value, 0);
  return new TableCell({
    children: paragraphs(lines, options),
    columnSpan: span > 1 ? span : undefined,
    width: { size: width, type: WidthType.DXA },
    margins: cellMargins,
    verticalAlign: VerticalAlign.TOP,
    shading: options.shade ? { type: ShadingType.CLEAR, fill: options.shade, color: "auto" } : undefined,
  });
}

export async function reportToDocx(report: ExecutionReport): Promise<Uint8Array> {
  const { headers: headerTexts, locale } = report;
  const number = (value: number) => formatNumber(locale, value, 3);
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: headerTexts.map((text, index) =>
        cell([text], index, { bold: true, center: true, shade: "E7ECF3", size: 16 }),
      ),
    }),
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: headerTexts.map((_, index) => cell([String(index + 1)], index, { center: true, size: 16 })),
    }),
  ];
  for (const row of report.rows) {
    if (row.kind === "section") {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [cell([row.label], 0, { bold: true, shade: "F1F3F5", span: SHARES.length })],
        }),
      );
      continue;
    }
    rows.push(
      new TableRow({
        children: [
          cell([row.number], 0, { center: true }),
          cell([row.title], 1),
          cell([row.completionForm], 2),
          cell([row.responsible], 3),
          cell([row.deadline.text ?? formatDate(locale, row.deadline.date)], 4, { center: true }),
          cell([number(row.plan)], 5, { center: true }),
          cell([number(row.yearPlan)], 6, { center: true }),
          cell([number(row.fact)], 7, { center: true }),
          cell([row.execution === null ? report.noPlan : formatPercent(locale, row.execution)], 8, { center: true }),
          cell(row.narrative, 9, { size: 18 }),
        ],
      }),
    );
  }
  rows.push(
    new TableRow({
      cantSplit: true,
      children: [
        cell([report.total.label], 0, { bold: true, span: 8 }),
        cell([report.total.execution === null ? report.noPlan : formatPercent(locale, report.total.execution)], 8, {
          bold: true,
          center: true,
        }),
        cell([""], 9),
      ],
    }),
  );

  const [name = "", ...rest] = report.titleLines;
  const document = new Document({
    creator: "Oryndau",
    title: name,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: [
          ...paragraphs([name], { bold: true, size: 26, center: true }),
          ...paragraphs(rest, { size: 22, center: true }),
          new Paragraph({ children: [] }),
          new Table({
            rows,
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            columnWidths: COLUMN_WIDTHS,
            layout: TableLayoutType.FIXED,
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
