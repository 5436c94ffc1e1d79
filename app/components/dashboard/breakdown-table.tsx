import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RagMark } from "~/components/rag";
import { STATUS_ORDER, StatusLabel } from "~/components/status";
import { ragOf, type Thresholds } from "~/domain/execution/execution";
import type { ExecutionFigures } from "~/domain/execution/execution.server";
import { formatNumber, formatPercent } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

export interface BreakdownRow {
  key: string | number;
  label: ReactNode;
  /** Where the row drills down to (the same view narrowed to it). */
  href?: string;
  figures: ExecutionFigures;
  indent?: boolean;
  strong?: boolean;
}

/** Execution of groups (sections, departments, territories) as a table: the numbers behind every chart. */
export function BreakdownTable({
  rows,
  heading,
  year,
  thresholds,
  testId,
}: {
  rows: BreakdownRow[];
  heading: string;
  year: number;
  thresholds: Thresholds;
  testId?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            <th>{heading}</th>
            <th className="num">{t("overview.execution")}</th>
            <th className="num">{t("overview.yearExecution", { year })}</th>
            <th className="num">{t("overview.peopleReached")}</th>
            <th>{t("overview.statusCounts")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td className={[row.indent && "indent", row.strong && "strong"].filter(Boolean).join(" ") || undefined}>
                {row.href ? <Link to={row.href}>{row.label}</Link> : row.label}
              </td>
              <td className="num">
                <b data-testid="row-execution">
                  {row.figures.execution === null
                    ? t("overview.noPlanYet")
                    : formatPercent(locale, row.figures.execution)}
                </b>
                <span className="sub">
                  <RagMark rag={ragOf(row.figures.execution, thresholds)} />
                </span>
              </td>
              <td className="num">{formatPercent(locale, row.figures.yearExecution)}</td>
              <td className="num">{formatNumber(locale, row.figures.peopleReached, 0)}</td>
              <td>
                <span className="marks">
                  {STATUS_ORDER.filter((status) => row.figures.statusCounts[status] > 0).map((status) => (
                    <StatusLabel key={status} status={status} count={row.figures.statusCounts[status]} />
                  ))}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
