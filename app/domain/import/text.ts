// Text as people type it in sheets, made comparable: case, «ё», line breaks, non-breaking spaces and
// stray punctuation do not change what a header or a word means.

const SPACES = /[\s\u00a0\u2007\u202f]+/g;
const PUNCTUATION = /[«»"“”„'’`:;,()[\]{}!?*_]+/g;

/** Lower case, «ё» → «е», every kind of space and line break → one space, trimmed. */
export function squash(text: string): string {
  return text.toLowerCase().replace(/ё/g, "е").replace(SPACES, " ").trim();
}

/** `squash` with quotes, brackets and most punctuation turned into spaces; «№», «/», «.», «%», «-» stay. */
export function wordsOf(text: string): string {
  return squash(text.replace(PUNCTUATION, " "));
}

/** Spaces of every kind collapsed and trimmed, case kept: how a title or a name is stored. */
export function tidy(text: string): string {
  return text.replace(SPACES, " ").trim();
}

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g;
const CYRILLIC_LETTERS = /[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]/g;

/** Kazakh when at least one Cyrillic letter in fifty is one of Kazakh's own; Russian otherwise. */
export function localeOfText(text: string): "kk" | "ru" {
  const kazakh = text.match(KAZAKH_LETTERS)?.length ?? 0;
  const cyrillic = text.match(CYRILLIC_LETTERS)?.length ?? 0;
  return cyrillic > 0 && kazakh * 50 >= cyrillic ? "kk" : "ru";
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };

/** «IV» → 4 (up to X, Latin or Cyrillic look-alike «І», «Х»); null when it is not one. */
export function romanValue(text: string): number | null {
  const latin = text.toLowerCase().replace(/і/g, "i").replace(/х/g, "x");
  return ROMAN[latin] ?? null;
}
