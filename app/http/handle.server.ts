import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { migrationsCurrent } from "~db/migrate";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { isDatabaseUnavailable } from "./database-unavailable";
import { FORM_MAX_BYTES } from "./limits";
import { applySecurityHeaders } from "./headers";
import {
  bodyLimitOf,
  bodyRefusal,
  crossSiteRefusal,
  isSafeMethod,
  readBodyWithin,
  textRefusal,
} from "./request-checks";
import { refusalPage, unavailablePage } from "./server-page.server";
import type { MyPageSources } from "~/domain/progress/my-page.server";
import { viewCache, viewIdentityOf, viewKey } from "./view-cache.server";

// Every request of the app passes here (server.mjs) on its way to Remix: probes, the checks that refuse
// hostile input, a deadline, and the security headers.

export interface RequestContext {
  /** The nonce of this response's Content-Security-Policy, carried by every script tag. */
  cspNonce: string;
  /** The client's IP address as Express sees it (behind a trusted proxy: the forwarded one). */
  clientAddress?: string;
  /** Set by the render when the answer is a kept page (its key in the page cache), for the view cache. */
  keptPage?: string;
  /** What the view cache keyed a /my view by, for its loader to make the page from (ADR 37). */
  myPage?: MyPageSources;
}

type Next = (request: Request, context: RequestContext) => Promise<Response>;

const requestState = new AsyncLocalStorage<{ databaseUnavailable: boolean }>();

/** Called by Remix for every error of a loader or action (entry.server's handleError). */
export function noteServerError(error: unknown): void {
  const state = requestState.getStore();
  if (state && isDatabaseUnavailable(error)) state.databaseUnavailable = true;
  else console.error(error);
}

const READY_TIMEOUT_MS = 2_000;

async function probe(path: string): Promise<Response | null> {
  if (path === "/healthz") return new Response("ok\n", { headers: { "Content-Type": "text/plain" } });
  if (path !== "/readyz") return null;
  const ready = (async () => {
    const db = await database();
    await sql`SELECT 1`.execute(db);
    return (await migrationsCurrent(db)) ? "ready" : "migrations pending";
  })();
  const timeout = new Promise<string>((resolve) =>
    setTimeout(resolve, READY_TIMEOUT_MS, "database not answering").unref(),
  );
  const state = await Promise.race([ready, timeout]).catch(() => "database unreachable");
  return new Response(`${state}\n`, {
    status: state === "ready" ? 200 : 503,
    headers: { "Content-Type": "text/plain" },
  });
}

async function checked(request: Request): Promise<Request | Response> {
  // An entry form may carry as many evidence files as the settings allow, each as large as they allow.
  const multipartMax = env().EVIDENCE_FILES_MAX * env().EVIDENCE_FILE_MAX_MB * 2 ** 20 + FORM_MAX_BYTES;
  const refusal = crossSiteRefusal(request) ?? bodyRefusal(request, multipartMax);
  if (refusal) return refusalPage(request, refusal);
  if (isSafeMethod(request.method)) {
    const textProblem = await textRefusal(request, new Uint8Array(new ArrayBuffer(0)));
    return textProblem ? refusalPage(request, textProblem) : request;
  }
  const limit = bodyLimitOf(request.headers.get("Content-Type"), multipartMax);
  const body = await readBodyWithin(request, limit);
  if (!body) return refusalPage(request, { status: 413, key: "tooLarge", limit });
  const textProblem = await textRefusal(request, body);
  if (textProblem) return refusalPage(request, textProblem);
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

async function withDeadline(request: Request, next: Next, context: RequestContext): Promise<Response> {
  const controller = new AbortController();
  request.signal.addEventListener("abort", () => controller.abort(), { once: true });
  const inner = new Request(request, { signal: controller.signal });
  const state = { databaseUnavailable: false };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(resolve, env().REQUEST_TIMEOUT_MS, "late")));
  const pending = requestState.run(state, () => next(inner, context));
  const outcome = await Promise.race([pending, late]).finally(() => clearTimeout(timer));
  if (outcome === "late") {
    controller.abort();
    // The answer that comes after all is not sent: its body is let go.
    pending.then((response) => response.body?.cancel()).catch(() => {});
    return unavailablePage(request);
  }
  if (outcome.status >= 500 && state.databaseUnavailable) {
    await outcome.body?.cancel();
    return unavailablePage(request);
  }
  return outcome;
}

/** A cacheable view seen before is answered from the view cache; any other request goes to Remix. */
async function viewed(request: Request, next: Next, context: RequestContext): Promise<Response> {
  const identity = await viewIdentityOf(request, context);
  if (!identity) return withDeadline(request, next, context);
  const key = viewKey(request.url, identity);
  const cached = await viewCache.answer(request, key);
  if (cached) return cached;
  const response = await withDeadline(request, next, context);
  viewCache.remember(key, context.keptPage, response);
  return response;
}

export async function handle(request: Request, next: Next, from: { clientAddress?: string } = {}): Promise<Response> {
  const url = new URL(request.url);
  const context: RequestContext = { ...from, cspNonce: randomBytes(16).toString("base64") };
  const probed = await probe(url.pathname);
  const passed = probed ?? (await checked(request));
  const response = passed instanceof Response ? passed : await viewed(passed, next, context);
  const headers = new Headers(response.headers);
  applySecurityHeaders(headers, {
    nonce: context.cspNonce,
    https: url.protocol === "https:",
    dev: process.env.NODE_ENV === "development",
  });
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
