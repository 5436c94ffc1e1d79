import { ActionIcon, Anchor, Paper, Popover, SimpleGrid, Stack, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { RagBadge } from "~/components/rag";
import { STATUS_ORDER, StatusLabel } from "~/components/status";
import type { MeasureStatus, Rag } from "~/domain/execution/execution";
import { formatDate, formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { useLocale } from "~/i18n/use-locale";

/** The road map's three percentages; each has one name and one explanation wherever it is shown. */
export type FigureKind = "dueToDate" | "yearPlan" | "wholePlan";
const HINT = {
  dueToDate: "figures.dueToDateHint",
  yearPlan: "figures.yearPlanHint",
  wholePlan: "figures.wholePlanHint",
} as const;

function useFigureText(asOfDate: string) {
  const { t } = useTranslation();
  const locale = useLocale();
  const vars = { year: Number(asOfDate.slice(0, 4)), date: formatDate(locale, asOfDate) };
  return {
    name: (kind: FigureKind) => t(`figures.${kind}`, vars),
    hint: (kind: FigureKind) => t(HINT[kind], vars),
  };
}

/** A figure's name with an info button that opens its explanation on hover, click or tap (and by keyboard). */
export function FigureName({ kind, asOfDate, size = "sm" }: { kind: FigureKind; asOfDate: string; size?: string }) {
  const { t } = useTranslation();
  const text = useFigureText(asOfDate);
  const name = text.name(kind);
  return (
    <span className="figure-name">
      <span>{name}</span>
      <Popover width={300} position="bottom" withArrow shadow="md" trapFocus returnFocus>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={size === "xs" ? "sm" : "md"}
            className="no-print"
            aria-label={t("figures.explain", { name })}
            data-testid={`explain-${kind}`}
          >
            <IconInfoCircle size={size === "xs" ? 14 : 18} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Text size="sm" data-testid={`hint-${kind}`}>
            {text.hint(kind)}
          </Text>
        </Popover.Dropdown>
      </Popover>
    </span>
  );
}

/** Every figure's name and explanation written out: for paper, where nothing can be tapped. */
export function FigureLegend({ asOfDate }: { asOfDate: string }) {
  const { t } = useTranslation();
  const text = useFigureText(asOfDate);
  return (
    <Stack gap={2} data-testid="figure-legend">
      <Text size="xs" fw={700}>
        {t("figures.legend")}
      </Text>
      {(["dueToDate", "yearPlan", "wholePlan"] as const).map((kind) => (
        <Text size="xs" key={kind}>
          <b>{text.name(kind)}</b> — {text.hint(kind)}
        </Text>
      ))}
    </Stack>
  );
}

export interface HeadlineTotal {
  execution: number | null;
  yearExecution: number | null;
  rag: Rag | null;
  yearRag: Rag | null;
  peopleReached: number;
  counted: number;
  statusCounts: Record<MeasureStatus, number>;
}

/** The dashboard's headline: the three named percentages, people reached and measures by status. */
export function HeadlineFigures(props: {
  total: HeadlineTotal;
  now: { plannedProgress: number | null; actualProgress: number | null } | null;
  asOfDate: string;
  measureCount: number;
  large: boolean;
  statusLink: (status: MeasureStatus) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { total } = props;
  const big = props.large ? 48 : 34;
  const value = (ratio: number | null, testId: string) => (
    <Text fz={ratio === null ? "lg" : big} fw={700} lh={1.2} className="tabular" data-testid={testId}>
      {formatExecution(t, locale, ratio)}
    </Text>
  );
  const label = (kind: FigureKind) => (
    <Text size="sm" c="dimmed" component="div" data-testid={`name-${kind}`}>
      <FigureName kind={kind} asOfDate={props.asOfDate} />
    </Text>
  );
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm">
      <Paper withBorder p="md">
        {label("dueToDate")}
        {value(total.execution, "total-execution")}
        <RagBadge rag={total.rag} />
      </Paper>
      <Paper withBorder p="md">
        {label("yearPlan")}
        {value(total.yearExecution, "year-execution")}
        <RagBadge rag={total.yearRag} />
      </Paper>
      <Paper withBorder p="md">
        {label("wholePlan")}
        {value(props.now?.actualProgress ?? null, "whole-plan")}
        {props.now && (
          <Text size="xs" c="dimmed" data-testid="should-be">
            {t("figures.wholePlanValue", {
              planned: formatExecution(t, locale, props.now.plannedProgress),
              actual: formatExecution(t, locale, props.now.actualProgress),
            })}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed">
          {t("overview.peopleReached")}
        </Text>
        <Text fz={big} fw={700} lh={1.2} className="tabular" data-testid="people-reached">
          {formatNumber(locale, total.peopleReached, 0)}
        </Text>
        <Text size="xs" c="dimmed" mt={6}>
          {t("overview.measuresCounted", { counted: total.counted, total: props.measureCount })}
        </Text>
      </Paper>
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed" mb={6}>
          {t("overview.statusCounts")}
        </Text>
        <Stack gap={4} data-testid="status-counts">
          {STATUS_ORDER.map((status) => (
            <Anchor key={status} component={Link} to={props.statusLink(status)} underline="never" c="inherit">
              <StatusLabel status={status} count={total.statusCounts[status]} />
            </Anchor>
          ))}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
