import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";

// Rendered pages kept for the next request with the same data, as the bytes that are sent: compressed
// once with brotli (gzip made on the first request that wants it), with their scripts' hashes for the
// Content-Security-Policy (a per-response nonce would make every answer differ) and a strong ETag. The
// cache holds at most a number of bytes, counted over what it keeps, and drops the least recently used.

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const unbrotli = promisify(zlib.brotliDecompress);

/** Cheap enough to pay once per page and data (≈ 4 ms for a 200 kB page here), close to gzip -9's size. */
export const DYNAMIC_BROTLI_QUALITY = 4;
export const DYNAMIC_GZIP_LEVEL = 6;
/** What a kept page costs beyond its bytes (its key, its entry, its hashes): a rough, fixed figure. */
const ENTRY_OVERHEAD_BYTES = 512;

export interface KeptPage {
  etag: string;
  /** CSP sources ('sha256-…') of the page's inline scripts. */
  scriptHashes: string[];
  brotli: Buffer;
  gzip?: Buffer;
  /** The page as rendered, before compression. */
  length: number;
}

export class PageCache {
  private readonly pages = new Map<string, KeptPage>();
  private used = 0;

  constructor(readonly budgetBytes: number) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.pages.size;
  }

  get(key: string): KeptPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  /** Keeps the page unless it alone takes more than an eighth of the budget; drops the oldest to fit. */
  set(key: string, page: KeptPage): void {
    this.delete(key);
    const cost = costOf(key, page);
    if (cost > this.budgetBytes / 8) return;
    this.pages.set(key, page);
    this.used += cost;
    this.fit();
  }

  /** Counts bytes added to a kept page (its gzip copy, made later). */
  grew(key: string, page: KeptPage, bytes: number): void {
    if (this.pages.get(key) !== page) return;
    this.used += bytes;
    this.fit();
  }

  private delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.used -= costOf(key, page);
  }

  private fit(): void {
    while (this.used > this.budgetBytes) {
      const oldest = this.pages.keys().next();
      if (oldest.done) return;
      this.delete(oldest.value);
    }
  }
}

function costOf(key: string, page: KeptPage): number {
  return key.length + page.brotli.length + (page.gzip?.length ?? 0) + ENTRY_OVERHEAD_BYTES;
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The CSP hash sources of every inline script of the page (those with a src have nothing to hash). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", body = ""] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** A page made ready to keep: hashed, tagged and compressed. */
export async function keepable(html: Buffer, tag: string): Promise<KeptPage> {
  return {
    etag: `"${tag}"`,
    scriptHashes: inlineScriptHashes(html.toString("utf8")),
    brotli: await brotli(html, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: html.length,
      },
    }),
    length: html.length,
  };
}

/** The bytes of a kept page in the coding chosen for a request (its gzip copy is made once, then kept). */
export async function bodyOf(
  cache: PageCache,
  key: string,
  page: KeptPage,
  coding: "br" | "gzip" | "identity",
): Promise<Buffer> {
  if (coding === "br") return page.brotli;
  const html = await unbrotli(page.brotli);
  if (coding === "identity") return html;
  if (!page.gzip) {
    const made = await gzip(html, { level: DYNAMIC_GZIP_LEVEL });
    // Two requests may have made it at once: the first one kept is counted.
    if (!page.gzip) {
      page.gzip = made;
      cache.grew(key, page, made.length);
    }
  }
  return page.gzip;
}

/** True when the request's If-None-Match names this tag (weak comparison, RFC 9110 §13.1.2). */
export function matchesTag(ifNoneMatch: string | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = tag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}
