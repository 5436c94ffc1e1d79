import type { TFunction } from "i18next";
import { formatNumber, formatPercent } from "./format";
import type { Locale } from "./locales";

// How the road map's percentages read: the one place that says what a window with no plan shows
// («no plan in this period», never 100 % nor a dash) and how a share of a base shows its counts.

/** An execution ratio, or «no plan in this period» when nothing was planned in the window. */
export function formatExecution(t: TFunction, locale: Locale, ratio: number | null): string {
  return ratio === null ? t("figures.noPlan") : formatPercent(locale, ratio);
}

/** A share of a base with its counts: «35 000 of 100 000 — 35 %»; the count alone when no base is known. */
export function formatShareOfBase(t: TFunction, locale: Locale, count: number, base: number | null): string {
  const counted = formatNumber(locale, count);
  if (base === null || !(base > 0)) return t("figures.shareNoBase", { part: counted });
  return t("figures.shareOfBase", {
    part: counted,
    base: formatNumber(locale, base),
    percent: formatPercent(locale, count / base),
  });
}
