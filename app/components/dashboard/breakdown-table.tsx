import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RagMark } from "~/components/rag";
import { STATUS_ORDER, StatusLabel } from "~/components/status";
import type { ShownFigures } from "~/domain/execution/dashboard-view.server";
import { formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { FigureName } from "./named-figures";
import { useLocale } from "~/i18n/use-locale";

export interface BreakdownRow {
  key: string | number;
  label: ReactNode;
  /** Where the row drills down to (the same view narrowed to it). */
  href?: string;
  figures: ShownFigures;
  indent?: boolean;
  strong?: boolean;
}

/** Execution of groups (sections, departments, territories) as a table: the numbers behind every chart. */
export function BreakdownTable({
  rows,
  heading,
  asOfDate,
  testId,
}: {
  rows: BreakdownRow[];
  heading: string;
  /** The as-of date: it names the columns' percentages (the plan due by it, its year's plan). */
  asOfDate: string;
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
            <th className="num">
              <FigureName kind="dueToDate" asOfDate={asOfDate} size="xs" />
            </th>
            <th className="num">
              <FigureName kind="yearPlan" asOfDate={asOfDate} size="xs" />
            </th>
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
                <b data-testid="row-execution">{formatExecution(t, locale, row.figures.execution)}</b>
                <span className="sub">
                  <RagMark rag={row.figures.rag} />
                </span>
              </td>
              <td className="num">{formatExecution(t, locale, row.figures.yearExecution)}</td>
              <td className="num">{formatNumber(locale, row.figures.peopleReached, 0)}</td>
              <td>
                <span className="marks">
                  {STATUS_ORDER.map((status) => {
                    const count = row.figures.statusCounts[status];
                    return count ? <StatusLabel key={status} status={status} count={count} /> : null;
                  })}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
