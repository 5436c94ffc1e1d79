import type { TFunction } from "i18next";
import { formatNumber, formatPercent } from "./format";
import type { Share } from "~/domain/shares/share-of-base";
import type { Locale } from "./locales";

// How the road map's percentages read: the one place that says what a window with no plan shows
// («no plan in this period», never 100 % nor a dash) and how a share of a base shows its counts.

/** An execution ratio, or «no plan in this period» when nothing was planned in the window. */
export function formatExecution(t: TFunction, locale: Locale, ratio: number | null): string {
  return ratio === null ? t("figures.noPlan") : formatPercent(locale, ratio);
}

/** A share of a base with its counts: «35 000 of 100 000 — 35 %»; the count alone when its base is unknown. */
export function formatShare(t: TFunction, locale: Locale, share: Pick<Share, "count" | "base" | "ratio">): string {
  const part = formatNumber(locale, share.count);
  if (share.base === null || share.ratio === null) return t("figures.shareNoBase", { part });
  return t("figures.shareOfBase", {
    part,
    base: formatNumber(locale, share.base),
    percent: formatPercent(locale, share.ratio),
  });
}
