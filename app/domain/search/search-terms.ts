// What a search query asks for, in a form the database can match by substring on every engine
// (PGlite and PostgreSQL alike, no extension): lower-case words cut to their stems. Kazakh is
// agglutinative («мектеп», «мектептерде», «мектебінің») and Russian inflects («школа», «школах»), so a
// word of the query matches a title word that shares its stem, whatever ending either one has.
// ADR 0026 says why this and not pg_trgm.

export const QUERY_MAX = 100;
const WORDS_MAX = 6;
/** A stem shorter than this matches too much; the word is then kept whole. */
const STEM_MIN = 4;

// Endings, longest first within each language. Kazakh: plural, possessive and case endings, which
// stack («-лар-ы-нда»); Russian: noun and adjective endings. Cut repeatedly while a stem remains.
const KAZAKH_ENDINGS = [
  "лардың",
  "лердің",
  "дардың",
  "дердің",
  "тардың",
  "тердің",
  "ларына",
  "леріне",
  "дарына",
  "деріне",
  "тарына",
  "теріне",
  "лардағы",
  "лердегі",
  "дардағы",
  "дердегі",
  "тардағы",
  "тердегі",
  "ларында",
  "лерінде",
  "дарында",
  "дерінде",
  "тарында",
  "терінде",
  "лардан",
  "лерден",
  "дардан",
  "дерден",
  "тардан",
  "терден",
  "ларға",
  "лерге",
  "дарға",
  "дерге",
  "тарға",
  "терге",
  "ларда",
  "лерде",
  "дарда",
  "дерде",
  "тарда",
  "терде",
  "лары",
  "лері",
  "дары",
  "дері",
  "тары",
  "тері",
  "лар",
  "лер",
  "дар",
  "дер",
  "тар",
  "тер",
  "ының",
  "інің",
  "ның",
  "нің",
  "дың",
  "дің",
  "тың",
  "тің",
  "ынан",
  "інен",
  "нан",
  "нен",
  "дан",
  "ден",
  "тан",
  "тен",
  "ында",
  "інде",
  "нда",
  "нде",
  "дағы",
  "дегі",
  "тағы",
  "тегі",
  "ндағы",
  "ндегі",
  "да",
  "де",
  "та",
  "те",
  "ына",
  "іне",
  "на",
  "не",
  "ға",
  "ге",
  "қа",
  "ке",
  "мен",
  "бен",
  "пен",
  "сы",
  "сі",
  "ғы",
  "гі",
  "қы",
  "кі",
  "ы",
  "і",
  "н",
];
const RUSSIAN_ENDINGS = [
  "иями",
  "ями",
  "ами",
  "ого",
  "его",
  "ому",
  "ему",
  "ыми",
  "ими",
  "ах",
  "ях",
  "ов",
  "ев",
  "ей",
  "ой",
  "ий",
  "ый",
  "ая",
  "яя",
  "ое",
  "ее",
  "ие",
  "ые",
  "ую",
  "юю",
  "ом",
  "ем",
  "ам",
  "ям",
  "ию",
  "ия",
  "ии",
  "а",
  "я",
  "ы",
  "и",
  "у",
  "ю",
  "е",
  "о",
  "ь",
];
const ENDINGS = [...new Set([...KAZAKH_ENDINGS, ...RUSSIAN_ENDINGS])].sort((a, b) => b.length - a.length);

/** Lower case, «ё» read as «е», anything but letters and digits a space. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}.]+/gu, " ")
    .trim();
}

/** A word without its endings, never shorter than STEM_MIN letters. */
export function stemOf(word: string): string {
  let stem = word;
  for (let cut = true; cut;) {
    cut = false;
    for (const ending of ENDINGS) {
      if (stem.endsWith(ending) && stem.length - ending.length >= STEM_MIN) {
        stem = stem.slice(0, -ending.length);
        cut = true;
        break;
      }
    }
  }
  // Kazakh voices a final «п/к/қ» before a vowel: «мектеп» → «мектебі», «кітап» → «кітабы».
  return stem.length > STEM_MIN ? stem.replace(/[бгғ]$/, "") : stem;
}

export interface SearchTerms {
  /** The query as typed, trimmed. */
  text: string;
  /** Stems every one of which a title must contain. */
  stems: string[];
  /** A measure or section number («2.1», «2.1.4»), matched from its start. */
  number: string | null;
}

/** The terms of a query, or null when there is nothing to look for. */
export function searchTerms(query: string): SearchTerms | null {
  const text = query.trim().slice(0, QUERY_MAX);
  const words = normalise(text)
    .split(" ")
    .map((word) => word.replace(/^\.+|\.+$/g, ""))
    .filter((word) => word.length >= 2)
    .slice(0, WORDS_MAX);
  if (words.length === 0) return null;
  const number = /^\d+(\.\d+)*\.?$/.test(text) ? text.replace(/\.$/, "") : null;
  const stems = [...new Set(words.map((word) => (/^\d/.test(word) ? word : stemOf(word))))];
  return { text, stems, number };
}
