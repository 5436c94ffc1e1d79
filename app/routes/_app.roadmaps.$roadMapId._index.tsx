import { Paper, Stack } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import {
  breakdownViewOf,
  DepartmentBreakdown,
  SectionBreakdown,
  TerritoryBreakdown,
} from "~/components/dashboard/breakdowns";
import { DashboardFilterForm } from "~/components/dashboard/dashboard-filter-form";
import { DashboardHeading } from "~/components/dashboard/dashboard-heading";
import { AttentionList, MeasureList } from "~/components/dashboard/measure-lists";
import { HeadlineFigures } from "~/components/dashboard/named-figures";
import { QuarterSeries } from "~/components/dashboard/quarter-series";
import { ExecutionMap } from "~/components/map/compared-maps";
import { isAdmin } from "~/domain/auth/access";
import { requirePrincipal } from "~/domain/auth/session.server";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { withParams } from "~/domain/execution/dashboard-links";
import { roadMapDashboard } from "~/domain/execution/dashboard.server";
import { dashboardView } from "~/domain/execution/dashboard-view.server";
import { roadMapRevision } from "~/domain/execution/figures-cache.server";
import { dashboardMap } from "~/domain/geo/maps.server";
import { todayIn } from "~/domain/periods/quarter";
import { idSchema } from "~/domain/ids";
import { sharesOfLines } from "~/domain/shares/shares.server";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { plainText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";

const params = z.object({ roadMapId: idSchema });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${plainText(data?.title)} · Oryndau` }];

export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const parsed = params.safeParse(rawParams);
  const db = await database();
  // The revision (nothing of the road map itself) is read beside the session, not after it.
  const [principal, revision] = await Promise.all([
    requirePrincipal(request),
    parsed.success ? roadMapRevision(db, parsed.data.roadMapId) : undefined,
  ]);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const locale = await localeOf(request);
  const today = todayIn(env().APP_TIME_ZONE);
  const { filters, error } = parseDashboardFilters(new URL(request.url).searchParams, today);
  const dashboard = await roadMapDashboard(db, principal, parsed.data.roadMapId, filters, revision);
  const shares = await sharesOfLines(db, [...dashboard.measures, ...dashboard.attention], filters.asOf);
  const view = dashboardView(dashboard, filters, locale, today);
  const map = await dashboardMap(db, view, locale, { roadMapId: dashboard.roadMap.id, revision: dashboard.revision });
  return { ...view, shares, map, dateError: error, isAdmin: isAdmin(principal) };
}

export default function RoadMapDashboardPage() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  const { total, filters } = data;
  const link = (changes: Record<string, string | string[] | null>) => withParams(location.search, changes);

  return (
    <Stack gap="lg" maw={1200} mx="auto" className={filters.large ? "projector" : undefined}>
      <DashboardHeading view={data} isAdmin={data.isAdmin} link={link} />
      <DashboardFilterForm view={data} dateError={data.dateError} link={link} />
      {total && (
        <HeadlineFigures
          total={total}
          now={data.now}
          asOfDate={filters.asOf.date}
          measureCount={data.measureCount}
          large={filters.large}
          statusLink={(status) => link({ status })}
        />
      )}
      <QuarterSeries view={data} />
      <SectionBreakdown view={breakdownViewOf(data)} link={link} />
      {data.map && (
        <Paper withBorder p="md" component="section">
          <ExecutionMap map={data.map} rows={data.territories} thresholds={data.thresholds} link={link} />
        </Paper>
      )}
      {data.territories.length > 0 && <TerritoryBreakdown view={breakdownViewOf(data)} link={link} />}
      <DepartmentBreakdown view={data} link={link} />
      <AttentionList view={data} shares={data.shares} />
      <MeasureList view={data} shares={data.shares} />
    </Stack>
  );
}
