import { Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SectionBreakdown, TerritoryBreakdown } from "~/components/dashboard/breakdowns";
import { FigureName } from "~/components/dashboard/named-figures";
import { Localized } from "~/components/localized";
import { RagBadge } from "~/components/rag";
import { StatusLabel } from "~/components/status";
import type { PublicRoadMapPage } from "~/domain/public/public-page.server";
import { formatDate } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { useLocale } from "~/i18n/use-locale";

/** The two headline percentages of the road map as of the page's date. */
export function PublicTotal({ view }: { view: Pick<PublicRoadMapPage, "total" | "asOf"> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!view.total) return null;
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {t("publicPage.total")}
      </Title>
      <div className="public-headline">
        <div>
          <FigureName kind="dueToDate" asOfDate={view.asOf} />
          <Text fz={32} fw={700} className="tabular" data-testid="total-execution">
            {formatExecution(t, locale, view.total.execution)}
          </Text>
          <RagBadge rag={view.total.rag} size="sm" />
        </div>
        <div>
          <FigureName kind="yearPlan" asOfDate={view.asOf} />
          <Text fz={32} fw={700} className="tabular" data-testid="total-year-execution">
            {formatExecution(t, locale, view.total.yearExecution)}
          </Text>
          <RagBadge rag={view.total.yearRag} size="sm" />
        </div>
      </div>
    </Paper>
  );
}

/** Execution by section and by territory, drawn by the dashboard's own breakdowns without links into the app. */
export function PublicBreakdowns({
  view,
}: {
  view: Pick<PublicRoadMapPage, "sections" | "territories" | "asOf" | "thresholds">;
}) {
  return (
    <>
      {view.sections && (
        <SectionBreakdown view={{ sections: view.sections, thresholds: view.thresholds, asOfDate: view.asOf }} />
      )}
      {view.territories && view.territories.length > 0 && (
        <TerritoryBreakdown view={{ territories: view.territories, asOfDate: view.asOf }} />
      )}
    </>
  );
}

/** The measures, a page at a time: number, title, deadline, status, execution, and a narrative where marked public. */
export function PublicMeasures({
  view,
  pageHref,
}: {
  view: Pick<PublicRoadMapPage, "measures" | "asOf">;
  pageHref: (page: number) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { measures } = view;
  if (!measures) return null;
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {t("dashboard.measures")}{" "}
        <Text span c="dimmed" size="sm">
          {t("oneLanguage.counts.measures", { count: measures.count })}
        </Text>
      </Title>
      {measures.lines.length === 0 ? (
        <Text c="dimmed">{t("publicPage.noMeasures")}</Text>
      ) : (
        <div className="table-scroll">
          <table className="data-table public-measures" data-testid="measure-table">
            <thead>
              <tr>
                <th>{t("dashboard.number")}</th>
                <th>{t("dashboard.title")}</th>
                <th className="date">{t("dashboard.deadline")}</th>
                <th>{t("dashboard.status")}</th>
                <th className="num">
                  <FigureName kind="dueToDate" asOfDate={view.asOf} size="xs" />
                </th>
              </tr>
            </thead>
            <tbody>
              {measures.lines.map((line) => (
                <tr key={line.key} data-testid="measure-row">
                  <td className="tabular">{line.number}</td>
                  <td>
                    <Localized value={line.title} />
                    {line.territory && (
                      <Text size="xs" c="dimmed">
                        <Localized value={line.territory} />
                      </Text>
                    )}
                    {line.narrative && (
                      <Text size="sm" mt={4} className="public-narrative" data-testid="narrative">
                        <b>{t("publicPage.narrative")}:</b> <Localized value={line.narrative} />
                      </Text>
                    )}
                  </td>
                  <td className="date">{formatDate(locale, line.deadline)}</td>
                  <td className="status">
                    <StatusLabel status={line.status} />
                  </td>
                  <td className="num tabular">{formatExecution(t, locale, line.execution)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {measures.pages > 1 && (
        <nav aria-label={t("publicPage.pages")} className="public-pager no-print">
          {measures.page > 1 && <a href={pageHref(measures.page - 1)}>← {t("dashboard.previous")}</a>}
          <span>{t("dashboard.page", { page: measures.page, pages: measures.pages })}</span>
          {measures.page < measures.pages && <a href={pageHref(measures.page + 1)}>{t("dashboard.next")} →</a>}
        </nav>
      )}
    </Paper>
  );
}
