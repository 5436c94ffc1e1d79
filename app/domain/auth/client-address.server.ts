import type { AppLoadContext } from "@remix-run/node";

/** The client's address from the request context (app/http/handle.server.ts), bounded for storage. */
export function clientAddress(context: AppLoadContext): string | null {
  const address = context.clientAddress;
  return typeof address === "string" && address.length > 0 ? address.slice(0, 100) : null;
}
