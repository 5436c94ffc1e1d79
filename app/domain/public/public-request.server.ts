import { z } from "zod";
import { todayIn } from "~/domain/periods/quarter";
import { idSchema } from "~/domain/ids";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { translator } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { plainText, type PageText } from "~/i18n/locales";
import { formatDate } from "~/i18n/format";
import type { PublicMeta } from "./public-meta";
import { publishedProgramme } from "./publication.server";

// What every public page's loader starts with. No session is read: the page is the same for everyone
// (and is kept by the view cache without a principal, ADR 31).

const params = z.object({ programmeId: idSchema, roadMapId: idSchema.optional() });
const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export async function publicRequest(request: Request, rawParams: Record<string, string | undefined>) {
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const { page } = query.parse({ page: url.searchParams.get("page") ?? undefined });
  const db = await database();
  const locale = await localeOf(request);
  const programme = await publishedProgramme(db, parsed.data.programmeId);
  return {
    db,
    locale,
    programme,
    roadMapId: parsed.data.roadMapId,
    page,
    today: todayIn(env().APP_TIME_ZONE),
    /** The page's meta tags, in the reader's language. */
    meta(programmeTitle: PageText | null, roadMapTitle: PageText | null, asOf: string): PublicMeta {
      const t = translator(locale);
      const publicUrl = env().PUBLIC_URL;
      const programmeName = plainText(programmeTitle);
      const roadMapName = roadMapTitle ? plainText(roadMapTitle) : null;
      return {
        title: `${roadMapName ? `${roadMapName} — ` : ""}${programmeName} · ${t("publicPage.kind")}`,
        description: t("publicPage.description", {
          programme: programmeName,
          roadMap: roadMapName ?? t("publicPage.allRoadMaps"),
          date: formatDate(locale, asOf),
        }),
        url: publicUrl ? `${publicUrl}${url.pathname}${page > 1 ? `?page=${page}` : ""}` : null,
        locale,
      };
    },
  };
}
