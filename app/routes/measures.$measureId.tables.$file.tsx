import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePrincipal } from "~/domain/auth/session.server";
import { MEASURE_TABLES, measureTable } from "~/domain/export/measure-tables.server";
import { measureIdParam, tableFileParam } from "~/domain/export/params";
import { tableWriter } from "~/domain/export/write-table.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";

/** A measure's entries or history (/measures/7/tables/entries.xlsx), as its page shows them to this user. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const measureId = measureIdParam(params);
  const { table, format } = tableFileParam(params, MEASURE_TABLES);
  const locale = await localeOf(request);
  const { APP_TIME_ZONE } = env();
  const today = todayIn(APP_TIME_ZONE);
  const write = tableWriter(format, locale, { suffix: today, ascii: `${table}-${measureId}-${today}` });
  return measureTable(
    await database(),
    principal,
    { measureId, table, locale, today, timeZone: APP_TIME_ZONE, origin: new URL(request.url).origin },
    write,
  );
}
