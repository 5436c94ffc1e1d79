import { tidy } from "./text";

// Several executors in one cell: separated by commas, semicolons and new lines, but never inside quotes
// («...», "...") or parentheses, where a comma belongs to the name («ҚР Мәдениет және ақпарат
// министрлігі (келісім бойынша), облыс әкімдігі»).
//
// A comma may also belong to a department's own name: «Управление культуры, спорта и туризма»,
// «Мәдениет, архивтер және құжаттама басқармасы». A part after a comma that begins in lower case is
// joined to the part before it when one of the two names no organisation at all (no «басқармасы»,
// «управление», «акимат», «орган», no abbreviation): «…басқармасы, аудандар әкімдіктері» stay two.

const OPENERS: Record<string, string> = { "«": "»", "(": ")", "[": "]", "“": "”", "„": "“" };
const SEPARATORS = new Set([",", ";", "\n", "\r"]);
/** Notes beside a name that are not part of it: «(по согласованию)», «*», «и др.». */
const NOTES =
  /\s*\((?:по согласованию|по согл\.?|келісім бойынша|келісімі бойынша|келісу бойынша)\)|\s*\*+|\s+(?:и др\.?|и другие|және т\.?\s?б\.?|т\.б\.|және басқалар)$/gi;

const ORGANISATION =
  /басқарм|бөлім|әкімд|әкімі|аппарат|департамент|министр|комитет|орталы|мекеме|ұйым|кәсіпор|партия|филиал|қоры|палата|кеңес|қызмет|инспекц|полиц|прокурат|университет|колледж|мектеп|управлени|отдел|аким|центр|орган|учрежден|организац|предприят|фонд|совет|ассоциац|служб|школ/i;
/** «УВП», «ЖСБ», «ТОО», «АҚ»: an organisation's abbreviation, in capitals. */
const ABBREVIATION = /(?:^|[\s«"])[A-ZА-ЯӘҒҚҢӨҰҮҺІ]{2,}(?=$|[\s»".,])/;
const LOWER_START = /^[a-zа-яёәғқңөұүһі]/;
const namesOrganisation = (text: string) => ORGANISATION.test(text) || ABBREVIATION.test(text);

export function splitExecutors(text: string): string[] {
  const split = splitOutsideQuotes(text);
  // A quote never closed («ТОО «Алтын Дала, …) would hold every name after it: split them plainly then.
  const parts = split.unbalanced ? splitOutsideQuotes(text.replace(/[«»"“”„()[\]]/g, " ")).parts : split.parts;
  const joined: Array<{ name: string; comma: boolean }> = [];
  for (const part of parts) {
    const previous = joined[joined.length - 1];
    if (
      previous?.comma &&
      LOWER_START.test(part.name) &&
      !(namesOrganisation(previous.name) && namesOrganisation(part.name))
    )
      joined[joined.length - 1] = { name: `${previous.name}, ${part.name}`, comma: part.comma };
    else joined.push(part);
  }
  return [...new Set(joined.map((part) => part.name))];
}

function splitOutsideQuotes(text: string): {
  parts: Array<{ name: string; comma: boolean }>;
  unbalanced: boolean;
} {
  const parts: Array<{ name: string; comma: boolean }> = [];
  const closers: string[] = [];
  let straightQuote = false;
  let name = "";
  const finish = (separator: string) => {
    const clean = tidy(tidy(name).replace(NOTES, ""))
      .replace(/^[-–—•·*\d.)]+\s+/, "")
      .replace(/[.,;]+$/, "");
    if (clean !== "") parts.push({ name: clean, comma: separator === "," });
    name = "";
  };
  for (const char of text) {
    if (char === '"') straightQuote = !straightQuote;
    else if (OPENERS[char] !== undefined) closers.push(OPENERS[char] as string);
    else if (closers.length > 0 && char === closers[closers.length - 1]) closers.pop();
    if (SEPARATORS.has(char) && closers.length === 0 && !straightQuote) finish(char);
    else name += char;
  }
  finish("");
  return { parts, unbalanced: closers.length > 0 || straightQuote };
}
