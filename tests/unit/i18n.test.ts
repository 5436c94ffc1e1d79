import { describe, expect, it } from "vitest";
import { dictionaries } from "~/i18n/i18n";
import { formatDate, formatNumber, formatPercent } from "~/i18n/format";
import { localeFromAcceptLanguage, pickText } from "~/i18n/locales";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

// A count's text comes in the plural forms of each language (i18next's suffixes); Kazakh has one form.
const PLURAL_FORMS = { kk: [], ru: ["one", "few", "many", "other"], en: ["one", "other"] } as const;
const PLURAL_SUFFIX = /_(one|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, "");

describe("dictionaries", () => {
  const kkKeys = keysOf(dictionaries.kk).sort();
  const pluralKeys = new Set(
    keysOf(dictionaries.ru)
      .filter((key) => PLURAL_SUFFIX.test(key))
      .map(baseKey),
  );

  it("kk has no plural forms: its nouns do not change after a number", () => {
    expect(kkKeys.filter((key) => PLURAL_SUFFIX.test(key))).toEqual([]);
  });

  it.each(["ru", "en"] as const)("%s has exactly the keys of kk, with every plural form of its language", (locale) => {
    const keys = keysOf(dictionaries[locale]);
    expect([...new Set(keys.map(baseKey))].sort()).toEqual(kkKeys);
    for (const key of pluralKeys) {
      const forms = keys.filter((k) => baseKey(k) === key && k !== key).map((k) => k.slice(key.length + 1));
      expect(forms.sort(), `${locale}:${key}`).toEqual([...PLURAL_FORMS[locale]].sort());
    }
  });

  it.each(["kk", "ru", "en"] as const)("%s has no empty text and the same placeholders as kk", (locale) => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const get = (dict: unknown, key: string) =>
      key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dict) as string;
    for (const key of kkKeys) {
      const variants = pluralKeys.has(key) ? PLURAL_FORMS[locale].map((form) => `${key}_${form}`) : [key];
      for (const variant of variants.length ? variants : [key]) {
        const text = get(dictionaries[locale], variant);
        expect(text.trim(), `${locale}:${variant}`).not.toBe("");
        expect(placeholders(text), `${locale}:${variant}`).toEqual(placeholders(get(dictionaries.kk, key)));
      }
    }
  });
});

describe("language of a first visit", () => {
  it("follows Accept-Language by weight and ignores unsupported languages", () => {
    expect(localeFromAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(localeFromAcceptLanguage("de-DE,en;q=0.5,kk;q=0.9")).toBe("kk");
    expect(localeFromAcceptLanguage("de,fr")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});

describe("record text", () => {
  it("is shown in the reader's language, else falls back kk → ru → en and says so", () => {
    expect(pickText({ kk: "Мәдениет", ru: "Культура" }, "ru")).toEqual({
      text: "Культура",
      locale: "ru",
      fellBack: false,
    });
    expect(pickText({ ru: "Культура", en: "Culture" }, "kk")).toEqual({
      text: "Культура",
      locale: "ru",
      fellBack: true,
    });
    expect(pickText({ en: "Culture", kk: "Мәдениет" }, "ru")).toEqual({
      text: "Мәдениет",
      locale: "kk",
      fellBack: true,
    });
    expect(pickText({ kk: "  ", en: "Culture" }, "kk")).toEqual({ text: "Culture", locale: "en", fellBack: true });
    expect(pickText(null, "kk")).toBeNull();
  });
});

describe("formatting", () => {
  it("writes numbers, percentages and dates the way each language does", () => {
    expect(formatNumber("kk", 5140.5)).toBe("5\u00a0140,5");
    expect(formatNumber("en", 5140.5)).toBe("5,140.5");
    expect(formatPercent("kk", 0.756)).toBe("75,6%");
    expect(formatPercent("ru", 0.756)).toBe("75,6\u00a0%");
    expect(formatPercent("en", 1)).toBe("100%");
    expect(formatDate("kk", "2024-10-31")).toBe("2024 ж. 31 қазан");
    expect(formatDate("ru", "2024-10-31")).toBe("31 октября 2024 г.");
    expect(formatDate("en", "2024-10-31")).toBe("31 October 2024");
  });
});
