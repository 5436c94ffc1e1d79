import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePrincipal } from "~/domain/auth/session.server";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { dashboardExport } from "~/domain/export/dashboard-export.server";
import { DASHBOARD_TABLES, dashboardTable } from "~/domain/export/dashboard-tables.server";
import { roadMapIdParam, tableFileParam } from "~/domain/export/params";
import { tableWriter } from "~/domain/export/write-table.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";

/** A dashboard table (/roadmaps/1/tables/sections.xlsx?asOf=…) for the dashboard's user and filters. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const roadMapId = roadMapIdParam(params);
  const { table, format } = tableFileParam(params, DASHBOARD_TABLES);
  const { filters } = parseDashboardFilters(new URL(request.url).searchParams, todayIn(env().APP_TIME_ZONE));
  const locale = await localeOf(request);
  const exported = await dashboardExport(await database(), principal, roadMapId, filters, locale);
  const write = tableWriter(format, locale, {
    suffix: exported.asOf,
    ascii: `${table}-${roadMapId}-${exported.asOf}`,
  });
  return dashboardTable(exported, table, write);
}
