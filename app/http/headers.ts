// Headers every response of the app carries. Scripts run only with the page's nonce, or, on a page kept by
// the page cache (the same bytes for every request), only when their hash is listed; Mantine writes
// style attributes and tags at run time, so styles may be inline (allowed by the issue, harmless
// without script).

/** The policy for a nonce, or for the listed hash sources ('sha256-…') of a page's inline scripts. */
export function contentSecurityPolicy(scripts: string | { hashes: string[] }): string {
  const allowed = typeof scripts === "string" ? `'nonce-${scripts}'` : scripts.hashes.join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' ${allowed}`.trimEnd(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export interface HeaderOptions {
  nonce: string;
  https: boolean;
  dev?: boolean;
}

/**
 * Sets the security headers on a response of the app. Nothing it answers may be kept by a shared
 * cache: pages and `.data` carry what one signed-in person may see. A policy the response already has
 * (a kept page's, by hashes) stays.
 */
export function applySecurityHeaders(headers: Headers, { nonce, https, dev = false }: HeaderOptions): void {
  // The dev server injects its own hot-reload scripts, which carry no nonce.
  if (dev) headers.delete("Content-Security-Policy");
  else if (!headers.has("Content-Security-Policy"))
    headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Referrer-Policy", "same-origin");
  headers.set("Cache-Control", "private, no-store");
  if (https) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}
