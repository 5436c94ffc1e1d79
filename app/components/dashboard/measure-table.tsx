import { Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import { ShareText } from "~/components/shares/share-figures";
import { StatusLabel } from "~/components/status";
import type { Share } from "~/domain/shares/share-of-base";
import type { MeasureStatus } from "~/domain/execution/execution";
import { formatDate, formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import type { PageText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

export interface MeasureTableRow {
  key: string;
  measureId: number;
  number: string;
  title: PageText | null;
  department: PageText | null;
  territory: PageText | null;
  deadline: string;
  plan: number;
  fact: number;
  execution: number | null;
  status: MeasureStatus;
}

/** Measures with their figures, each linking to its page. */
export function MeasureTable({
  rows,
  shares,
  testId,
}: {
  rows: MeasureTableRow[];
  /** Shares of a base, by row key, for the rows counted that way: shown with their counts. */
  shares?: Record<string, { plan: Share; fact: Share }>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (rows.length === 0) return <Text c="dimmed">{t("dashboard.noMeasures")}</Text>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t("dashboard.number")}</th>
            <th>{t("dashboard.title")}</th>
            <th>{t("dashboard.department")}</th>
            <th className="num">{t("dashboard.plan")}</th>
            <th className="num">{t("dashboard.fact")}</th>
            <th className="num">{t("figures.dueToDate")}</th>
            <th>{t("dashboard.status")}</th>
            <th>{t("dashboard.deadline")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td className="num">{row.number}</td>
              <td>
                <Link to={`/measures/${row.measureId}`}>
                  <Localized value={row.title} />
                </Link>
                {row.territory && (
                  <span className="sub">
                    <Localized value={row.territory} />
                  </span>
                )}
              </td>
              <td>
                <Localized value={row.department} />
              </td>
              <td className="num">
                {formatNumber(locale, row.plan)}
                {shares?.[row.key] && (
                  <span className="sub">
                    <ShareText share={shares[row.key]!.plan} />
                  </span>
                )}
              </td>
              <td className="num">
                {formatNumber(locale, row.fact)}
                {shares?.[row.key] && (
                  <span className="sub">
                    <ShareText share={shares[row.key]!.fact} testId="row-share" />
                  </span>
                )}
              </td>
              <td className="num">{formatExecution(t, locale, row.execution)}</td>
              <td>
                <StatusLabel status={row.status} />
              </td>
              <td className="date">{formatDate(locale, row.deadline)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
