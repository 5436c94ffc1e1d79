import { Group, Paper, Table, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PlanFactChart } from "~/components/charts/plan-fact-chart";
import { StatusLabel } from "~/components/status";
import { formatQuarterParam } from "~/domain/periods/quarter";
import type { MeasurePageData } from "~/domain/progress/measure-page.server";
import { formatNumber, formatPercent } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

/** Plan and fact by quarter: the chart and the table beneath it. */
export function MeasureQuarters({ data }: { data: MeasurePageData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => formatNumber(locale, value, 3);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t("measurePage.byQuarter")}
      </Title>
      <PlanFactChart
        id="measure-plan-fact"
        title={t("measurePage.chartTitle")}
        amber={data.thresholds.amber}
        labels={{
          plan: t("measurePage.chartPlan"),
          fact: t("measurePage.chartFact"),
          cumulative: t("measurePage.chartCumulative"),
        }}
        points={data.quarters.map((q) => ({
          label: `${q.quarter.year} ${["I", "II", "III", "IV"][q.quarter.quarter - 1]}`,
          plan: q.plan,
          fact: q.fact,
          cumulative: q.execution === null ? null : q.execution * 100,
        }))}
      />
      <Table.ScrollContainer minWidth={640} mt="md">
        <Table striped verticalSpacing="xs" data-testid="quarter-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("measurePage.quarter")}</Table.Th>
              <Table.Th ta="right">{t("measurePage.plan")}</Table.Th>
              <Table.Th ta="right">{t("measurePage.fact")}</Table.Th>
              <Table.Th ta="right">{t("measurePage.cumulative")}</Table.Th>
              <Table.Th ta="right">{t("measurePage.people")}</Table.Th>
              <Table.Th>{t("myMeasures.status")}</Table.Th>
              <Table.Th>{t("measurePage.report")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.quarters.map((q) => (
              <Table.Tr key={formatQuarterParam(q.quarter)}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Group gap={4} wrap="nowrap">
                    {t("myMeasures.quarterLabel", { year: q.quarter.year, quarter: q.quarter.quarter })}
                    {q.closed && <IconLock size={14} aria-label={t("measurePage.closedQuarter")} />}
                  </Group>
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {number(q.plan)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {number(q.fact)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {formatPercent(locale, q.execution)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {q.peopleReached ? number(q.peopleReached) : "—"}
                </Table.Td>
                <Table.Td>{q.status ? <StatusLabel status={q.status} /> : "—"}</Table.Td>
                <Table.Td>{q.report ? t(`report.${q.report}`) : "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
