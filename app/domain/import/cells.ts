// A sheet as a grid of plain values, whatever file it came from (an .xlsx read by exceljs, or a CSV),
// with its merged ranges: the reader's rules need nothing else.

export type CellValue = string | number | Date | boolean | null;

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  name: string;
  /** `rows[r - 1][c - 1]`: 1-based row and column, as exceljs counts; a merged range's value only on its master. */
  rows: CellValue[][];
  merges: MergedRange[];
  /** Rows hidden in Excel (or by a filter left on) that hold values: read like the others, and said so. */
  hiddenRows?: number[];
}

/** A grid with its merged ranges resolved: every cell of a range reads the master's value. */
export class SheetGrid {
  readonly name: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly hiddenRows: number[];
  private readonly rows: CellValue[][];
  /** Per row: column → the range covering it (only rows that have merged cells). */
  private readonly rangeAt = new Map<number, Map<number, MergedRange>>();

  constructor(grid: Grid) {
    this.name = grid.name;
    this.rows = grid.rows;
    this.hiddenRows = grid.hiddenRows ?? [];
    this.rowCount = grid.rows.length;
    this.columnCount = grid.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
    for (const range of grid.merges) {
      for (let r = range.top; r <= range.bottom; r++) {
        let columns = this.rangeAt.get(r);
        if (!columns) this.rangeAt.set(r, (columns = new Map()));
        for (let c = range.left; c <= range.right; c++) columns.set(c, range);
      }
    }
  }

  /** The cell's own value: null on a merged range's other cells. */
  own(row: number, column: number): CellValue {
    return this.rows[row - 1]?.[column - 1] ?? null;
  }

  /** The value shown in the cell: the master's for every cell of a merged range. */
  shown(row: number, column: number): CellValue {
    const range = this.rangeAt.get(row)?.get(column);
    return range ? this.own(range.top, range.left) : this.own(row, column);
  }

  /**
   * The value a column holds in this row: a range merged down (one executor for several measures)
   * gives its value to every row, but a range merged across belongs to its first column only (a section
   * title spread over the table is not the deadline column's value).
   */
  down(row: number, column: number): CellValue {
    const range = this.rangeAt.get(row)?.get(column);
    if (!range) return this.own(row, column);
    return range.left === column ? this.own(range.top, range.left) : null;
  }

  /** The merged range covering the cell, if any. */
  range(row: number, column: number): MergedRange | null {
    return this.rangeAt.get(row)?.get(column) ?? null;
  }
}

/** «A», «Z», «AA»: a 1-based column index as a sheet names it. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** «AA» → 27; null when it is not a column name. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Z]{1,3}$/i.test(letters)) return null;
  return [...letters.toUpperCase()].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
}

export const cellAddress = (row: number, column: number) => `${columnLetter(column)}${row}`;

/** A value as text, for headers, titles and names: numbers as written, dates as dd.mm.yyyy. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  }
  return String(value);
}
