// A table in a pdfkit document that never breaks a word inside: pdfkit wraps at spaces, and cuts a
// word only when the word alone is wider than its cell. So every column but the first is made as wide
// as the widest word it holds (header or cell), and the first takes what is left. When what is left
// is too narrow for titles, the table needs a landscape page.

export interface PdfColumn {
  title: string;
  align: "left" | "right";
}

/** Measures a text's width in points in the table's font (bold for the header). */
export type MeasureText = (text: string, bold: boolean) => number;

export const CELL_PADDING = 3;
/** The first column (titles) below this width would wrap every title into a tall, thin strip. */
export const MIN_FIRST_COLUMN = 170;
/** A figure column is at least this wide, so that short headers do not make cramped columns. */
const MIN_FIGURE_COLUMN = 40;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The widest single word of the texts, with the space after it: pdfkit measures a word so when it wraps. */
function widestWord(texts: string[], bold: boolean, measure: MeasureText): number {
  return Math.max(0, ...texts.flatMap((text) => words(text).map((word) => measure(`${word} `, bold))));
}

/**
 * Column widths (points) for a table `available` points wide: each figure column as wide as its widest
 * word plus padding, the first the rest; null when the first column would be narrower than
 * MIN_FIRST_COLUMN (the caller then lays the table out on a wider page).
 */
export function columnWidths(
  columns: PdfColumn[],
  rows: string[][],
  available: number,
  measure: MeasureText,
): number[] | null {
  const figures = columns.slice(1).map((column, index) => {
    const widest = Math.max(
      widestWord([column.title], true, measure),
      widestWord(
        rows.map((row) => row[index + 1] ?? ""),
        false,
        measure,
      ),
    );
    return Math.max(MIN_FIGURE_COLUMN, Math.ceil(widest) + 2 * CELL_PADDING + 1);
  });
  const first = available - figures.reduce((sum, width) => sum + width, 0);
  if (first < MIN_FIRST_COLUMN) return null;
  return [first, ...figures];
}

/**
 * Draws the table from the document's current position; on each new page the header row is drawn
 * again, so that every page can be read alone.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  table: {
    columns: PdfColumn[];
    widths: number[];
    rows: string[][];
    fontSize: number;
    left: number;
    bottom: number;
    /** Starts a page like the table's own (pdfkit's addPage() alone takes the document's first layout). */
    newPage: () => void;
  },
) {
  const { columns, widths, fontSize, left } = table;
  const right = left + widths.reduce((sum, width) => sum + width, 0);
  const heightOf = (cells: string[], bold: boolean) =>
    Math.max(
      ...cells.map((cell, i) =>
        doc
          .font(bold ? "bold" : "regular")
          .fontSize(fontSize)
          .heightOfString(cell, { width: widths[i]! - 2 * CELL_PADDING }),
      ),
    ) +
    2 * CELL_PADDING;
  const draw = (cells: string[], bold: boolean, height: number) => {
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc
        .font(bold ? "bold" : "regular")
        .fontSize(fontSize)
        .fillColor("#000000")
        .text(cell, x + CELL_PADDING, y + CELL_PADDING, {
          width: widths[i]! - 2 * CELL_PADDING,
          align: columns[i]!.align,
        });
      x += widths[i]!;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(right, y + height)
      .lineWidth(bold ? 0.8 : 0.5)
      .strokeColor(bold ? "#495057" : "#adb5bd")
      .stroke();
    doc.x = left;
    doc.y = y + height;
  };
  const header = columns.map((column) => column.title);
  const headerHeight = heightOf(header, true);
  // A header alone at a page's foot says nothing: it goes over with its first row.
  const firstRow = table.rows[0] ? heightOf(table.rows[0], false) : 0;
  if (doc.y + headerHeight + firstRow > table.bottom) table.newPage();
  draw(header, true, headerHeight);
  for (const row of table.rows) {
    const height = heightOf(row, false);
    if (doc.y + height > table.bottom) {
      table.newPage();
      draw(header, true, headerHeight);
    }
    draw(row, false, height);
  }
}

const A4 = { short: 595.28, long: 841.89 };

/**
 * The A4 page a table needs: portrait when its titles keep a readable column there, else landscape.
 * Titles too long even for landscape get equal figure columns (only then may a word break).
 */
export function tableLayout(columns: PdfColumn[], rows: string[][], measure: MeasureText, margin: number) {
  const portrait = columnWidths(columns, rows, A4.short - 2 * margin, measure);
  if (portrait)
    return { layout: "portrait" as const, widths: portrait, width: A4.short - 2 * margin, bottom: A4.long - margin };
  const width = A4.long - 2 * margin;
  const figure = (width - MIN_FIRST_COLUMN) / (columns.length - 1);
  const widths = columnWidths(columns, rows, width, measure) ?? [
    MIN_FIRST_COLUMN,
    ...columns.slice(1).map(() => figure),
  ];
  return { layout: "landscape" as const, widths, width, bottom: A4.short - margin };
}
