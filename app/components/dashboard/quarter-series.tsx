import { Paper, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QuarterChart } from "~/components/charts/quarter-chart";
import type { DashboardView } from "~/domain/execution/dashboard-view.server";
import { formatPercent } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

/** The road map quarter by quarter: the chart, and the numbers behind it in a table that opens. */
export function QuarterSeries({ view }: { view: Pick<DashboardView, "series" | "now" | "filters"> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {t("dashboard.byQuarter")}
      </Title>
      <QuarterChart
        id="quarter-series"
        large={view.filters.large}
        nowLabel={view.now?.label ?? null}
        points={view.series}
      />
      <details>
        <summary>
          <Text span size="sm">
            {t("dashboard.chartData")}
          </Text>
        </summary>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} fz="sm" data-testid="quarter-series">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("measurePage.quarter")}</Table.Th>
                <Table.Th ta="right">{t("dashboard.quarterExecution")}</Table.Th>
                <Table.Th ta="right">{t("dashboard.cumulativeExecution")}</Table.Th>
                <Table.Th ta="right">{t("dashboard.plannedProgress")}</Table.Th>
                <Table.Th ta="right">{t("dashboard.actualProgress")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.series.map((point) => (
                <Table.Tr key={point.label}>
                  <Table.Td>{t("myMeasures.quarterLabel", point)}</Table.Td>
                  <Table.Td ta="right">{formatPercent(locale, point.quarterExecution)}</Table.Td>
                  <Table.Td ta="right">{formatPercent(locale, point.cumulativeExecution)}</Table.Td>
                  <Table.Td ta="right">{formatPercent(locale, point.plannedProgress)}</Table.Td>
                  <Table.Td ta="right">{formatPercent(locale, point.actualProgress)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </Paper>
  );
}
