import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, requireAdminRequest } from "~/domain/admin/guard.server";
import { fileResponse } from "~/domain/export/download.server";
import { roadMapWorkbook } from "~/domain/export/road-map-workbook.server";
import { todayIn } from "~/domain/periods/quarter";
import { env } from "~/env.server";

/** The road map as a workbook (one sheet per language) that the road-map import reads back. Admins only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db } = await requireAdminRequest(request);
  const workbook = await roadMapWorkbook(db, idParam(params, "roadMapId"), todayIn(env().APP_TIME_ZONE));
  return fileResponse(workbook.bytes, "xlsx", workbook);
}
