import { Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SectionExecutionChart } from "~/components/charts/section-execution-chart";
import { BreakdownTable } from "~/components/dashboard/breakdown-table";
import { FigureName } from "~/components/dashboard/named-figures";
import { Localized } from "~/components/localized";
import { RagBadge } from "~/components/rag";
import { StatusLabel } from "~/components/status";
import type { PublicRoadMapPage } from "~/domain/public/public-page.server";
import { formatDate } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { plainText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

const numbered = (number: string | null, name: string) => (number ? `${number}. ${name}` : name);

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

export function PublicSections({ view }: { view: Pick<PublicRoadMapPage, "sections" | "asOf" | "thresholds"> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!view.sections) return null;
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {t("overview.bySection")}
      </Title>
      <SectionExecutionChart
        id="section-execution"
        title={t("overview.chartTitle")}
        amber={view.thresholds.amber}
        bars={view.sections.map((section) => ({
          label: numbered(section.number, plainText(section.name)),
          percent: section.figures.execution === null ? null : section.figures.execution * 100,
          percentText: formatExecution(t, locale, section.figures.execution),
          rag: section.figures.rag,
        }))}
      />
      <BreakdownTable
        testId="section-table"
        heading={t("overview.section")}
        asOfDate={view.asOf}
        rows={view.sections.flatMap((section) => [
          {
            key: section.id,
            label: (
              <>
                {section.number ? `${section.number}. ` : ""}
                <Localized value={section.name} />
              </>
            ),
            figures: section.figures,
            strong: true,
          },
          ...section.subsections.map((sub) => ({
            key: sub.id,
            label: (
              <>
                {sub.number ? `${sub.number}. ` : ""}
                <Localized value={sub.name} />
              </>
            ),
            figures: sub.figures,
            indent: true,
          })),
        ])}
      />
      <Text size="xs" c="dimmed" mt="sm">
        {t("overview.formula")}
      </Text>
    </Paper>
  );
}

export function PublicTerritories({ view }: { view: Pick<PublicRoadMapPage, "territories" | "asOf"> }) {
  const { t } = useTranslation();
  if (!view.territories || view.territories.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {t("dashboard.byTerritory")}
      </Title>
      <BreakdownTable
        testId="territory-table"
        heading={t("dashboard.territory")}
        asOfDate={view.asOf}
        rows={view.territories.map((row) => ({
          key: row.id,
          label: row.own ? t("dashboard.ownLevel", { name: plainText(row.name) }) : <Localized value={row.name} />,
          figures: row.figures,
        }))}
      />
    </Paper>
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
