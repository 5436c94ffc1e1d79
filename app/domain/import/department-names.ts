import type { LocalizedText } from "~db/schema";

// Executors as a road map writes them, matched to the departments the app knows. Offices write the
// same body many ways: «ГУ «Управление культуры»», «Управление культуры г. Шымкент», «мәдениет
// басқармасы»; an exact match (case, quotes and spaces aside) wins, then one that ignores the legal
// form and the city's name, when it points at a single department.

/** Case, quotes, punctuation and spaces aside. */
export function normaliseName(name: string): string {
  return name
    .toLocaleLowerCase("ru")
    .replace(/ё/g, "е")
    .replace(/[«»"“”„‟'`’‘‹›]/g, " ")
    .replace(/[.,;:()[\]/\\]/g, " ")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

// Legal forms and words of place that offices add to or drop from a department's name.
const NOISE_WORDS = new Set([
  "гу",
  "кгу",
  "ргу",
  "гкп",
  "гккп",
  "ргп",
  "мм",
  "кмм",
  "рмм",
  "ммм",
  "мкк",
  "мкқк",
  "ткп",
  "ао",
  "ақ",
  "тоо",
  "жшс",
  "мбук",
  "государственное",
  "коммунальное",
  "республиканское",
  "учреждение",
  "мемлекеттік",
  "коммуналдық",
  "мекемесі",
  "мекеме",
  "г",
  "город",
  "города",
  "городе",
  "қ",
  "қала",
  "қаласы",
  "қаласының",
  "акимата",
  "акимат",
  "әкімдігі",
  "әкімдігінің",
]);

// A place named after «г.» / «города», or before «қаласы» / «области»: the place goes with its marker.
const PLACE_BEFORE = new Set(["г", "город", "города", "городе", "қ"]);
const PLACE_AFTER = new Set(["қаласы", "қаласының", "ауданы", "ауданының", "облысы", "облысының", "области", "района"]);

/** The name without its legal form and place words: the tolerant match's key. */
export function tolerantKey(name: string): string {
  const words = normaliseName(name).split(" ").filter(Boolean);
  const kept: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (PLACE_BEFORE.has(word)) {
      index += 1;
      continue;
    }
    if (PLACE_AFTER.has(word)) {
      kept.pop();
      continue;
    }
    if (!NOISE_WORDS.has(word)) kept.push(word);
  }
  return kept.join(" ");
}

export interface KnownDepartment {
  id: number;
  name: LocalizedText;
}

export interface DepartmentMatch {
  departmentId: number;
  how: "exact" | "tolerant";
}

/** Indexes the known departments once, so that thousands of executor cells are matched quickly. */
/**
 * Executors as the reader split them, with the pieces of a department name that has a comma of its own
 * («Мәдениет, тілдерді дамыту және архивтер басқармасы») joined back: the longest run of neighbouring
 * pieces that together name a known department, and no single piece of which does, counts as one.
 */
export function joinSplitNames(names: string[], isKnown: (name: string) => boolean): string[] {
  const joined: string[] = [];
  for (let start = 0; start < names.length;) {
    let end = start;
    if (!isKnown(names[start]!)) {
      for (let candidate = names.length - 1; candidate > start; candidate--) {
        if (isKnown(names.slice(start, candidate + 1).join(", "))) {
          end = candidate;
          break;
        }
      }
    }
    joined.push(names.slice(start, end + 1).join(", "));
    start = end + 1;
  }
  return joined;
}

export function departmentMatcher(departments: KnownDepartment[]) {
  const exact = new Map<string, Set<number>>();
  const tolerant = new Map<string, Set<number>>();
  const add = (index: Map<string, Set<number>>, key: string, id: number) => {
    if (!key) return;
    const ids = index.get(key) ?? new Set<number>();
    ids.add(id);
    index.set(key, ids);
  };
  for (const department of departments) {
    for (const name of Object.values(department.name)) {
      if (!name) continue;
      add(exact, normaliseName(name), department.id);
      add(tolerant, tolerantKey(name), department.id);
    }
  }
  const only = (ids: Set<number> | undefined) => (ids?.size === 1 ? [...ids][0]! : null);
  return (written: string): DepartmentMatch | null => {
    const byName = only(exact.get(normaliseName(written)));
    if (byName !== null) return { departmentId: byName, how: "exact" };
    const byKey = only(tolerant.get(tolerantKey(written)));
    return byKey !== null ? { departmentId: byKey, how: "tolerant" } : null;
  };
}

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
// Words and endings Kazakh does not have: enough to tell «Управление культуры» or «ежегодно» from Kazakh.
const RUSSIAN_WORDS =
  /(ени[ея]|ани[ея]|ость|ого\b|ому\b|ный\b|ная\b|ное\b|ные\b|ских\b|ского\b|ежегодно|постоянно|квартал|года\b|отдел|управлени|[щъё])/i;

/**
 * The language a name or phrase is written in: Kazakh by its own letters, Russian by words Kazakh
 * lacks, else the language of the sheet it came from («жыл сайын» has neither).
 */
export function languageOf(text: string, sheetLocale: "kk" | "ru"): "kk" | "ru" {
  if (KAZAKH_LETTERS.test(text)) return "kk";
  if (RUSSIAN_WORDS.test(text)) return "ru";
  return sheetLocale;
}
