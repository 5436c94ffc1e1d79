import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's IP address as Express sees it (behind a trusted proxy: the forwarded one). */
    clientAddress?: string;
  }
}

export function clientAddress(context: AppLoadContext): string | null {
  const address = context.clientAddress;
  return typeof address === "string" && address.length > 0 ? address.slice(0, 100) : null;
}
