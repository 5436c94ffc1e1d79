import { chooseEncoding } from "../../server/content-coding.mjs";
import { env } from "~/env.server";
import { contentSecurityPolicy } from "./headers";
import { bodyOf, type KeptPage, matchesTag, PageCache } from "./page-cache.server";

// The process's kept pages (page-cache.server.ts) and how one is sent: shared by the render
// (entry.server.tsx), which keeps them, and the view cache (view-cache.server.ts), which answers
// a repeat view with one before Remix runs.

let pages: PageCache | undefined;
export const pageCache = () => (pages ??= new PageCache(env().PAGE_CACHE_MB * 1024 * 1024));

const CODINGS = ["br", "gzip"];

/** A kept page as the answer to this request: in the coding it accepts, or 304 when it has the page. */
export async function keptAnswer(
  cache: PageCache,
  request: Request,
  key: string,
  page: KeptPage,
  status: number,
  headers: Headers,
): Promise<Response> {
  const coding = chooseEncoding(request.headers.get("Accept-Encoding") ?? undefined, CODINGS) as
    "br" | "gzip" | "identity";
  // Each coding is a representation of its own, with its own strong validator.
  const etag = coding === "identity" ? page.etag : page.etag.replace(/"$/, `-${coding}"`);
  if (status === 200) headers.set("ETag", etag);
  headers.set("Vary", "Accept-Encoding");
  headers.set("Content-Security-Policy", contentSecurityPolicy({ hashes: page.scriptHashes }));
  if (status === 200 && matchesTag(request.headers.get("If-None-Match"), etag))
    return new Response(null, { status: 304, headers });
  const body = await bodyOf(cache, key, page, coding);
  if (coding !== "identity") headers.set("Content-Encoding", coding);
  headers.set("Content-Length", String(body.length));
  return new Response(asBody(body), { status, headers });
}

// Node Buffers are over ArrayBuffers (never shared memory here), which the DOM typings cannot tell.
export const asBody = (bytes: Buffer) => new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
