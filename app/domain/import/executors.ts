import { tidy } from "./text";

// Several executors in one cell: separated by commas, semicolons and new lines, but never inside quotes
// («...», "...") or parentheses, where a comma belongs to the name («ҚР Мәдениет және ақпарат
// министрлігі (келісім бойынша), облыс әкімдігі»).

const OPENERS: Record<string, string> = { "«": "»", "(": ")", "[": "]", "“": "”", "„": "“" };
const SEPARATORS = new Set([",", ";", "\n", "\r"]);
/** Notes beside a name that are not part of it: «(по согласованию)», «*», «и др.». */
const NOTES =
  /\s*\((?:по согласованию|по согл\.?|келісім бойынша|келісімі бойынша|келісу бойынша)\)|\s*\*+|\s+(?:и др\.?|и другие|және т\.?\s?б\.?|т\.б\.|және басқалар)$/gi;

export function splitExecutors(text: string): string[] {
  const names = splitOutsideQuotes(text);
  // A quote never closed («ТОО «Алтын Дала, …) would hold every name after it: split them plainly then.
  return names.unbalanced ? splitOutsideQuotes(text.replace(/[«»"“”„()[\]]/g, " ")).names : names.names;
}

function splitOutsideQuotes(text: string): { names: string[]; unbalanced: boolean } {
  const names: string[] = [];
  const closers: string[] = [];
  let straightQuote = false;
  let name = "";
  const finish = () => {
    const clean = tidy(tidy(name).replace(NOTES, ""))
      .replace(/^[-–—•·*\d.)]+\s+/, "")
      .replace(/[.,;]+$/, "");
    if (clean !== "" && !names.includes(clean)) names.push(clean);
    name = "";
  };
  for (const char of text) {
    if (char === '"') straightQuote = !straightQuote;
    else if (OPENERS[char] !== undefined) closers.push(OPENERS[char] as string);
    else if (closers.length > 0 && char === closers[closers.length - 1]) closers.pop();
    if (SEPARATORS.has(char) && closers.length === 0 && !straightQuote) finish();
    else name += char;
  }
  finish();
  return { names, unbalanced: closers.length > 0 || straightQuote };
}
