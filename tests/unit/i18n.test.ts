import { describe, expect, it } from "vitest";
import { dictionaries } from "~/i18n/i18n";
import { formatDate, formatNumber, formatPercent } from "~/i18n/format";
import { localeFromAcceptLanguage, pickText } from "~/i18n/locales";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe("dictionaries", () => {
  const kkKeys = keysOf(dictionaries.kk).sort();
  it.each(["ru", "en"] as const)("%s has exactly the keys of kk", (locale) => {
    expect(keysOf(dictionaries[locale]).sort()).toEqual(kkKeys);
  });

  it.each(["kk", "ru", "en"] as const)("%s has no empty text and the same placeholders as kk", (locale) => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of kkKeys) {
      const get = (dict: unknown) =>
        key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dict);
      const text = get(dictionaries[locale]) as string;
      expect(text.trim(), `${locale}:${key}`).not.toBe("");
      expect(placeholders(text), `${locale}:${key}`).toEqual(placeholders(get(dictionaries.kk) as string));
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
