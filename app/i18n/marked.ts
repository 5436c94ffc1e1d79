import type { TFunction } from "i18next";
import type { ShownText } from "./locales";

/**
 * Record text for plain-text output (PDF, generated minutes): when it fell back to another language,
 * the short name of that language follows it, as the badge beside it does on a page.
 */
export function markedText(t: TFunction, value: ShownText | null | undefined): string {
  if (!value) return "";
  return value.fellBack ? `${value.text} (${t(`language.shownInShort.${value.locale}`)})` : value.text;
}
