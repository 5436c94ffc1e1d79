import { Anchor, Button, Card, Checkbox, Group, Stack, Table, Text, Title } from "@mantine/core";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RankChange } from "~/components/kpi/change-mark";
import { periodLabel, periodParamOf } from "~/components/kpi/period-label";
import { countText } from "~/components/kpi/scorecard-lines";
import { Localized } from "~/components/localized";
import { RagBadge } from "~/components/rag";
import type { ComparedTerritory } from "~/domain/kpi/compare.server";
import { samePeriod, type KpiPeriod } from "~/domain/kpi/scoring";
import type { ScorecardLine } from "~/domain/kpi/views.server";
import { formatPercent } from "~/i18n/format";
import type { ShownText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

// The comparison page's sections. Territories are columns; the first column names the row and stays
// in view when a narrow screen scrolls the rest.

const stickyHead = { position: "sticky", left: 0, background: "var(--mantine-color-body)", zIndex: 1 } as const;

function scorecardHref(id: number, period: KpiPeriod | null) {
  return `/kpi/scorecard/${id}${period ? `?period=${periodParamOf(period)}` : ""}`;
}

/** The choice of territories: a GET form of checkboxes, so that it works without JavaScript. */
export function ComparePicker({
  candidates,
  chosen,
  period,
}: {
  candidates: Array<{ id: number; name: ShownText | null }>;
  chosen: number[];
  period: KpiPeriod | null;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="compare-pick">
      <Form method="get" action="/kpi/compare">
        {period && <input type="hidden" name="period" value={periodParamOf(period)} />}
        <Text id="compare-pick" fw={600} size="sm">
          {t("compare.pick")}
        </Text>
        <Text size="xs" c="dimmed" mb="xs">
          {t("compare.pickHint")}
        </Text>
        <Group gap="md" mb="sm">
          {candidates.map((candidate) => (
            <Checkbox
              key={candidate.id}
              name="t"
              value={String(candidate.id)}
              defaultChecked={chosen.includes(candidate.id)}
              label={<Localized value={candidate.name} />}
            />
          ))}
        </Group>
        <Button type="submit" size="xs">
          {t("compare.submit")}
        </Button>
      </Form>
    </Card>
  );
}

function TerritoryHeads({ columns, period }: { columns: ComparedTerritory[]; period: KpiPeriod | null }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th style={stickyHead}>{t("kpi.indicator")}</Table.Th>
        {columns.map((column) => (
          <Table.Th key={column.id} scope="col">
            <Anchor
              component={Link}
              to={scorecardHref(column.id, period)}
              fw={700}
              size="sm"
              title={t("compare.openScorecard", { name: column.name?.text ?? "" })}
            >
              <Localized value={column.name} />
            </Anchor>
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** Score, RAG and rank of each territory; then each indicator's achievement with its actual and target. */
export function CompareTable({
  columns,
  indicators,
  period,
}: {
  columns: ComparedTerritory[];
  indicators: Array<ScorecardLine["indicator"]>;
  period: KpiPeriod;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h3" mb="sm">
        {t("compare.byIndicator")} · {periodLabel(t, period)}
      </Title>
      <Table.ScrollContainer minWidth={180 + columns.length * 150}>
        <Table verticalSpacing="xs" withColumnBorders data-testid="compare-table">
          <TerritoryHeads columns={columns} period={period} />
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row" style={stickyHead}>
                {t("compare.summary")}
              </Table.Th>
              {columns.map((column) => (
                <Table.Td key={column.id} data-territory={column.id}>
                  {column.hasPeriod ? (
                    <Stack gap={4} align="flex-start">
                      <Text fz="xl" fw={800} data-testid="compare-score">
                        {formatPercent(locale, column.score)}
                      </Text>
                      <RagBadge rag={column.rag} size="sm" />
                      {!column.final && (
                        <Text size="xs" c="dimmed">
                          {t("compare.provisional")}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t("compare.noPeriod")}
                    </Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row" style={stickyHead}>
                {t("kpi.rank")}
              </Table.Th>
              {columns.map((column) => (
                <Table.Td key={column.id}>
                  {column.rank?.rank ? (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{t("kpi.rankOf", { rank: column.rank.rank, total: column.rank.ranked })}</Text>
                      <RankChange change={column.rank.rankChange} />
                    </Group>
                  ) : (
                    <Text size="sm">{t("kpi.notRanked")}</Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
            {indicators.map((indicator) => (
              <Table.Tr key={indicator.id} data-indicator={indicator.id}>
                <Table.Th scope="row" style={stickyHead} fw={600}>
                  <Text size="sm" fw={600}>
                    <Localized value={indicator.title} />
                  </Text>
                  <Text size="xs" c="dimmed" fw={400}>
                    {t(`kpi.direction.${indicator.direction}`)}
                  </Text>
                </Table.Th>
                {columns.map((column) => {
                  const line = column.lines.find((l) => l.indicator.id === indicator.id);
                  if (!line)
                    return (
                      <Table.Td key={column.id}>
                        <Text size="sm" c="dimmed">
                          {t("compare.notSet")}
                        </Text>
                      </Table.Td>
                    );
                  const unit = t(`kpi.unit.${line.indicator.unit}`);
                  const actual =
                    line.actual === null
                      ? t(line.countedAsZero ? "kpi.notReportedZero" : "kpi.missing")
                      : countText(t, locale, line.actual, line.actualBase, unit);
                  return (
                    <Table.Td key={column.id} data-achievement>
                      <Group gap={6} wrap="nowrap">
                        <Text fw={700} size="sm">
                          {formatPercent(locale, line.achievement)}
                        </Text>
                        <RagBadge rag={line.rag} size="sm" />
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t("compare.actualOfTarget", {
                          actual,
                          target: countText(t, locale, line.target, line.targetBase, unit),
                        })}
                      </Text>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Each territory's score over the periods of the same kind, with its change from the period before. */
export function CompareTrend({ columns, periods }: { columns: ComparedTerritory[]; periods: KpiPeriod[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (periods.length < 2) return null;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h3" mb="sm">
        {t("compare.trend")}
      </Title>
      <Table.ScrollContainer minWidth={180 + columns.length * 150}>
        <Table verticalSpacing="xs" withColumnBorders data-testid="compare-trend">
          <TerritoryHeads columns={columns} period={null} />
          <Table.Tbody>
            {periods.map((period) => (
              <Table.Tr key={periodParamOf(period)}>
                <Table.Th scope="row" style={stickyHead}>
                  {periodLabel(t, period)}
                </Table.Th>
                {columns.map((column) => {
                  const point = column.trend.find((p) => samePeriod(p.period, period));
                  return <Table.Td key={column.id}>{formatPercent(locale, point?.score ?? null)}</Table.Td>;
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** The comparison when the choice is not two to four territories: what to do instead. */
export function CompareNothing({ problem, toRanking }: { problem: string | null; toRanking: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text>{problem === "compare.tooMany" ? t("compare.tooMany") : t("compare.tooFew")}</Text>
      <Anchor component={Link} to={toRanking}>
        {t("compare.toRanking")}
      </Anchor>
    </Stack>
  );
}
