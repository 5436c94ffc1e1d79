import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { STATUSES } from "~/domain/execution/dashboard-links";
import type { DashboardView } from "~/domain/execution/dashboard-view.server";
import { formatQuarterParam, parseQuarterParam } from "~/domain/periods/quarter";
import { formatDate } from "~/i18n/format";
import { plainText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

/** The dashboard's filters: the as-of date (with quick choices), then the quarters, section, department, statuses. */
export function DashboardFilterForm({
  view,
  dateError,
  link,
}: {
  view: Pick<
    DashboardView,
    "filters" | "asOfChoices" | "activeFilters" | "quarterOptions" | "options" | "territory" | "territories"
  >;
  dateError: "errors.invalidDate" | null;
  link: (changes: Record<string, string | null>) => string;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const locale = useLocale();
  const { filters } = view;
  const quarterChoices = [
    { value: "", label: t("dashboard.anyQuarter") },
    ...view.quarterOptions.map((value) => {
      const quarter = parseQuarterParam(value);
      return {
        value,
        label: quarter ? t("myMeasures.quarterLabel", { year: quarter.year, quarter: quarter.quarter }) : value,
      };
    }),
  ];
  // Only territories the user may see: their own level and up to it within their scope, and the ones below.
  const trail = view.territory.trail.filter((step) => step.selectable);
  const territoryChoices = [
    ...trail.map((step, depth) => ({
      value: String(step.id),
      label: `${"\u00a0\u00a0".repeat(depth)}${plainText(step.name)}`,
    })),
    ...view.territories
      .filter((row) => row.id !== view.territory.id)
      .map((row) => ({ value: String(row.id), label: `${"\u00a0\u00a0".repeat(trail.length)}${plainText(row.name)}` })),
  ];
  return (
    <Paper withBorder p="md" component="section" aria-label={t("dashboard.filters")}>
      <Form method="get" key={location.search}>
        {territoryChoices.length < 2 && filters.territoryId && (
          <input type="hidden" name="territory" value={filters.territoryId} />
        )}
        {filters.large && <input type="hidden" name="large" value="1" />}
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <TextInput
              type="date"
              name="asOf"
              label={t("overview.asOf")}
              defaultValue={filters.chosenAsOf}
              error={dateError ? t(dateError) : undefined}
              w={{ base: "100%", xs: 200 }}
            />
            <Button type="submit">{t("overview.apply")}</Button>
            <Button component={Link} to={filters.large ? "?large=1" : "?"} variant="subtle">
              {t("dashboard.reset")}
            </Button>
          </Group>
          <Group gap={8}>
            <Text size="sm" c="dimmed">
              {t("dashboard.asOfQuick")}:
            </Text>
            {view.asOfChoices.map((choice) => (
              <Button
                key={choice.date}
                component={Link}
                to={link({ asOf: choice.date })}
                size="compact-xs"
                variant={choice.date === filters.chosenAsOf ? "light" : "default"}
              >
                {choice.kind === "today"
                  ? t("dashboard.today")
                  : choice.kind === "tenMonths"
                    ? t("dashboard.tenMonths", { year: choice.date.slice(0, 4) })
                    : t("dashboard.quarterEnd", { year: choice.quarter!.year, quarter: choice.quarter!.quarter })}
              </Button>
            ))}
          </Group>
          {filters.chosenAsOf !== filters.asOf.date && (
            <Text size="sm" role="status" data-testid="range-clipped">
              {t("dashboardRange.clipped", {
                end: formatDate(locale, filters.asOf.date),
                asOf: formatDate(locale, filters.chosenAsOf),
              })}
            </Text>
          )}
          <details open={view.activeFilters > 0}>
            <summary>
              <Text span size="sm" fw={500}>
                {t("dashboard.filters")}
                {view.activeFilters > 0 ? ` (${view.activeFilters})` : ""}
              </Text>
            </summary>
            <Stack gap="sm" mt="sm">
              <SimpleGrid cols={{ base: 1, xs: 2, md: territoryChoices.length > 1 ? 5 : 4 }} spacing="sm">
                {territoryChoices.length > 1 && (
                  <NativeSelect
                    name="territory"
                    label={t("dashboard.territory")}
                    defaultValue={String(view.territory.id)}
                    data={territoryChoices}
                  />
                )}
                <NativeSelect
                  name="from"
                  label={t("dashboard.from")}
                  defaultValue={filters.from ? formatQuarterParam(filters.from) : ""}
                  data={quarterChoices}
                />
                <NativeSelect
                  name="to"
                  label={t("dashboard.to")}
                  defaultValue={filters.to ? formatQuarterParam(filters.to) : ""}
                  data={quarterChoices}
                />
                <NativeSelect
                  name="section"
                  label={t("dashboard.section")}
                  defaultValue={filters.sectionId ? String(filters.sectionId) : ""}
                  data={[
                    { value: "", label: t("dashboard.all") },
                    ...view.options.sections.map((s) => ({
                      value: String(s.id),
                      label: `${s.indent ? "\u00a0\u00a0" : ""}${s.label}`,
                    })),
                  ]}
                />
                <NativeSelect
                  name="department"
                  label={t("dashboard.department")}
                  defaultValue={filters.departmentId ? String(filters.departmentId) : ""}
                  data={[
                    { value: "", label: t("dashboard.all") },
                    ...view.options.departments.map((d) => ({ value: String(d.id), label: d.name })),
                  ]}
                />
              </SimpleGrid>
              <Group gap="md">
                <Text size="sm" fw={500}>
                  {t("dashboard.status")}:
                </Text>
                {STATUSES.map((status) => (
                  <Checkbox
                    key={status}
                    name="status"
                    value={status}
                    label={t(`status.${status}`)}
                    defaultChecked={filters.statuses?.includes(status) ?? false}
                  />
                ))}
              </Group>
              <Group gap="lg">
                <Checkbox
                  name="current"
                  value="1"
                  label={t("overview.includeCurrentQuarter")}
                  defaultChecked={filters.asOf.includeCurrentQuarter}
                />
                <Checkbox
                  name="submitted"
                  value="1"
                  label={t("overview.includeSubmitted")}
                  defaultChecked={filters.asOf.facts === "submitted"}
                />
              </Group>
            </Stack>
          </details>
        </Stack>
      </Form>
    </Paper>
  );
}
