import { FORM_MAX_BYTES, MULTIPART_MAX_BYTES } from "./limits";

// Checks a request passes before any route sees it. Each refusal is a 4xx with a message key of
// the serverErrors area: hostile or broken input never reaches the database.

export type RefusalKey = "badText" | "tooLarge" | "unsupportedType" | "methodNotAllowed" | "crossSite";

export interface Refusal {
  status: 400 | 403 | 405 | 413 | 415;
  key: RefusalKey;
  /** The size limit, for «too large». */
  limit?: number;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase());

type BodyKind = "urlencoded" | "multipart";

function bodyKindOf(contentType: string | null): BodyKind | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return "urlencoded";
  if (type === "multipart/form-data") return "multipart";
  return null;
}

/** The largest body of this type; `multipartMax` when a setting allows larger multipart forms (evidence files). */
export const bodyLimitOf = (contentType: string | null, multipartMax = MULTIPART_MAX_BYTES) =>
  bodyKindOf(contentType) === "multipart" ? Math.max(multipartMax, MULTIPART_MAX_BYTES) : FORM_MAX_BYTES;

/**
 * A request that changes something must come from one of our own pages: a browser says where a
 * form came from (Origin, Sec-Fetch-Site). Clients that send neither are not browsers, and a
 * cross-site forgery needs a browser.
 */
export function crossSiteRefusal(request: Request): Refusal | null {
  if (isSafeMethod(request.method)) return null;
  const site = request.headers.get("Sec-Fetch-Site");
  if (site && site !== "same-origin" && site !== "none") return { status: 403, key: "crossSite" };
  const origin = request.headers.get("Origin");
  if (origin !== null && origin !== new URL(request.url).origin) return { status: 403, key: "crossSite" };
  return null;
}

/** What is wrong with a request's method, type or declared size, before its body is read. */
export function bodyRefusal(request: Request, multipartMax = MULTIPART_MAX_BYTES): Refusal | null {
  if (isSafeMethod(request.method)) return null;
  const length = request.headers.get("Content-Length");
  const empty = length === "0" || (length === null && request.headers.get("Transfer-Encoding") === null);
  const kind = bodyKindOf(request.headers.get("Content-Type"));
  // Every action of the app is a form post, and a browser's form post always names its type, even
  // with no fields.
  if (request.method.toUpperCase() !== "POST") {
    return !empty && kind === null ? { status: 415, key: "unsupportedType" } : { status: 405, key: "methodNotAllowed" };
  }
  if (kind === null) return { status: 415, key: "unsupportedType" };
  const limit = bodyLimitOf(request.headers.get("Content-Type"), multipartMax);
  if (length !== null && Number(length) > limit) return { status: 413, key: "tooLarge", limit };
  return null;
}

/** The body, read no further than the limit: null once it goes past it (a body sent without a length). */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // The rest is left unread (cancelling would destroy the socket before the 413 is sent); the
    // connection closes after the answer.
    if (size > limit) return null;
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Percent-decoded bytes of one part of a query string or urlencoded form. */
function decodedBytes(part: string): Uint8Array | null {
  const bytes: number[] = [];
  for (let index = 0; index < part.length; index++) {
    const char = part[index]!;
    if (char === "%") {
      const hex = part.slice(index + 1, index + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else if (char === "+") {
      bytes.push(0x20);
    } else {
      bytes.push(...new TextEncoder().encode(char));
    }
  }
  return Uint8Array.from(bytes);
}

/** True when every name and value of a query string or urlencoded form is valid UTF-8 without NUL. */
export function isCleanUrlEncoded(text: string): boolean {
  for (const pair of text.split("&")) {
    for (const part of pair.split("=")) {
      const bytes = decodedBytes(part);
      if (!bytes || bytes.includes(0)) return false;
      try {
        strictUtf8.decode(bytes);
      } catch {
        return false;
      }
    }
  }
  return true;
}

/**
 * The text a form carries is valid UTF-8 without NUL bytes (PostgreSQL refuses both: 22021, 22P05).
 * A multipart form's text fields are checked once parsed; a file is bytes and is left alone.
 */
export async function textRefusal(request: Request, body: Uint8Array<ArrayBuffer>): Promise<Refusal | null> {
  const refused: Refusal = { status: 400, key: "badText" };
  const query = new URL(request.url).search.slice(1);
  if (query && !isCleanUrlEncoded(query)) return refused;
  const kind = bodyKindOf(request.headers.get("Content-Type"));
  if (kind === "urlencoded") {
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      return refused;
    }
    return isCleanUrlEncoded(text) ? null : refused;
  }
  if (kind === "multipart") {
    let form: FormData;
    try {
      form = await new Request(request.url, { method: "POST", headers: request.headers, body }).formData();
    } catch {
      return refused;
    }
    // The parser turns invalid UTF-8 into U+FFFD: no one types that character (or a NUL) into a form.
    const forbidden = (text: string) => text.includes("\u0000") || text.includes("\uFFFD");
    for (const [name, value] of form) {
      if (forbidden(name) || (typeof value === "string" && forbidden(value))) return refused;
    }
  }
  return null;
}
