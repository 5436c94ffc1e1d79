import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePrincipal } from "~/domain/auth/session.server";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { fileResponse } from "~/domain/export/download.server";
import { executionReport } from "~/domain/export/execution-report.server";
import { roadMapIdParam } from "~/domain/export/params";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";

/** The execution report as DOCX (Word), for the dashboard's user and filters (its query string). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const roadMapId = roadMapIdParam(params);
  const { filters } = parseDashboardFilters(new URL(request.url).searchParams, todayIn(env().APP_TIME_ZONE));
  const report = await executionReport(await database(), principal, roadMapId, filters, await localeOf(request));
  // docx (≈ 11 MB) is loaded by the first Word export, not by every server process at start.
  const { reportToDocx } = await import("~/domain/export/report-docx.server");
  return fileResponse(await reportToDocx(report), "docx", report);
}
