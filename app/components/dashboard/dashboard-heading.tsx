import { Anchor, Breadcrumbs, Button, Group, Text, Title } from "@mantine/core";
import { Link, useLocation } from "@remix-run/react";
import { IconLock, IconPresentation, IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { dashboardExports, ExportMenu } from "~/components/export/export-menu";
import { Localized } from "~/components/localized";
import type { DashboardView } from "~/domain/execution/dashboard-view.server";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

type Link = (changes: Record<string, string | null>) => string;

/** The road map's name, the territory's trail, the as-of date and what can be done with the view. */
export function DashboardHeading({
  view,
  isAdmin,
  link,
}: {
  view: Pick<DashboardView, "roadMapId" | "title" | "programme" | "years" | "territory" | "filters">;
  isAdmin: boolean;
  link: Link;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const { filters, territory } = view;
  return (
    <div>
      <Text size="sm" c="dimmed">
        <Localized value={view.programme} /> · {view.years}
      </Text>
      <Title order={1} size="h2" mt={4}>
        <Localized value={view.title} />
      </Title>
      <Breadcrumbs separator="›" mt={6} aria-label={t("dashboard.territory")}>
        {territory.trail.map((step, index) =>
          index === territory.trail.length - 1 ? (
            <Text key={step.id} size="sm" fw={600}>
              <Localized value={step.name} />
            </Text>
          ) : (
            <Anchor
              key={step.id}
              component={Link}
              to={link({ territory: index === 0 ? null : String(step.id) })}
              size="sm"
            >
              <Localized value={step.name} />
            </Anchor>
          ),
        )}
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" mt={6} gap="sm">
        <Text size="sm" data-testid="as-of">
          {t("overview.asOfDate", { date: formatDate(locale, filters.asOf.date) })} ·{" "}
          {filters.asOf.facts === "submitted" ? t("overview.withSubmitted") : t("overview.acceptedOnly")}
        </Text>
        <Group gap="xs">
          <Button
            component={Link}
            to={link({ large: filters.large ? null : "1" })}
            variant="default"
            size="xs"
            leftSection={<IconPresentation size={14} />}
          >
            {filters.large ? t("dashboard.normalSize") : t("dashboard.projector")}
          </Button>
          <Button
            component={Link}
            to={`/roadmaps/${view.roadMapId}/print${location.search}`}
            variant="default"
            size="xs"
            leftSection={<IconPrinter size={14} />}
          >
            {t("dashboard.print")}
          </Button>
          <ExportMenu items={dashboardExports(view.roadMapId, location.search)} />
          {isAdmin && (
            <Button
              component={Link}
              to={`/roadmaps/${view.roadMapId}/periods`}
              variant="default"
              size="xs"
              leftSection={<IconLock size={14} />}
            >
              {t("periods.manage")}
            </Button>
          )}
        </Group>
      </Group>
    </div>
  );
}
