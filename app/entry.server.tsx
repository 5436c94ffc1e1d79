import { createHash } from "node:crypto";
import { PassThrough, Transform } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { closeDatabase, startDatabase } from "./db.server";
import { sizeFiguresCache } from "./domain/execution/figures-cache.server";
import { sizeKeptRows } from "./domain/execution/road-map-rows.server";
import { mailer } from "./domain/mail/mailer.server";
import { createScheduler, type Scheduler } from "./domain/notifications/scheduler.server";
import { env, loadEnv } from "./env.server";
import { noteServerError } from "./http/handle.server";
import { NonceContext } from "./http/nonce";
import { asBody, keptAnswer, pageCache } from "./http/kept-pages.server";
import { keepable, type KeptPage } from "./http/page-cache.server";

export const streamTimeout = 5_000;

/** Called by server.mjs before it listens: settings are checked, the schema migrated, demo data seeded. */
export async function prepare(): Promise<{ port: number; trustProxy: boolean }> {
  const settings = loadEnv();
  sizeFiguresCache(settings.FIGURES_CACHE_MB);
  sizeKeptRows(settings.ROAD_MAP_ROWS_MB);
  const { db } = await startDatabase();
  // Reminders and notification mail (docs/decisions/0029): every process runs its own scheduler.
  scheduler = createScheduler({
    db,
    mailer: mailer(),
    timeZone: settings.APP_TIME_ZONE,
    origin: settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`,
    onError: noteServerError,
  });
  scheduler.start();
  return { port: settings.PORT, trustProxy: settings.TRUST_PROXY };
}

let scheduler: Scheduler | undefined;

/** Called by server.mjs when it stops: a tick in progress ends before the database closes. */
export async function shutdown(): Promise<void> {
  await scheduler?.stop();
  await closeDatabase();
}
export { handle } from "./http/handle.server";

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (!request.signal.aborted) noteServerError(error);
};

// A page is a function of its URL and its loaders' data: the same data renders the same HTML. Pages
// whose data has not changed (a dashboard viewed again, between two writes) are served from here
// instead of being rendered again. The key holds the data itself, so a page is never older than it.
// Such a page is rendered without a nonce and kept as the bytes sent (http/page-cache.server.ts).
const renderingPages = new Map<string, Promise<{ page: KeptPage; status: number }>>();

function pageKey(request: Request, context: EntryContext): string | null {
  const { staticHandlerContext } = context;
  if (request.method !== "GET" || staticHandlerContext.actionData || staticHandlerContext.errors) return null;
  return (
    createHash("sha256")
      .update(request.url)
      .update(JSON.stringify(staticHandlerContext.loaderData))
      // A new build links other assets: its pages are other pages.
      .update(context.manifest.version)
      .digest("base64url")
  );
}

/**
 * React 18.3's stream writer sends the unwritten, zero-filled tail of its 2 048-byte buffer when a
 * multi-byte character (every Cyrillic letter) straddles the buffer's end (react #24985, #31134; fixed
 * only in React 19). HTML never holds a NUL byte of its own — PostgreSQL cannot even store one in
 * text — so every NUL in the output is such a tail and is dropped.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!chunk.includes(0)) return done(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
      done(null, kept.subarray(0, length));
    },
  });
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The security headers are set for every response by http/handle.server.ts.
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  const key = responseStatusCode === 200 && env().PAGE_CACHE_MB > 0 ? pageKey(request, remixContext) : null;
  if (key) {
    const kept = pageCache().get(key);
    if (kept) {
      loadContext.keptPage = key;
      return keptAnswer(pageCache(), request, key, kept, responseStatusCode, responseHeaders);
    }
    // Viewers arriving together after a write wait for the one render of the new page.
    let rendering = renderingPages.get(key);
    if (!rendering) {
      rendering = renderPage(request, remixContext, undefined, responseStatusCode)
        .then(async ({ html, status }) => {
          const page = await keepable(html, key);
          // A page whose render failed is answered the same way (its scripts are allowed by hash) but not kept.
          if (status === 200) pageCache().set(key, page);
          return { page, status };
        })
        .finally(() => renderingPages.delete(key));
      renderingPages.set(key, rendering);
    }
    return rendering.then(({ page, status }) => {
      if (status === 200) loadContext.keptPage = key;
      return keptAnswer(pageCache(), request, key, page, status, responseHeaders);
    });
  }
  return renderPage(request, remixContext, loadContext.cspNonce, responseStatusCode).then(
    ({ html, status }) => new Response(asBody(html), { headers: responseHeaders, status }),
  );
}

/** The whole page, rendered before it is sent (no Suspense here): it can then be kept. */
function renderPage(
  request: Request,
  remixContext: EntryContext,
  nonce: string | undefined,
  initialStatus: number,
): Promise<{ html: Buffer; status: number }> {
  return new Promise((resolve, reject) => {
    let status = initialStatus;
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce ?? ""}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        onAllReady() {
          shellRendered = true;
          const chunks: Buffer[] = [];
          const body = new PassThrough();
          body.on("data", (chunk: Buffer) => chunks.push(chunk));
          body.on("end", () => resolve({ html: Buffer.concat(chunks), status }));
          body.on("error", reject);
          pipe(withoutNulBytes()).pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          status = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    // The request's deadline (http/handle.server.ts) bounds the render too: a page that is slow only
    // because the machine is busy still comes whole, and one past the deadline stops rendering.
    request.signal.addEventListener("abort", () => abort(), { once: true });
  });
}
