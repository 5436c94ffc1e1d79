import type { TFunction } from "i18next";
import type { KpiPeriod } from "~/domain/kpi/scoring";

export function periodLabel(t: TFunction, period: KpiPeriod): string {
  return period.quarter === null
    ? t("kpi.periodYear", { year: period.year })
    : t("kpi.periodQuarter", { year: period.year, quarter: period.quarter });
}

/** The period as the URL carries it: «2025» or «2025-Q3». */
export const periodParamOf = (period: KpiPeriod) =>
  period.quarter === null ? `${period.year}` : `${period.year}-Q${period.quarter}`;
