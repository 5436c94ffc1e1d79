import type { Locale, LocalizedText } from "~db/schema";

export type { Locale, LocalizedText };

export const LOCALES = ["kk", "ru", "en"] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = "kk";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language of an Accept-Language header, by its q-weights. */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { language: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}

// Record text is shown in the reader's language, else in the first of kk → ru → en that exists.
const FALLBACK_ORDER: Locale[] = ["kk", "ru", "en"];

export interface ShownText {
  text: string;
  /** The language the text is in; differs from the reader's when it fell back. */
  locale: Locale;
  fellBack: boolean;
}

/** Record text as a page's data carries it: the text alone when it is in the reader's language. */
export type PageText = string | ShownText;

export function pageText(value: ShownText | null): PageText | null {
  return value && !value.fellBack ? value.text : value;
}

export function plainText(value: PageText | null | undefined): string {
  return typeof value === "string" ? value : (value?.text ?? "");
}

export function pickText(value: LocalizedText | null | undefined, reader: Locale): ShownText | null {
  if (!value) return null;
  const own = value[reader]?.trim();
  if (own) return { text: own, locale: reader, fellBack: false };
  for (const locale of FALLBACK_ORDER) {
    const text = value[locale]?.trim();
    if (text) return { text, locale, fellBack: true };
  }
  return null;
}
