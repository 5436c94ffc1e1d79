import { createHash } from "node:crypto";
import { PassThrough, Transform } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { closeDatabase, startDatabase } from "./db.server";
import { loadEnv } from "./env.server";
import { noteServerError } from "./http/handle.server";
import { NonceContext } from "./http/nonce";

export const streamTimeout = 5_000;

/** Called by server.mjs before it listens: settings are checked, the schema migrated, demo data seeded. */
export async function prepare(): Promise<{ port: number; trustProxy: boolean }> {
  const settings = loadEnv();
  await startDatabase();
  return { port: settings.PORT, trustProxy: settings.TRUST_PROXY };
}

export { closeDatabase as shutdown };
export { handle } from "./http/handle.server";

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (!request.signal.aborted) noteServerError(error);
};

// A page is a function of its URL and its loaders' data: the same data renders the same HTML. Pages
// whose data has not changed (a dashboard viewed again, between two writes) are served from here
// instead of being rendered again. The key holds the data itself, so a page is never older than it.
const MAX_PAGES = 300;
// Each page is kept with the CSP nonce it was rendered with; served again, it carries the new one.
const renderedPages = new Map<string, { html: string; nonce: string }>();

function pageKey(request: Request, context: EntryContext): string | null {
  const { staticHandlerContext } = context;
  if (request.method !== "GET" || staticHandlerContext.actionData || staticHandlerContext.errors) return null;
  return createHash("sha256")
    .update(request.url)
    .update(JSON.stringify(staticHandlerContext.loaderData))
    .digest("base64url");
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
  const nonce = loadContext.cspNonce;
  const key = responseStatusCode === 200 ? pageKey(request, remixContext) : null;
  const cached = key ? renderedPages.get(key) : undefined;
  if (key && cached !== undefined) {
    renderedPages.delete(key);
    renderedPages.set(key, cached);
    return new Response(cached.html.replaceAll(cached.nonce, nonce), {
      headers: responseHeaders,
      status: responseStatusCode,
    });
  }

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        // Every page is rendered whole before it is sent (no Suspense here): it can then be kept.
        onAllReady() {
          shellRendered = true;
          const body = new PassThrough();
          if (key) {
            const chunks: Buffer[] = [];
            body.on("data", (chunk: Buffer) => chunks.push(chunk));
            body.on("end", () => {
              renderedPages.set(key, { html: Buffer.concat(chunks).toString("utf8"), nonce });
              if (renderedPages.size > MAX_PAGES) renderedPages.delete(renderedPages.keys().next().value!);
            });
          }
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(withoutNulBytes()).pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    // The request's deadline (http/handle.server.ts) bounds the render too: a page that is slow only
    // because the machine is busy still comes whole, and one past the deadline stops rendering.
    request.signal.addEventListener("abort", () => abort(), { once: true });
  });
}
