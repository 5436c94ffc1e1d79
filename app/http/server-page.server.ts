import { translator } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import type { Refusal } from "./request-checks";

// Plain pages for answers given outside Remix's rendering: a refused request, or a database that does
// not answer. They need no database and no script, in the reader's language.

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function megabytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}

async function page(request: Request, status: number, title: string, message: string, retry: boolean) {
  const locale = await localeOf(request);
  const t = translator(locale);
  const again = retry
    ? `<p><a href="${escape(new URL(request.url).pathname)}">${escape(t("serverErrors.tryAgain"))}</a></p>`
    : "";
  const html = `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Oryndau</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1a1b1e}h1{font-size:1.4rem}</style></head><body><main role="alert"><h1>${escape(title)}</h1><p>${escape(message)}</p>${again}<p><a href="/">${escape(t("serverErrors.backHome"))}</a></p></main></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/** «The database is unavailable, try again», with the seconds after which a retry makes sense. */
export async function unavailablePage(request: Request, retryAfterSeconds = 5): Promise<Response> {
  const t = translator(await localeOf(request));
  const response = await page(request, 503, t("serverErrors.unavailableTitle"), t("serverErrors.unavailable"), true);
  response.headers.set("Retry-After", String(retryAfterSeconds));
  return response;
}

export async function refusalPage(request: Request, refusal: Refusal): Promise<Response> {
  const t = translator(await localeOf(request));
  const message = t(`serverErrors.${refusal.key}`, { limit: megabytes(refusal.limit ?? 0) });
  const response = await page(request, refusal.status, t("serverErrors.refusedTitle"), message, false);
  if (refusal.status === 405) response.headers.set("Allow", "GET, HEAD, POST");
  // The rest of a body refused unread is not wanted either: the connection is closed after the answer.
  if (refusal.status === 413) response.headers.set("Connection", "close");
  return response;
}
