import { Button, Group, Paper, Text, Title } from "@mantine/core";
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MEASURES_PER_PAGE } from "~/domain/execution/dashboard-links";
import type { DashboardView } from "~/domain/execution/dashboard-view.server";
import type { Share } from "~/domain/shares/share-of-base";
import { MeasureTable } from "./measure-table";

type Shares = Record<string, { plan: Share; fact: Share }>;

/** Measures behind or overdue, the furthest behind first; how many more there are when not all are listed. */
export function AttentionList({
  view,
  shares,
}: {
  view: Pick<DashboardView, "attention" | "attentionCount">;
  shares: Shares;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb={4}>
        {t("dashboard.attention")}
      </Title>
      {view.attentionCount > view.attention.length && (
        <Text size="sm" c="dimmed" mb="xs">
          {t("dashboard.attentionMore", { count: view.attentionCount, shown: view.attention.length })}
        </Text>
      )}
      {view.attention.length === 0 ? (
        <Text c="dimmed">{t("dashboard.noAttention")}</Text>
      ) : (
        <MeasureTable rows={view.attention} shares={shares} testId="attention-table" />
      )}
    </Paper>
  );
}

/** Every measure in view, a page at a time. */
export function MeasureList({
  view,
  shares,
}: {
  view: Pick<DashboardView, "measures" | "measureCount" | "filters">;
  shares: Shares;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const { page } = view.filters;
  const pages = Math.max(1, Math.ceil(view.measureCount / MEASURES_PER_PAGE));
  const pageLink = (to: number) => {
    const search = new URLSearchParams(location.search);
    search.set("page", String(to));
    return `?${search}`;
  };
  return (
    <Paper withBorder p="md" component="section">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("dashboard.measures")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("oneLanguage.counts.measures", { count: view.measureCount })}
        </Text>
      </Group>
      <MeasureTable rows={view.measures} shares={shares} testId="measure-table" />
      {pages > 1 && (
        <Group justify="center" gap="md" mt="md" data-testid="pages">
          {page > 1 && (
            <Button component={Link} to={pageLink(page - 1)} variant="default" size="xs">
              {t("dashboard.previous")}
            </Button>
          )}
          <Text size="sm">{t("dashboard.page", { page, pages })}</Text>
          {page < pages && (
            <Button component={Link} to={pageLink(page + 1)} variant="default" size="xs">
              {t("dashboard.next")}
            </Button>
          )}
        </Group>
      )}
    </Paper>
  );
}
