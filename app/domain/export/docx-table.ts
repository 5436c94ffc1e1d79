// A Word table written as WordprocessingML text, row by row (docs/decisions/0036). The `docx` library
// builds a table as a tree of objects and then as one string: for the execution report of a 5 000-measure
// road map that took more than 384 MB of heap. These functions write the same XML that `docx` writes for
// the table the report uses (its elements in its order), one row at a time, so that the rows can be
// compressed as they are written.

export interface DocxCell {
  /** One paragraph a line; no line still gives the cell its (empty) paragraph. */
  lines: string[];
  /** Grid columns the cell spans. */
  span?: number;
  bold?: boolean;
  center?: boolean;
  /** Background, as RRGGBB. */
  shade?: string;
  /** In half-points; 20 = 10 pt. */
  size?: number;
}

export interface DocxRow {
  cells: DocxCell[];
  /** Repeated at the top of every page. */
  header?: boolean;
  /** Kept on one page. */
  cantSplit?: boolean;
}

export interface DocxTableLayout {
  /** Each grid column's width, in twentieths of a point. */
  columnWidths: number[];
  /** Cell margins, in twentieths of a point. */
  margins: { top: number; bottom: number; left: number; right: number };
  font: string;
}

// XML 1.0 allows tab, line feed, carriage return and the characters from U+0020 on, except the surrogates
// (here: one left without its pair) and U+FFFE, U+FFFF. A measure's text pasted from another program can
// carry a control character; it is dropped, or the document would not open at all.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text as XML character data or attribute value: escaped, characters XML 1.0 forbids left out. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

/** The table's start: its width, borders, fixed layout and grid. Its rows follow, then `DOCX_TABLE_END`. */
export function docxTableStart(layout: DocxTableLayout, tableWidth: number): string {
  const border = (side: string) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`;
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("");
  const grid = layout.columnWidths.map((width) => `<w:gridCol w:w="${width}"/>`).join("");
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${tableWidth}"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>`
  );
}

export const DOCX_TABLE_END = "</w:tbl>";

/** One row: each cell as wide as the grid columns it spans, with the layout's margins and font. */
export function docxTableRow(row: DocxRow, layout: DocxTableLayout): string {
  const properties =
    row.cantSplit || row.header
      ? `<w:trPr>${row.cantSplit ? "<w:cantSplit/>" : ""}${row.header ? "<w:tblHeader/>" : ""}</w:trPr>`
      : "";
  const { top, left, bottom, right } = layout.margins;
  const margins =
    `<w:tcMar><w:top w:type="dxa" w:w="${top}"/><w:left w:type="dxa" w:w="${left}"/>` +
    `<w:bottom w:type="dxa" w:w="${bottom}"/><w:right w:type="dxa" w:w="${right}"/></w:tcMar>`;
  const font = xmlText(layout.font);
  const fonts = `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>`;
  let column = 0;
  let xml = `<w:tr>${properties}`;
  for (const cell of row.cells) {
    const span = cell.span ?? 1;
    const width = layout.columnWidths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
    column += span;
    const size = cell.size ?? 20;
    const run = `<w:rPr>${fonts}${cell.bold ? "<w:b/><w:bCs/>" : ""}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
    const paragraph = `<w:p><w:pPr><w:jc w:val="${cell.center ? "center" : "left"}"/></w:pPr><w:r>${run}`;
    xml +=
      `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>` +
      (span > 1 ? `<w:gridSpan w:val="${span}"/>` : "") +
      (cell.shade ? `<w:shd w:fill="${xmlText(cell.shade)}" w:color="auto" w:val="clear"/>` : "") +
      `${margins}<w:vAlign w:val="top"/></w:tcPr>`;
    for (const line of cell.lines.length ? cell.lines : [""]) {
      xml += `${paragraph}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>`;
    }
    xml += "</w:tc>";
  }
  return `${xml}</w:tr>`;
}
