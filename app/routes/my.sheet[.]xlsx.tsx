import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePrincipal } from "~/domain/auth/session.server";
import { quarterSheetFile, sheetScopeOf } from "~/domain/progress/quarter-sheet.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";

/** A department's quarter sheet, pre-filled, for its editors only (403 for anyone else). */
export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const scope = sheetScopeOf(new URL(request.url));
  const locale = await localeOf(request);
  const file = await quarterSheetFile(await database(), principal, scope, locale, todayIn(env().APP_TIME_ZONE));
  return new Response(file.bytes, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
