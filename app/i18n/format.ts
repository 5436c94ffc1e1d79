import dayjs from "dayjs";
import "dayjs/locale/kk.js";
import "dayjs/locale/ru.js";
import "dayjs/locale/en-gb.js";
import type { Locale } from "./locales";

// One formatter for the server and the browser. Chromium ships no Kazakh locale data, so Kazakh
// numbers use the Russian conventions (the same in Kazakhstan: 1 234,5) and Kazakh dates come from
// dayjs's own month names; Intl is only asked for locales every runtime has.
const NUMBER_LOCALE: Record<Locale, string> = { kk: "ru-RU", ru: "ru-RU", en: "en-GB" };
const DAYJS_LOCALE: Record<Locale, string> = { kk: "kk", ru: "ru", en: "en-gb" };
const DATE_FORMAT: Record<Locale, string> = { kk: "YYYY [ж.] D MMMM", ru: "D MMMM YYYY [г.]", en: "D MMMM YYYY" };
const SHORT_DATE_FORMAT: Record<Locale, string> = { kk: "DD.MM.YYYY", ru: "DD.MM.YYYY", en: "DD/MM/YYYY" };

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALE[locale], { maximumFractionDigits: fractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(locale: Locale, value: number, fractionDigits = 2): string {
  return numberFormat(locale, fractionDigits).format(value);
}

/** A ratio as a percentage: 0.856 → «85,6%» (kk), «85,6 %» (ru), «85.6%» (en). */
export function formatPercent(locale: Locale, ratio: number | null, fractionDigits = 1): string {
  if (ratio === null) return "—";
  const number = formatNumber(
    locale,
    Math.round(ratio * 100 * 10 ** fractionDigits) / 10 ** fractionDigits,
    fractionDigits,
  );
  return locale === "ru" ? `${number}\u00a0%` : `${number}%`;
}

/** An ISO calendar date ('YYYY-MM-DD') in words: «2024 ж. 31 қазан», «31 октября 2024 г.». */
export function formatDate(locale: Locale, isoDate: string): string {
  return dayjs(isoDate).locale(DAYJS_LOCALE[locale]).format(DATE_FORMAT[locale]);
}

export function formatShortDate(locale: Locale, isoDate: string): string {
  return dayjs(isoDate).locale(DAYJS_LOCALE[locale]).format(SHORT_DATE_FORMAT[locale]);
}

/** A moment in the app's time zone, as a date and a time. */
export function formatDateTime(locale: Locale, moment: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(moment));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${formatShortDate(locale, `${get("year")}-${get("month")}-${get("day")}`)} ${get("hour")}:${get("minute")}`;
}

export function monthName(locale: Locale, month: number): string {
  return dayjs(new Date(2000, month - 1, 1))
    .locale(DAYJS_LOCALE[locale])
    .format("MMMM");
}
