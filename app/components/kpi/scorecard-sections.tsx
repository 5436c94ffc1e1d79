import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ScoreTrendChart } from "~/components/charts/score-trend-chart";
import { RankChange } from "~/components/kpi/change-mark";
import { periodLabel, periodParamOf } from "~/components/kpi/period-label";
import { LineCard, LineRow } from "~/components/kpi/scorecard-lines";
import { Localized } from "~/components/localized";
import { RagBadge } from "~/components/rag";
import { DEFAULT_THRESHOLDS, ragOf } from "~/domain/execution/execution";
import { previousPeriod, type KpiPeriod } from "~/domain/kpi/scoring";
import type { ScorecardLine } from "~/domain/kpi/views.server";
import { formatNumber, formatPercent } from "~/i18n/format";
import type { ShownText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

// The sections of a territory's scorecard page, each fed the shape the scorecard view gives.

interface Explanation {
  weightedSum: number;
  countedWeight: number;
  totalWeight: number;
  final: boolean;
  score: number | null;
}

interface RankFacts {
  rank: number | null;
  ranked: number;
  rankChange: number | null;
  scoreChange: number | null;
}

/** Score, rank among neighbours, and the change since the previous period. */
export function ScoreSummary({
  score,
  rank,
  period,
}: {
  score: number | null;
  rank: RankFacts | null;
  period: KpiPeriod;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
      <Card withBorder padding="md">
        <Text size="sm" c="dimmed">
          {t("kpi.score")}
        </Text>
        <Text fz={32} fw={800} data-testid="scorecard-score">
          {formatPercent(locale, score)}
        </Text>
        <RagBadge rag={ragOf(score, DEFAULT_THRESHOLDS)} />
      </Card>
      <Card withBorder padding="md">
        <Text size="sm" c="dimmed">
          {t("kpi.rank")}
        </Text>
        <Text fz={32} fw={800} data-testid="scorecard-rank">
          {rank?.rank ?? "—"}
        </Text>
        <Text size="sm">
          {rank?.rank ? t("kpi.rankOf", { rank: rank.rank, total: rank.ranked }) : t("kpi.notRanked")}
        </Text>
      </Card>
      <Card withBorder padding="md">
        <Text size="sm" c="dimmed">
          {t("kpi.change")} ({t("kpi.changeSince", { period: periodLabel(t, previousPeriod(period)) })})
        </Text>
        <Group gap="sm" mt={6}>
          <RankChange change={rank?.rankChange ?? null} />
          {rank?.scoreChange != null && (
            <Text fw={600}>
              {rank.scoreChange > 0 ? "+" : rank.scoreChange < 0 ? "−" : ""}
              {formatPercent(locale, Math.abs(rank.scoreChange))}
            </Text>
          )}
        </Group>
      </Card>
    </SimpleGrid>
  );
}

/** The indicator lines: cards on a phone, a table on a wider screen. */
export function ScorecardLines({
  lines,
  canEnter,
  period,
}: {
  lines: ScorecardLine[];
  canEnter: boolean;
  period: KpiPeriod;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Stack gap="sm" hiddenFrom="sm">
        {lines.map((line) => (
          <LineCard key={line.indicator.id} line={line} canEnter={canEnter} period={period} />
        ))}
      </Stack>
      <Card withBorder padding="md" visibleFrom="sm">
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" data-testid="scorecard">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("kpi.indicator")}</Table.Th>
                <Table.Th ta="right">{t("kpi.target")}</Table.Th>
                <Table.Th ta="right">{t("kpi.actual")}</Table.Th>
                <Table.Th ta="right">{t("kpi.achievement")}</Table.Th>
                <Table.Th ta="right">{t("kpi.weight")}</Table.Th>
                <Table.Th ta="right">{t("kpi.contribution")}</Table.Th>
                <Table.Th>{t("kpi.rag")}</Table.Th>
                {canEnter && (
                  <Table.Th>
                    <VisuallyHidden>{t("kpi.enter")}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <LineRow key={line.indicator.id} line={line} canEnter={canEnter} period={period} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </>
  );
}

/** The score's arithmetic, indicator by indicator, and what missing actuals do to it. */
export function ScoreExplanationCard({ lines, explanation }: { lines: ScorecardLine[]; explanation: Explanation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const missing = lines.filter((line) => line.actual === null);
  return (
    <Card withBorder padding="md" component="details" open={false}>
      <Text component="summary" fw={700} style={{ cursor: "pointer" }}>
        {t("kpi.explain")}
      </Text>
      <Stack gap={4} mt="sm" component="ol" style={{ paddingLeft: 20 }} data-testid="explain">
        {lines
          .filter((line) => line.achievement !== null)
          .map((line) => (
            <Text component="li" key={line.indicator.id} size="sm">
              {t("kpi.explainLine", {
                indicator: line.indicator.title?.text ?? "",
                weight: formatNumber(locale, line.weight, 3),
                achievement: `${formatPercent(locale, line.achievement)}${line.capped ? ` (${t("kpi.capped")})` : ""}`,
                weighted: formatNumber(locale, line.weighted ?? 0, 4),
              })}
            </Text>
          ))}
      </Stack>
      <Text size="sm" mt="sm" fw={600}>
        {t("kpi.explainSum", {
          weighted: formatNumber(locale, explanation.weightedSum, 4),
          weight: formatNumber(locale, explanation.countedWeight, 3),
          score: formatPercent(locale, explanation.score, 2),
        })}
      </Text>
      {missing.length > 0 && (
        <Text size="sm" mt={4} c="dimmed">
          {t(explanation.final ? "kpi.explainZero" : "kpi.explainMissing", {
            indicators: missing.map((line) => line.indicator.title?.text ?? "").join("; "),
            weight: formatNumber(
              locale,
              explanation.final
                ? missing.reduce((sum, line) => sum + line.weight, 0)
                : explanation.totalWeight - explanation.countedWeight,
              3,
            ),
          })}
        </Text>
      )}
    </Card>
  );
}

/** The score over the periods of the same kind, drawn and as a table. */
export function ScoreTrendCard({
  id,
  trend,
}: {
  id: string;
  trend: Array<{ period: KpiPeriod; score: number | null }>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h3">
        {t("kpi.trend")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("kpi.trendDescription")}
      </Text>
      <ScoreTrendChart
        id={id}
        title={t("kpi.trend")}
        points={trend.map((point) => ({
          label: periodLabel(t, point.period),
          percent: point.score === null ? null : Math.round(point.score * 1000) / 10,
          percentText: formatPercent(locale, point.score),
        }))}
      />
      <Table mt="sm" withTableBorder>
        <Table.Tbody>
          {trend.map((point) => (
            <Table.Tr key={periodParamOf(point.period)}>
              <Table.Th scope="row">{periodLabel(t, point.period)}</Table.Th>
              <Table.Td>{formatPercent(locale, point.score)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** The road map's measures whose facts feed the computed indicators. */
export function LinkedMeasures({
  measures,
}: {
  measures: Array<{ id: number; number: string; title: ShownText | null }>;
}) {
  const { t } = useTranslation();
  if (measures.length === 0) return null;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h3" mb="xs">
        {t("kpi.measures")}
      </Title>
      <Stack gap={4}>
        {measures.map((measure) => (
          <Anchor key={measure.id} component={Link} to={`/measures/${measure.id}`}>
            {measure.number}. <Localized value={measure.title} />
          </Anchor>
        ))}
      </Stack>
    </Card>
  );
}
