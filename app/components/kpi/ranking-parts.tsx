import { Anchor, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { Form, Link } from "@remix-run/react";
import { IconArrowsSort, IconColumns, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { RankChange } from "~/components/kpi/change-mark";
import { periodLabel, periodParamOf } from "~/components/kpi/period-label";
import { Localized } from "~/components/localized";
import { RagBadge, RagSign } from "~/components/rag";
import type { KpiPeriod } from "~/domain/kpi/scoring";
import type { IndicatorColumn, RankingRow } from "~/domain/kpi/views.server";
import { formatNumber, formatPercent } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

// The KPI ranking page's sections: the ranking table, the heatmap, the podium cards, and the sorting
// they share (by URL, so that a sorted view can be linked and works without JavaScript).

type Row = RankingRow;
export type RankingLink = (next: { period?: KpiPeriod; sort?: string; dir?: string }) => string;

export function defaultDir(sort: string): "asc" | "desc" {
  return sort === "rank" || sort === "name" ? "asc" : "desc";
}

export function sortRows(rows: Row[], sort: string, dir: "asc" | "desc", locale: Locale): Row[] {
  const value = (row: Row): number | string | null => {
    if (sort === "name") return row.name?.text ?? "";
    if (sort === "score") return row.score;
    if (sort === "change") return row.rankChange;
    if (sort === "reported") return row.reported;
    if (sort.startsWith("i")) return row.cells[Number(sort.slice(1))]?.achievement ?? null;
    return row.rank;
  };
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    // Missing values go last whichever way the column is sorted.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === "string" ? x.localeCompare(String(y), locale) : x - Number(y);
    return sign * order || (a.rank ?? Infinity) - (b.rank ?? Infinity);
  });
}

/** The ranking table: rank, territory, score (explained), change, RAG, reported; a box per row to compare. */
export function RankingTable({
  rows,
  indicators,
  period,
  sort,
  dir,
  link,
}: {
  rows: Row[];
  indicators: IndicatorColumn[];
  period: KpiPeriod | null;
  sort: string;
  dir: "asc" | "desc";
  link: RankingLink;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="md">
      {/* The boxes of the rows belong to this form (by its id), so that picking works without JavaScript. */}
      <Form method="get" action="/kpi/compare" id="kpi-compare">
        {period && <input type="hidden" name="period" value={periodParamOf(period)} />}
      </Form>
      <Group justify="space-between" align="flex-end" mb="sm" gap="xs">
        <Title order={2} size="h3">
          {t("kpi.title")} · {period ? periodLabel(t, period) : ""}
        </Title>
        {rows.length > 1 && (
          <Group gap="xs" align="center">
            <Text size="xs" c="dimmed" maw={320}>
              {t("compare.pickHint")}
            </Text>
            <Button type="submit" form="kpi-compare" size="xs" variant="light" leftSection={<IconColumns size={14} />}>
              {t("compare.submit")}
            </Button>
          </Group>
        )}
      </Group>
      <Table.ScrollContainer minWidth={600}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="kpi-ranking" className="kpi-ranking">
          <Table.Thead>
            <Table.Tr>
              {(
                [
                  ["rank", t("kpi.rank")],
                  ["name", t("kpi.territory")],
                  ["score", t("kpi.score")],
                  ["change", t("kpi.change")],
                ] as const
              ).map(([key, label]) => (
                <SortHeader key={key} column={key} label={label} sort={sort} dir={dir} link={link} />
              ))}
              <Table.Th>{t("kpi.rag")}</Table.Th>
              <SortHeader column="reported" label={t("kpi.reported")} sort={sort} dir={dir} link={link} />
              {rows.length > 1 && (
                <Table.Th w={36}>
                  <VisuallyHidden>{t("compare.fromRanking")}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.territoryId} data-territory={row.territoryId}>
                <Table.Td fw={700}>{row.rank ?? "—"}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={scorecardLink(row.territoryId, period)}>
                    <Localized value={row.name} />
                  </Anchor>
                </Table.Td>
                <Table.Td data-testid="score">
                  <ScoreExplained row={row} indicators={indicators} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <RankChange change={row.rankChange} />
                    {row.scoreChange !== null && (
                      <Text size="xs" c="dimmed">
                        {signed(locale, row.scoreChange)}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <RagBadge rag={row.rag} size="sm" />
                </Table.Td>
                <Table.Td>{t("kpi.reportedOf", { count: row.reported, total: row.total })}</Table.Td>
                {rows.length > 1 && (
                  <Table.Td>
                    <input
                      type="checkbox"
                      name="t"
                      value={row.territoryId}
                      form="kpi-compare"
                      style={{ width: 18, height: 18, cursor: "pointer" }}
                      aria-label={t("compare.choose", { name: row.name?.text ?? "" })}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Every territory's achievement on every indicator, coloured by RAG. */
export function KpiHeatmap({
  rows,
  indicators,
  sort,
  dir,
  link,
}: {
  rows: Row[];
  indicators: IndicatorColumn[];
  sort: string;
  dir: "asc" | "desc";
  link: RankingLink;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h3">
        {t("kpi.heatmap")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("kpi.heatmapHint")}
      </Text>
      <Table.ScrollContainer minWidth={200 + indicators.length * 130}>
        <Table verticalSpacing={6} withColumnBorders data-testid="kpi-heatmap">
          <Table.Thead>
            <Table.Tr>
              <SortHeader column="name" label={t("kpi.territory")} sort={sort} dir={dir} link={link} />
              {indicators.map((indicator) => (
                <SortHeader
                  key={indicator.id}
                  column={`i${indicator.id}`}
                  label={indicator.title?.text ?? ""}
                  hint={t(`kpi.direction.${indicator.direction}`)}
                  sort={sort}
                  dir={dir}
                  link={link}
                />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.territoryId}>
                <Table.Th scope="row" fw={600}>
                  <Localized value={row.name} />
                </Table.Th>
                {indicators.map((indicator) => {
                  const cell = row.cells[indicator.id];
                  if (!cell) return <Table.Td key={indicator.id} className="heat-cell heat-none" />;
                  const shownActual =
                    cell.actual !== null
                      ? formatNumber(locale, cell.actual)
                      : t(cell.countedAsZero ? "kpi.notReportedZero" : "kpi.missing");
                  const values = `${shownActual} / ${formatNumber(locale, cell.target)}`;
                  const words = cell.rag ? t(`rag.${cell.rag}`) : t("rag.none");
                  const label = `${indicator.title?.text ?? ""}: ${formatPercent(locale, cell.achievement)} (${words}); ${t("kpi.actual")} / ${t("kpi.target")}: ${values}`;
                  return (
                    <Table.Td
                      key={indicator.id}
                      className={`heat-cell heat-${cell.rag ?? "none"}`}
                      title={label}
                      tabIndex={0}
                    >
                      <Text span fw={700} size="sm" aria-hidden>
                        {cell.rag && <RagSign rag={cell.rag} />} {formatPercent(locale, cell.achievement)}
                      </Text>
                      <span className="heat-value" aria-hidden>
                        {values}
                      </span>
                      <VisuallyHidden>{label}</VisuallyHidden>
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

/** The score, expandable into the arithmetic that produced it, indicator by indicator. */
function ScoreExplained({ row, indicators }: { row: Row; indicators: IndicatorColumn[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (row.score === null) return <Text fw={600}>{formatPercent(locale, null)}</Text>;
  return (
    <details>
      <summary style={{ cursor: "pointer", fontWeight: 600, whiteSpace: "nowrap" }} title={t("kpi.explain")}>
        {formatPercent(locale, row.score)}
      </summary>
      <Stack gap={2} mt={4} maw={320}>
        {indicators.map((indicator) => {
          const cell = row.cells[indicator.id];
          if (!cell || cell.achievement === null) return null;
          return (
            <Text key={indicator.id} size="xs">
              {t("kpi.explainLine", {
                indicator: indicator.title?.text ?? "",
                weight: formatNumber(locale, cell.weight, 3),
                achievement: formatPercent(locale, cell.achievement),
                weighted: formatNumber(locale, cell.weighted ?? 0, 4),
              })}
            </Text>
          );
        })}
        <Text size="xs" fw={600}>
          {formatNumber(locale, row.weightedSum, 4)} / {formatNumber(locale, row.countedWeight, 3)} ={" "}
          {formatPercent(locale, row.score, 2)}
        </Text>
      </Stack>
    </details>
  );
}

function signed(locale: Locale, ratio: number): string {
  const text = formatPercent(locale, Math.abs(ratio));
  return ratio > 0 ? `+${text}` : ratio < 0 ? `−${text}` : text;
}

export function scorecardLink(territoryId: number, period: KpiPeriod | null): string {
  return `/kpi/scorecard/${territoryId}${period ? `?period=${periodParamOf(period)}` : ""}`;
}

function SortHeader({
  column,
  label,
  hint,
  sort,
  dir,
  link,
}: {
  column: string;
  label: string;
  hint?: string;
  sort: string;
  dir: "asc" | "desc";
  link: (next: { sort?: string; dir?: string }) => string;
}) {
  const { t } = useTranslation();
  const active = sort === column;
  const next = active ? (dir === "asc" ? "desc" : "asc") : defaultDir(column);
  const Icon = !active ? IconArrowsSort : dir === "asc" ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
      style={{ verticalAlign: "bottom" }}
    >
      <Anchor
        component={Link}
        to={link({ sort: column, dir: next })}
        c="inherit"
        fw={700}
        size="sm"
        aria-label={t("kpi.sortBy", { column: label })}
        preventScrollReset
      >
        <Group gap={4} wrap="nowrap" align="flex-end">
          <span>{label}</span>
          <Icon size={14} aria-hidden style={{ flexShrink: 0 }} />
        </Group>
      </Anchor>
      {hint && (
        <Text size="xs" c="dimmed" fw={400}>
          {hint}
        </Text>
      )}
    </Table.Th>
  );
}

export function PodiumCard({
  title,
  rows,
  period,
  locale,
  t,
}: {
  title: string;
  rows: Row[];
  period: KpiPeriod | null;
  locale: Locale;
  t: TFunction;
}) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Stack gap={6} component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {rows.map((row) => (
          <Group key={row.territoryId} component="li" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Text fw={700} w={24} ta="right">
                {row.rank}
              </Text>
              <Anchor component={Link} to={scorecardLink(row.territoryId, period)} truncate>
                <Localized value={row.name} />
              </Anchor>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <RankChange change={row.rankChange} />
              <Text fw={700} title={t("kpi.score")}>
                {formatPercent(locale, row.score)}
              </Text>
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
