import { Anchor, Badge, Button, Card, Group, SimpleGrid, Table, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { periodParamOf } from "~/components/kpi/period-label";
import { Localized } from "~/components/localized";
import { RagBadge } from "~/components/rag";
import type { KpiPeriod } from "~/domain/kpi/scoring";
import type { ScorecardLine } from "~/domain/kpi/views.server";
import { rollUpShares } from "~/domain/shares/share-of-base";
import { formatShare } from "~/i18n/figures";
import { formatNumber, formatPercent } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

// A scorecard's indicator lines: a table row on a wide screen, a card on a phone.

function RecordNote({ line }: { line: ScorecardLine }) {
  const { t } = useTranslation();
  if (!line.record) return null;
  return (
    <Text size="xs" c="dimmed" mt={4}>
      {line.record.comment && (
        <>
          <Localized value={line.record.comment} />
          {" · "}
        </>
      )}
      {line.record.sourceUrl && (
        <>
          <Anchor href={line.record.sourceUrl} size="xs" target="_blank" rel="noreferrer">
            {t("kpi.sourceUrl")}
          </Anchor>
          {" · "}
        </>
      )}
      {t("kpi.enteredBy", { name: line.record.enteredBy })}
    </Text>
  );
}

function EnterButton({ line, period }: { line: ScorecardLine; period: KpiPeriod }) {
  const { t } = useTranslation();
  if (line.indicator.source !== "entered") return null;
  const label = line.actual === null ? t("kpi.enter") : t("kpi.change_");
  return (
    <Button
      component={Link}
      to={`?period=${periodParamOf(period)}&edit=${line.indicator.id}#actual-form`}
      size="xs"
      variant="light"
      preventScrollReset
      aria-label={`${label}: ${line.indicator.title?.text ?? ""}`}
    >
      {label}
    </Button>
  );
}

/** A target or actual: a count with its unit, or with a share-of-base indicator's base «19 of 19 — 100 %». */
export function countText(t: TFunction, locale: Locale, count: number, base: number | null, unit: string): string {
  if (base === null) return `${formatNumber(locale, count)} ${unit}`;
  return formatShare(t, locale, rollUpShares([{ count, base }]));
}

/** One indicator as a card: the phone's view of a scorecard line. */
export function LineCard({ line, canEnter, period }: { line: ScorecardLine; canEnter: boolean; period: KpiPeriod }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unit = t(`kpi.unit.${line.indicator.unit}`);
  const cells: Array<[string, string]> = [
    [t("kpi.target"), countText(t, locale, line.target, line.targetBase, unit)],
    [
      t("kpi.actual"),
      line.actual === null
        ? t(line.countedAsZero ? "kpi.notReportedZero" : "kpi.missing")
        : countText(t, locale, line.actual, line.actualBase, unit),
    ],
    [t("kpi.achievement"), `${formatPercent(locale, line.achievement)}${line.capped ? "*" : ""}`],
    [t("kpi.weight"), formatNumber(locale, line.weight, 3)],
    [t("kpi.contribution"), formatPercent(locale, line.contribution)],
  ];
  return (
    <Card withBorder padding="sm">
      <Text fw={700} size="sm">
        <Localized value={line.indicator.title} />
      </Text>
      <Group gap={6} mt={4}>
        <RagBadge rag={line.rag} size="sm" />
        <Badge variant="outline" color="gray" size="xs" style={{ textTransform: "none" }}>
          {t(`kpi.direction.${line.indicator.direction}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={3} spacing={6} mt="xs">
        {cells.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm" fw={600}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {line.capped && (
        <Text size="xs" c="dimmed">
          * {t("kpi.capped")}
        </Text>
      )}
      <RecordNote line={line} />
      {canEnter && (
        <Group mt="xs">
          <EnterButton line={line} period={period} />
        </Group>
      )}
    </Card>
  );
}

export function LineRow({ line, canEnter, period }: { line: ScorecardLine; canEnter: boolean; period: KpiPeriod }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unit = t(`kpi.unit.${line.indicator.unit}`);
  return (
    <Table.Tr data-indicator={line.indicator.id}>
      <Table.Td>
        <Text fw={600} size="sm">
          <Localized value={line.indicator.title} />
        </Text>
        <Group gap={6} mt={2}>
          <Badge variant="outline" color="gray" size="xs" style={{ textTransform: "none" }}>
            {t(`kpi.direction.${line.indicator.direction}`)}
          </Badge>
          {line.indicator.source !== "entered" && (
            <Badge variant="light" color="blue" size="xs" style={{ textTransform: "none" }}>
              {t(`kpi.source.${line.indicator.source}`)}
            </Badge>
          )}
        </Group>
        <RecordNote line={line} />
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
        {countText(t, locale, line.target, line.targetBase, unit)}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }} data-testid="actual">
        {line.actual === null ? (
          <Text span c={line.countedAsZero ? "red.8" : "dimmed"} size="sm">
            {t(line.countedAsZero ? "kpi.notReportedZero" : "kpi.missing")}
          </Text>
        ) : (
          countText(t, locale, line.actual, line.actualBase, unit)
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
        {formatPercent(locale, line.achievement)}
        {line.capped && (
          <Text size="xs" c="dimmed">
            {t("kpi.capped")}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{formatNumber(locale, line.weight, 3)}</Table.Td>
      <Table.Td ta="right">{formatPercent(locale, line.contribution)}</Table.Td>
      <Table.Td>
        <RagBadge rag={line.rag} size="sm" />
      </Table.Td>
      {canEnter && (
        <Table.Td>
          <EnterButton line={line} period={period} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
