import {
  AlignmentType,
  Document,
  Packer,
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
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { DOCX_TABLE_END, docxTableRow, docxTableStart, xmlText, type DocxRow } from "~/domain/export/docx-table";
import type { ExecutionReport } from "~/domain/export/execution-report.server";
import { reportToDocx } from "~/domain/export/report-docx.server";

// The execution report's table is written as WordprocessingML text (docs/decisions/0036): it must be the
// table `docx` itself writes for the same rows, so that the document looks as it did, and stay XML that
// Word opens whatever a measure's text holds.

const LAYOUT = {
  columnWidths: [688, 2752, 1376, 1789, 1238, 1100, 1100, 1100, 1238, 2752],
  margins: { top: 40, bottom: 40, left: 70, right: 70 },
  font: "Times New Roman",
};
const TABLE_WIDTH = 15138;

const ROWS: DocxRow[] = [
  {
    header: true,
    cantSplit: true,
    cells: LAYOUT.columnWidths.map((_, index) => ({
      lines: [`Графа ${index}`],
      bold: true,
      center: true,
      shade: "E7ECF3",
      size: 16,
    })),
  },
  { cantSplit: true, cells: [{ lines: ["1. Раздел «Әлеуметтік» <&>"], bold: true, shade: "F1F3F5", span: 10 }] },
  {
    cells: [
      { lines: ["1.1"], center: true },
      { lines: ["Строительство \"школ\" и 'садов'"] },
      { lines: [] },
      ...LAYOUT.columnWidths.slice(3, 9).map(() => ({ lines: ["1 234,5"], center: true })),
      { lines: ["01.02.2026: начато", "01.03.2026: ғимарат  салынды"], size: 18 },
    ],
  },
  {
    cantSplit: true,
    cells: [
      { lines: ["Барлығы"], bold: true, span: 8 },
      { lines: ["95 %"], bold: true, center: true },
      { lines: [""] },
    ],
  },
];

/** The same rows as `docx` objects, as the report built them before. */
function docxLibraryTable(rows: DocxRow[]): Table {
  let column = 0;
  const cell = (options: DocxRow["cells"][number]) => {
    const span = options.span ?? 1;
    const width = LAYOUT.columnWidths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
    column += span;
    return new TableCell({
      children: (options.lines.length ? options.lines : [""]).map(
        (line) =>
          new Paragraph({
            alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [new TextRun({ text: line, bold: options.bold, size: options.size ?? 20, font: LAYOUT.font })],
          }),
      ),
      columnSpan: span > 1 ? span : undefined,
      width: { size: width, type: WidthType.DXA },
      margins: LAYOUT.margins,
      verticalAlign: VerticalAlign.TOP,
      shading: options.shade ? { type: ShadingType.CLEAR, fill: options.shade, color: "auto" } : undefined,
    });
  };
  return new Table({
    rows: rows.map((row) => {
      column = 0;
      return new TableRow({ tableHeader: row.header, cantSplit: row.cantSplit, children: row.cells.map(cell) });
    }),
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: LAYOUT.columnWidths,
    layout: TableLayoutType.FIXED,
  });
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  return strFromU8(unzipSync(bytes)["word/document.xml"]!);
}

/** Throws unless the text is well-formed XML 1.0 (saxes checks every character too). */
function parseXml(xml: string): string[] {
  const texts: string[] = [];
  const parser = new SaxesParser();
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("text", (text) => texts.push(text));
  parser.write(xml).close();
  return texts;
}

describe("the report's table written as text", () => {
  it("is the table docx writes for the same rows: widths, spans, margins, shading, fonts, sizes, header rows, cantSplit", async () => {
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [docxLibraryTable(ROWS)] }] }));
    const xml = await documentXml(new Uint8Array(bytes));
    const fromDocx = xml.slice(xml.indexOf("<w:tbl>"), xml.indexOf(DOCX_TABLE_END) + DOCX_TABLE_END.length);
    const written =
      docxTableStart(LAYOUT, TABLE_WIDTH) + ROWS.map((row) => docxTableRow(row, LAYOUT)).join("") + DOCX_TABLE_END;
    expect(written).toBe(fromDocx);
  });

  it("escapes markup and drops the characters XML 1.0 does not allow, keeping every letter", () => {
    const text =
      "a < b && c > \"d\" 'e' \u0001\u0008\u000b\u001f\ufffe\uffff\ud800 end\uDC00 ә ғ қ ң ө ұ ү һ і ₸ 😀\ttab\nline";
    const escaped = xmlText(text);
    expect(escaped).toBe(
      "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &apos;e&apos;  end ә ғ қ ң ө ұ ү һ і ₸ 😀\ttab\nline",
    );
    expect(parseXml(`<t a="${escaped}">${escaped}</t>`)).toEqual([
      "a < b && c > \"d\" 'e'  end ә ғ қ ң ө ұ ү һ і ₸ 😀\ttab\nline",
    ]);
  });
});

describe("the DOCX execution report", () => {
  const report: ExecutionReport = {
    titleLines: ["Жол картасының орындалу барысы туралы ақпарат", "2026 ж. 30 қыркүйек жағдай бойынша"],
    headers: [
      "№",
      "Іс-шара",
      "Аяқталу нысаны",
      "Жауапты орындаушылар",
      "Мерзімі",
      "Жоспар",
      "Жылдық жоспар",
      "Факт",
      "Орындалу, %",
      "Барысы",
    ],
    rows: [
      { kind: "section", label: "1. Білім <беру> & ғылым" },
      {
        kind: "measure",
        measureId: 1,
        number: "1.1",
        title: "Мектеп\u0007 салу \ud83d «100 орын»",
        completionForm: "Акт",
        responsible: "Білім басқармасы",
        deadline: { date: "2026-12-31", text: null },
        plan: 10,
        yearPlan: 20,
        fact: 7.5,
        execution: 0.75,
        narrative: ["01.03.2026: жоба\u0000 дайын", "01.06.2026: құрылыс басталды"],
      },
      {
        kind: "measure",
        measureId: 2,
        number: "1.2",
        title: "Балабақша",
        completionForm: "",
        responsible: "Әкімдік",
        deadline: { date: "2026-12-31", text: "тоқсан сайын" },
        plan: 0,
        yearPlan: 0,
        fact: 0,
        execution: null,
        narrative: [],
      },
    ],
    total: { label: "Барлығы", execution: 0.75 },
    noPlan: "жоспар жоқ",
    locale: "kk",
    fileName: "report.docx",
    asciiFileName: "report.docx",
  };

  it("opens as a package of well-formed parts holding the title, the rows and the total, in their order", async () => {
    const files = unzipSync(await reportToDocx(report));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml"]),
    );
    for (const [path, bytes] of Object.entries(files)) {
      if (/\.(xml|rels)$/.test(path)) parseXml(strFromU8(bytes));
    }
    const xml = strFromU8(files["word/document.xml"]!);
    const texts = parseXml(xml).join("|");
    expect(texts).toContain("Жол картасының орындалу барысы туралы ақпарат|2026 ж. 30 қыркүйек жағдай бойынша");
    expect(texts).toContain("|1. Білім <беру> & ғылым|1.1|Мектеп салу  «100 орын»|Акт|Білім басқармасы|");
    // An empty cell (no completion form, no narrative, the total's last) still has its paragraph, with no text.
    expect(texts).toContain("|2026 ж. 31 желтоқсан|10|20|7,5|75%|01.03.2026: жоба дайын|01.06.2026: құрылыс басталды|");
    expect(texts).toContain("|1.2|Балабақша|Әкімдік|тоқсан сайын|0|0|0|жоспар жоқ|Барлығы|75%");
    expect(xml.match(/<w:tc>/g)).toHaveLength(10 + 10 + 1 + 10 + 10 + 3);
    expect(xml.match(/<w:t xml:space="preserve"><\/w:t>/g)).toHaveLength(3);
    expect(xml).not.toContain("oryndau-table-");
    // One table, after the title; its two header rows repeat on every page.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });
});
