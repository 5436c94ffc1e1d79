/** The shape of a dictionary with every text widened to string: what the other languages must fill in. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/**
 * The messages of one area of the app in the three languages, kept side by side. Kazakh comes first
 * and sets the keys; Russian and English must have exactly the same ones (checked by the compiler
 * and by tests/unit/i18n.test.ts).
 */
export function defineMessages<T>(kk: T, ru: Translation<T>, en: Translation<T>) {
  return { kk, ru, en };
}
