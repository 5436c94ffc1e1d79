import {
  Anchor,
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { IconLock, IconPresentation, IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { QuarterChart } from "~/components/charts/quarter-chart";
import { SectionExecutionChart } from "~/components/charts/section-execution-chart";
import { BreakdownTable } from "~/components/dashboard/breakdown-table";
import { dashboardExports, ExportMenu } from "~/components/export/export-menu";
import { MeasureTable } from "~/components/dashboard/measure-table";
import { HeadlineFigures } from "~/components/dashboard/named-figures";
import { Localized } from "~/components/localized";
import { isAdmin } from "~/domain/auth/access";
import { requirePrincipal } from "~/domain/auth/session.server";
import { MEASURES_PER_PAGE, parseDashboardFilters, STATUSES, withParams } from "~/domain/execution/dashboard-filters";
import { roadMapDashboard } from "~/domain/execution/dashboard.server";
import { ragOf } from "~/domain/execution/execution";
import { formatQuarterParam, todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatDate, formatPercent } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { dashboardView } from "~/domain/execution/dashboard-view.server";
import { idSchema } from "~/domain/ids";
import { sharesOfLines } from "~/domain/shares/shares.server";

const params = z.object({ roadMapId: idSchema });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title?.text ?? ""} · Oryndau` }];

export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const locale = await localeOf(request);
  const today = todayIn(env().APP_TIME_ZONE);
  const { filters, error } = parseDashboardFilters(new URL(request.url).searchParams, today);
  const db = await database();
  const dashboard = await roadMapDashboard(db, principal, parsed.data.roadMapId, filters);
  const shares = await sharesOfLines(db, [...dashboard.measures, ...dashboard.attention], filters.asOf);
  return { ...dashboardView(dashboard, filters, locale, today), shares, dateError: error, isAdmin: isAdmin(principal) };
}

export default function RoadMapDashboardPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const { total, thresholds, filters } = data;
  const link = (changes: Record<string, string | string[] | null>) => withParams(location.search, changes);
  const sectionLabel = (number: string | null, text: string) => (number ? `${number}. ${text}` : text);
  const quarterLabel = (q: { year: number; quarter: number }) => t("myMeasures.quarterLabel", q);
  const quarterChoices = [
    { value: "", label: t("dashboard.anyQuarter") },
    ...data.quarterOptions.map((q) => ({ value: q.value, label: quarterLabel(q) })),
  ];
  const pages = Math.max(1, Math.ceil(data.measureCount / MEASURES_PER_PAGE));
  const pageLink = (page: number) => {
    const search = new URLSearchParams(location.search);
    search.set("page", String(page));
    return `?${search}`;
  };

  return (
    <Stack gap="lg" maw={1200} mx="auto" className={filters.large ? "projector" : undefined}>
      <div>
        <Text size="sm" c="dimmed">
          <Localized value={data.programme} /> · {data.years}
        </Text>
        <Title order={1} size="h2" mt={4}>
          <Localized value={data.title} />
        </Title>
        <Breadcrumbs separator="›" mt={6} aria-label={t("dashboard.territory")}>
          {data.territory.trail.map((step, index) =>
            index === data.territory.trail.length - 1 ? (
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
              to={`/roadmaps/${data.roadMapId}/print${location.search}`}
              variant="default"
              size="xs"
              leftSection={<IconPrinter size={14} />}
            >
              {t("dashboard.print")}
            </Button>
            <ExportMenu items={dashboardExports(data.roadMapId, location.search)} />
            {data.isAdmin && (
              <Button
                component={Link}
                to={`/roadmaps/${data.roadMapId}/periods`}
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

      <Paper withBorder p="md" component="section" aria-label={t("dashboard.filters")}>
        <Form method="get" key={location.search}>
          {filters.territoryId && <input type="hidden" name="territory" value={filters.territoryId} />}
          {filters.large && <input type="hidden" name="large" value="1" />}
          <Stack gap="sm">
            <Group align="flex-end" gap="sm">
              <TextInput
                type="date"
                name="asOf"
                label={t("overview.asOf")}
                defaultValue={filters.asOf.date}
                error={data.dateError ? t(data.dateError) : undefined}
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
              {data.asOfChoices.map((choice) => (
                <Button
                  key={choice.date}
                  component={Link}
                  to={link({ asOf: choice.date, to: null })}
                  size="compact-xs"
                  variant={choice.date === filters.asOf.date ? "light" : "default"}
                >
                  {choice.kind === "today"
                    ? t("dashboard.today")
                    : choice.kind === "tenMonths"
                      ? t("dashboard.tenMonths", { year: choice.date.slice(0, 4) })
                      : t("dashboard.quarterEnd", { year: choice.quarter!.year, quarter: choice.quarter!.quarter })}
                </Button>
              ))}
            </Group>
            <details open={data.activeFilters > 0}>
              <summary>
                <Text span size="sm" fw={500}>
                  {t("dashboard.filters")}
                  {data.activeFilters > 0 ? ` (${data.activeFilters})` : ""}
                </Text>
              </summary>
              <Stack gap="sm" mt="sm">
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
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
                      ...data.options.sections.map((s) => ({
                        value: String(s.id),
                        label: `${s.parentId ? "\u00a0\u00a0" : ""}${sectionLabel(s.number, s.title?.text ?? "")}`,
                      })),
                    ]}
                  />
                  <NativeSelect
                    name="department"
                    label={t("dashboard.department")}
                    defaultValue={filters.departmentId ? String(filters.departmentId) : ""}
                    data={[
                      { value: "", label: t("dashboard.all") },
                      ...data.options.departments.map((d) => ({ value: String(d.id), label: d.name?.text ?? "" })),
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

      {total && (
        <HeadlineFigures
          total={total}
          now={data.now}
          asOfDate={filters.asOf.date}
          thresholds={thresholds}
          measureCount={data.measureCount}
          large={filters.large}
          statusLink={(status) => link({ status })}
        />
      )}

      <Paper withBorder p="md" component="section">
        <Title order={2} size="h4" mb="sm">
          {t("dashboard.byQuarter")}
        </Title>
        <QuarterChart
          id="quarter-series"
          large={filters.large}
          nowLabel={data.now?.label ?? null}
          points={data.series}
        />
        <details>
          <summary>
            <Text span size="sm">
              {t("dashboard.chartData")}
            </Text>
          </summary>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} fz="sm" data-testid="quarter-series">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("measurePage.quarter")}</Table.Th>
                  <Table.Th ta="right">{t("dashboard.quarterExecution")}</Table.Th>
                  <Table.Th ta="right">{t("dashboard.cumulativeExecution")}</Table.Th>
                  <Table.Th ta="right">{t("dashboard.plannedProgress")}</Table.Th>
                  <Table.Th ta="right">{t("dashboard.actualProgress")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.series.map((point) => (
                  <Table.Tr key={point.label}>
                    <Table.Td>{quarterLabel(point)}</Table.Td>
                    <Table.Td ta="right">{formatPercent(locale, point.quarterExecution)}</Table.Td>
                    <Table.Td ta="right">{formatPercent(locale, point.cumulativeExecution)}</Table.Td>
                    <Table.Td ta="right">{formatPercent(locale, point.plannedProgress)}</Table.Td>
                    <Table.Td ta="right">{formatPercent(locale, point.actualProgress)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </details>
      </Paper>

      <Paper withBorder p="md" component="section">
        <Title order={2} size="h4" mb="sm">
          {t("overview.bySection")}
        </Title>
        <SectionExecutionChart
          id="section-execution"
          title={t("overview.chartTitle")}
          amber={thresholds.amber}
          large={filters.large}
          bars={data.sections.map((section) => ({
            label: sectionLabel(section.number, section.name?.text ?? ""),
            percent: section.figures.execution === null ? null : section.figures.execution * 100,
            percentText: formatExecution(t, locale, section.figures.execution),
            rag: ragOf(section.figures.execution, thresholds),
          }))}
        />
        <BreakdownTable
          testId="section-table"
          heading={t("overview.section")}
          asOfDate={filters.asOf.date}
          thresholds={thresholds}
          rows={data.sections.flatMap((section) => [
            {
              key: section.id,
              label: (
                <>
                  {section.number ? `${section.number}. ` : ""}
                  <Localized value={section.name} />
                </>
              ),
              href: link({ section: String(section.id) }),
              figures: section.figures,
              strong: true,
            },
            ...section.subsections.map((sub) => ({
              key: sub.id,
              label: (
                <>
                  {sub.number ? `${sub.number}. ` : ""}
                  <Localized value={sub.name} />
                </>
              ),
              href: link({ section: String(sub.id) }),
              figures: sub.figures,
              indent: true,
            })),
          ])}
        />
        <Text size="xs" c="dimmed" mt="sm">
          {t("overview.formula")}
        </Text>
      </Paper>

      {data.territories.length > 0 && (
        <Paper withBorder p="md" component="section">
          <Title order={2} size="h4" mb="sm">
            {t("dashboard.byTerritory")}
          </Title>
          <BreakdownTable
            testId="territory-table"
            heading={t("dashboard.territory")}
            asOfDate={filters.asOf.date}
            thresholds={thresholds}
            rows={data.territories.map((row) => ({
              key: row.id,
              label: row.own ? t("dashboard.ownLevel", { name: row.name?.text ?? "" }) : <Localized value={row.name} />,
              href: row.own ? undefined : link({ territory: String(row.id) }),
              figures: row.figures,
            }))}
          />
        </Paper>
      )}

      <Paper withBorder p="md" component="section">
        <Title order={2} size="h4" mb="sm">
          {t("dashboard.byDepartment")}
        </Title>
        <BreakdownTable
          testId="department-table"
          heading={t("dashboard.department")}
          asOfDate={filters.asOf.date}
          thresholds={thresholds}
          rows={data.departments.map((row) => ({
            key: row.id,
            label: <Localized value={row.name} />,
            href: link({ department: String(row.id) }),
            figures: row.figures,
          }))}
        />
      </Paper>

      <Paper withBorder p="md" component="section">
        <Title order={2} size="h4" mb={4}>
          {t("dashboard.attention")}
        </Title>
        {data.attentionCount > data.attention.length && (
          <Text size="sm" c="dimmed" mb="xs">
            {t("dashboard.attentionMore", { count: data.attentionCount, shown: data.attention.length })}
          </Text>
        )}
        {data.attention.length === 0 ? (
          <Text c="dimmed">{t("dashboard.noAttention")}</Text>
        ) : (
          <MeasureTable rows={data.attention} shares={data.shares} testId="attention-table" />
        )}
      </Paper>

      <Paper withBorder p="md" component="section">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t("dashboard.measures")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("dashboard.measureCount", { count: data.measureCount })}
          </Text>
        </Group>
        <MeasureTable rows={data.measures} shares={data.shares} testId="measure-table" />
        {pages > 1 && (
          <Group justify="center" gap="md" mt="md" data-testid="pages">
            {filters.page > 1 && (
              <Button component={Link} to={pageLink(filters.page - 1)} variant="default" size="xs">
                {t("dashboard.previous")}
              </Button>
            )}
            <Text size="sm">{t("dashboard.page", { page: filters.page, pages })}</Text>
            {filters.page < pages && (
              <Button component={Link} to={pageLink(filters.page + 1)} variant="default" size="xs">
                {t("dashboard.next")}
              </Button>
            )}
          </Group>
        )}
      </Paper>
    </Stack>
  );
}
