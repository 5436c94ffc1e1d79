import type { CellValue, Grid } from "./cells";

// A CSV as Excel saves it: «;» in the Russian and Kazakh locales, «,» elsewhere, tab for «Unicode
// text»; fields in double quotes may hold the delimiter, doubled quotes and new lines.

const DELIMITERS = [";", ",", "\t"] as const;

/** The delimiter used most, outside quotes, on the first lines. */
function delimiterOf(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 30; i++) {
    const char = text[i] as string;
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "\n") lines++;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

export function csvGrid(text: string, name: string): Grid {
  const delimiter = delimiterOf(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field.trim() === "" ? null : field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row.every((value) => value === null) ? [] : row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && field.trim() === "") {
      field = "";
      quoted = true;
    } else if (char === delimiter) endField();
    else if (char === "\n") endRow();
    else if (char !== "\r") field += char;
  }
  if (field !== "" || row.length > 0) endRow();
  return { name, rows, merges: [] };
}
