import { Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import { StatusLabel } from "~/components/status";
import type { MeasureStatus } from "~/domain/execution/execution";
import { formatDate, formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import type { ShownText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

export interface MeasureTableRow {
  key: string;
  measureId: number;
  number: string;
  title: ShownText | null;
  department: ShownText | null;
  territory: ShownText | null;
  deadline: string;
  plan: number;
  fact: number;
  execution: number | null;
  status: MeasureStatus;
}

/** Measures with their figures, each linking to its page. */
export function MeasureTable({ rows, testId }: { rows: MeasureTableRow[]; testId?: string }) {
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
              <td className="num">{formatNumber(locale, row.plan)}</td>
              <td className="num">{formatNumber(locale, row.fact)}</td>
              <td className="num">{formatExecution(t, locale, row.execution)}</td>
              <td>
                <StatusLabel status={row.status} />
              </td>
              <td style={{ whiteSpace: "nowrap" }}>{formatDate(locale, row.deadline)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
