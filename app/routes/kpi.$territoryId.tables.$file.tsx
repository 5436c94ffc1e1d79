import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePrincipal } from "~/domain/auth/session.server";
import { forbidden } from "~/domain/auth/permissions.server";
import { KPI_TABLES, kpiTable } from "~/domain/export/kpi-tables.server";
import { tableFileParam, territoryIdParam } from "~/domain/export/params";
import { tableWriter } from "~/domain/export/write-table.server";
import { mayViewRanking } from "~/domain/kpi/access";
import { periodParam } from "~/domain/kpi/actual-schema";
import { findTerritory } from "~/domain/kpi/kpi.server";
import { rankingView } from "~/domain/kpi/views.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";

/** The KPI ranking or heatmap of a parent's territories (/kpi/5/tables/kpiRanking.csv?period=2025). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const territoryId = territoryIdParam(params);
  const { table, format } = tableFileParam(params, KPI_TABLES);
  const db = await database();
  const parent = await findTerritory(db, territoryId);
  if (!parent) throw new Response("Not found", { status: 404 });
  if (!mayViewRanking(principal, parent.path)) throw forbidden();
  const period = periodParam
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get("period") ?? undefined);
  const locale = await localeOf(request);
  const today = todayIn(env().APP_TIME_ZONE);
  const view = await rankingView(db, parent.id, period ?? null, today, locale);
  const suffix = view.period ? `${view.period.year}${view.period.quarter ? `-Q${view.period.quarter}` : ""}` : today;
  const write = tableWriter(format, locale, { suffix, ascii: `${table}-${territoryId}-${suffix}` });
  return write(kpiTable(view, table, locale, today));
}
