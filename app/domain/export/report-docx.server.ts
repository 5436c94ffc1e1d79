import { AlignmentType, Document, Packer, PageOrientation, Paragraph, TextRun } from "docx";
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate } from "fflate";
import { formatDate, formatNumber, formatPercent } from "~/i18n/format";
import { DOCX_TABLE_END, docxTableRow, docxTableStart, type DocxCell, type DocxRow } from "./docx-table";
import type { ExecutionReport } from "./execution-report.server";

// The execution report as a Word document, the form akimats send upward: A4 landscape, the title
// lines, one table whose header row repeats on every page, section rows spanning the table. Times New
// Roman has every Kazakh letter (ә ғ қ ң ө ұ ү һ і) on Windows, where these documents are opened.
// `docx` builds the frame (styles, page, title lines); the table's rows are written as text and
// compressed as they are written (docs/decisions/0036): as `docx` objects, the 5 000 rows of a national
// road map took more than 384 MB of heap and 12 s.

const FONT = "Times New Roman";
// A4 in twentieths of a point; docx swaps width and height for landscape.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 850;
const TABLE_WIDTH = A4.height - 2 * MARGIN;
// Figure columns wide enough for «Исполнение, %» and «Орындалу, %» in 8 pt without breaking a word.
const SHARES = [5, 20, 10, 13, 9, 8, 8, 8, 9, 20];
const LAYOUT = {
  columnWidths: SHARES.map((share) => Math.floor((TABLE_WIDTH * share) / 110)),
  margins: { top: 40, bottom: 40, left: 70, right: 70 },
  font: FONT,
};
/** Rows written before their text is compressed: ≈ 300 kB of XML, a few MB of heap at most. */
const ROWS_A_CHUNK = 50;

function paragraphs(lines: string[], options: { bold?: boolean; size?: number; center?: boolean } = {}) {
  return (lines.length ? lines : [""]).map(
    (line) =>
      new Paragraph({
        alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: line, bold: options.bold, size: options.size ?? 20, font: FONT })],
      }),
  );
}

/** The table's rows in order: the two header rows, sections and measures, the total. */
function* tableRows(report: ExecutionReport): Generator<DocxRow> {
  const { headers, locale } = report;
  const number = (value: number) => formatNumber(locale, value, 3);
  const execution = (value: number | null) => (value === null ? report.noPlan : formatPercent(locale, value));
  yield {
    header: true,
    cantSplit: true,
    cells: headers.map((text) => ({ lines: [text], bold: true, center: true, shade: "E7ECF3", size: 16 })),
  };
  yield {
    header: true,
    cantSplit: true,
    cells: headers.map((_, index) => ({ lines: [String(index + 1)], center: true, size: 16 })),
  };
  for (const row of report.rows) {
    if (row.kind === "section") {
      yield { cantSplit: true, cells: [{ lines: [row.label], bold: true, shade: "F1F3F5", span: SHARES.length }] };
      continue;
    }
    const centred = (text: string): DocxCell => ({ lines: [text], center: true });
    yield {
      cells: [
        centred(row.number),
        { lines: [row.title] },
        { lines: [row.completionForm] },
        { lines: [row.responsible] },
        centred(row.deadline.text ?? formatDate(locale, row.deadline.date)),
        centred(number(row.plan)),
        centred(number(row.yearPlan)),
        centred(number(row.fact)),
        centred(execution(row.execution)),
        { lines: row.narrative, size: 18 },
      ],
    };
  }
  yield {
    cantSplit: true,
    cells: [
      { lines: [report.total.label], bold: true, span: 8 },
      { lines: [execution(report.total.execution)], bold: true, center: true },
      { lines: [""] },
    ],
  };
}

export async function reportToDocx(report: ExecutionReport): Promise<Uint8Array> {
  // The paragraph the table takes the place of: a text no report holds.
  const marker = `oryndau-table-${crypto.randomUUID()}`;
  const [name = "", ...rest] = report.titleLines;
  const frame = new Document({
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
          new Paragraph({ children: [new TextRun(marker)] }),
        ],
      },
    ],
  });
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(frame)));
  const documentXml = strFromU8(files["word/document.xml"]!);
  const markerParagraph = new RegExp(`<w:p>(?:(?!</w:p>).)*>${marker}</w:t></w:r></w:p>`).exec(documentXml);
  if (!markerParagraph) throw new Error("The DOCX frame lost the table's place");

  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [path, bytes] of Object.entries(files)) {
    const file = new ZipDeflate(path, { level: 6 });
    zip.add(file);
    if (path !== "word/document.xml") {
      file.push(bytes, true);
      continue;
    }
    let text = documentXml.slice(0, markerParagraph.index) + docxTableStart(LAYOUT, TABLE_WIDTH);
    let written = 0;
    for (const row of tableRows(report)) {
      text += docxTableRow(row, LAYOUT);
      if (++written % ROWS_A_CHUNK === 0) {
        file.push(strToU8(text));
        text = "";
      }
    }
    file.push(
      strToU8(text + DOCX_TABLE_END + documentXml.slice(markerParagraph.index + markerParagraph[0].length)),
      true,
    );
  }
  zip.end();
  if (failure) throw failure;
  const docx = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    docx.set(chunk, offset);
    offset += chunk.length;
  }
  return docx;
}
