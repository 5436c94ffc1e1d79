import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requirePrincipal } from "~/domain/auth/session.server";
import { meetingView } from "~/domain/meetings/meeting-view.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";
import { idSchema } from "~/domain/ids";

const params = z.object({ meetingId: idSchema });

/** The minutes as a PDF, in the reader's language, with the frozen figures as an annex. */
export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const locale = await localeOf(request);
  const { APP_TIME_ZONE } = env();
  const view = await meetingView(
    await database(),
    principal,
    parsed.data.meetingId,
    locale,
    todayIn(APP_TIME_ZONE),
    APP_TIME_ZONE,
  );
  // pdfkit and its fonts (≈ 30 MB) are loaded by the first protocol, not by every server process at start.
  const { renderProtocolPdf } = await import("~/domain/meetings/protocol-pdf.server");
  const pdf = await renderProtocolPdf(view, locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="protocol-${view.meeting.id}-${view.meeting.date}-${locale}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
