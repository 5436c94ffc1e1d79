import { Box, Button, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { IconArrowLeft, IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { QuarterChart } from "~/components/charts/quarter-chart";
import { BreakdownTable } from "~/components/dashboard/breakdown-table";
import { MeasureTable } from "~/components/dashboard/measure-table";
import { FigureLegend } from "~/components/dashboard/named-figures";
import { Localized } from "~/components/localized";
import { STATUS_ORDER, StatusLabel } from "~/components/status";
import { requirePrincipal } from "~/domain/auth/session.server";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { dashboardView } from "~/domain/execution/dashboard-view.server";
import { dashboardMap } from "~/domain/geo/maps.server";
import { ExecutionMap } from "~/components/map/compared-maps";
import { sharesOfLines } from "~/domain/shares/shares.server";
import { roadMapDashboard } from "~/domain/execution/dashboard.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { translator } from "~/i18n/i18n";
import { plainText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { idSchema } from "~/domain/ids";

const params = z.object({ roadMapId: idSchema });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${plainText(data?.title)} · Oryndau` }];

/** The dashboard on A4 paper: the same figures, the as-of date and every filter printed on it. */
export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const locale = await localeOf(request);
  const t = translator(locale);
  const today = todayIn(env().APP_TIME_ZONE);
  const { filters } = parseDashboardFilters(new URL(request.url).searchParams, today);
  const db = await database();
  const dashboard = await roadMapDashboard(db, principal, parsed.data.roadMapId, filters);
  const shares = await sharesOfLines(db, dashboard.attention, filters.asOf);
  const view = dashboardView(dashboard, filters, locale, today);
  const quarter = (q: { year: number; quarter: number }) => t("myMeasures.quarterLabel", q);
  const described = [
    filters.from && `${t("dashboard.from")}: ${quarter(filters.from)}`,
    filters.to && `${t("dashboard.to")}: ${quarter(filters.to)}`,
    filters.sectionId &&
      `${t("dashboard.section")}: ${view.options.sections.find((s) => s.id === filters.sectionId)?.label ?? ""}`,
    filters.departmentId &&
      `${t("dashboard.department")}: ${view.options.departments.find((d) => d.id === filters.departmentId)?.name ?? ""}`,
    filters.territoryId && `${t("dashboard.territory")}: ${plainText(view.territory.trail.at(-1)?.name)}`,
    filters.statuses &&
      `${t("dashboard.status")}: ${filters.statuses.map((status) => t(`status.${status}`)).join(", ")}`,
    filters.asOf.includeCurrentQuarter && t("overview.includeCurrentQuarter"),
  ].filter((text): text is string => Boolean(text));
  // Only what the paper shows: not the filters' choices, nor the list of measures.
  const { roadMapId, title, programme, years, territory, total, now, series, sections, territories, departments } =
    view;
  return {
    ...{
      roadMapId,
      title,
      programme,
      years,
      filters,
      territory,
      total,
      now,
      series,
      sections,
      territories,
      departments,
    },
    attention: view.attention,
    thresholds: view.thresholds,
    map: await dashboardMap(db, view, locale, { roadMapId: dashboard.roadMap.id, revision: dashboard.revision }),
    described,
    today,
    shares,
  };
}

export default function PrintPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const { total, filters } = data;
  const year = Number(filters.asOf.date.slice(0, 4));
  return (
    <div className="print-page">
      <Group justify="space-between" className="no-print" mb="md">
        <Button
          component={Link}
          to={`/roadmaps/${data.roadMapId}${location.search}`}
          variant="subtle"
          leftSection={<IconArrowLeft size={16} />}
        >
          {t("errors.backHome")}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          {t("dashboard.print")}
        </Button>
      </Group>
      <Stack gap="md">
        <div>
          <Text size="sm">
            <Localized value={data.programme} /> · {data.years}
          </Text>
          <Title order={1} size="h3">
            <Localized value={data.title} />
          </Title>
          <Text size="sm">
            {data.territory.trail.map((step) => plainText(step.name)).join(" › ")} —{" "}
            {t("overview.asOfDate", { date: formatDate(locale, filters.asOf.date) })}.{" "}
            {filters.asOf.facts === "submitted" ? t("overview.withSubmitted") : t("overview.acceptedOnly")}
          </Text>
          <Text size="sm" data-testid="printed-filters">
            {t("dashboard.printedFilters", {
              filters: data.described.length ? data.described.join("; ") : t("dashboard.noFilters"),
            })}
          </Text>
        </div>

        {total && (
          <SimpleGrid cols={3} spacing="sm">
            <Box>
              <Text size="xs" fw={600}>
                {t("figures.dueToDate")}
              </Text>
              <Text fz={24} fw={700} data-testid="total-execution">
                {formatExecution(t, locale, total.execution)}
              </Text>
              <Text size="xs">{t(`rag.${total.rag ?? "none"}`)}</Text>
            </Box>
            <Box>
              <Text size="xs" fw={600}>
                {t("figures.yearPlan", { year })}
              </Text>
              <Text fz={24} fw={700} data-testid="year-execution">
                {formatExecution(t, locale, total.yearExecution)}
              </Text>
            </Box>
            <Box>
              <Text size="xs" fw={600}>
                {t("figures.wholePlan")}
              </Text>
              <Text fz={24} fw={700} data-testid="whole-plan">
                {formatExecution(t, locale, data.now?.actualProgress ?? null)}
              </Text>
              {data.now && (
                <Text size="xs">
                  {t("figures.wholePlanValue", {
                    planned: formatExecution(t, locale, data.now.plannedProgress),
                    actual: formatExecution(t, locale, data.now.actualProgress),
                  })}
                </Text>
              )}
            </Box>
            <Box>
              <Text size="xs" fw={600}>
                {t("overview.peopleReached")}
              </Text>
              <Text fz={24} fw={700}>
                {formatNumber(locale, total.peopleReached, 0)}
              </Text>
            </Box>
            <Stack gap={0}>
              {STATUS_ORDER.map((status) => (
                <StatusLabel key={status} status={status} count={total.statusCounts[status]} />
              ))}
            </Stack>
          </SimpleGrid>
        )}
        <FigureLegend asOfDate={filters.asOf.date} />

        <section>
          <Title order={2} size="h5" mb={4}>
            {t("dashboard.byQuarter")}
          </Title>
          <QuarterChart id="print-quarter-series" nowLabel={data.now?.label ?? null} points={data.series} />
        </section>

        <section>
          <Title order={2} size="h5" mb={4}>
            {t("overview.bySection")}
          </Title>
          <BreakdownTable
            testId="section-table"
            heading={t("overview.section")}
            asOfDate={filters.asOf.date}
            rows={data.sections.flatMap((section) => [
              {
                key: section.id,
                label: `${section.number ? `${section.number}. ` : ""}${plainText(section.name)}`,
                figures: section.figures,
                strong: true,
              },
              ...section.subsections.map((sub) => ({
                key: sub.id,
                label: `${sub.number ? `${sub.number}. ` : ""}${plainText(sub.name)}`,
                figures: sub.figures,
                indent: true,
              })),
            ])}
          />
        </section>

        {data.territories.length > 0 && (
          <section>
            <Title order={2} size="h5" mb={4}>
              {t("dashboard.byTerritory")}
            </Title>
            {data.map && (
              <ExecutionMap
                map={data.map}
                rows={data.territories}
                thresholds={data.thresholds}
                link={(changes) => `/roadmaps/${data.roadMapId}?territory=${changes.territory ?? ""}`}
              />
            )}
            <BreakdownTable
              testId="territory-table"
              heading={t("dashboard.territory")}
              asOfDate={filters.asOf.date}
              rows={data.territories.map((row) => ({
                key: row.id,
                label: row.own ? t("dashboard.ownLevel", { name: plainText(row.name) }) : plainText(row.name),
                figures: row.figures,
              }))}
            />
          </section>
        )}

        <section>
          <Title order={2} size="h5" mb={4}>
            {t("dashboard.byDepartment")}
          </Title>
          <BreakdownTable
            heading={t("dashboard.department")}
            asOfDate={filters.asOf.date}
            rows={data.departments.map((row) => ({ key: row.id, label: plainText(row.name), figures: row.figures }))}
          />
        </section>

        <section>
          <Title order={2} size="h5" mb={4}>
            {t("dashboard.attention")}
          </Title>
          {data.attention.length === 0 ? (
            <Text size="sm">{t("dashboard.noAttention")}</Text>
          ) : (
            <MeasureTable rows={data.attention} shares={data.shares} />
          )}
        </section>

        <Text size="xs">{t("dashboard.printedAt", { date: formatDate(locale, data.today) })}</Text>
      </Stack>
    </div>
  );
}
