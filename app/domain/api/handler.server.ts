import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { noteServerError } from "~/http/handle.server";
import { translator } from "~/i18n/i18n";
import { localeFromAcceptLanguage, type Locale } from "~/i18n/locales";
import { recordCall, takeCall } from "./rate-limit.server";
import { authenticateToken, type TokenRefusal } from "./tokens.server";

// One way through for every read-API call: the token, the rate limit, the endpoint, a JSON answer (an
// error with a code and a message in the caller's language), and the call recorded whatever it answered.

export type ApiErrorCode = TokenRefusal | "notFound" | "badRequest" | "rateLimited" | "internal";

export interface ApiContext {
  db: Kysely<Database>;
  principal: Principal;
  locale: Locale;
  today: string;
  url: URL;
  params: Record<string, string | undefined>;
}

export type Endpoint = (context: ApiContext) => Promise<unknown>;

export interface ApiSettings {
  perMinute: number;
  today: string;
  params: Record<string, string | undefined>;
}

/** Parameters that do not fit the endpoint's schema: a 400 with the issues, nothing read. */
export class ApiParamError extends Error {
  constructor(readonly issues: Array<{ path: string; message: string }>) {
    super("invalid parameters");
  }
}

export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ApiParamError(
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  );
}

const STATUS: Record<ApiErrorCode, number> = {
  missingToken: 401,
  invalidToken: 401,
  expiredToken: 401,
  revokedToken: 401,
  notFound: 404,
  badRequest: 400,
  rateLimited: 429,
  internal: 500,
};

export function apiLocale(request: Request): Locale {
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? "en";
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function apiError(
  locale: Locale,
  code: ApiErrorCode,
  extra: { headers?: Record<string, string>; issues?: ApiParamError["issues"] } = {},
) {
  const message = translator(locale)(`apiTokens.errors.${code}`);
  const headers: Record<string, string> = { "Content-Language": locale, ...extra.headers };
  if (STATUS[code] === 401) headers["WWW-Authenticate"] = `Bearer realm="oryndau", error="invalid_token"`;
  return json({ error: { code, message, ...(extra.issues ? { issues: extra.issues } : {}) } }, STATUS[code], headers);
}

export async function answerApi(
  db: Kysely<Database>,
  request: Request,
  endpoint: Endpoint,
  settings: ApiSettings,
): Promise<Response> {
  const url = new URL(request.url);
  const locale = apiLocale(request);
  const auth = await authenticateToken(db, request.headers.get("Authorization"));
  const answer = await (async (): Promise<Response> => {
    if (!auth.ok) return apiError(locale, auth.code);
    const rate = await takeCall(db, auth.tokenId, settings.perMinute);
    if (!rate.allowed) {
      return apiError(locale, "rateLimited", { headers: { "Retry-After": String(rate.retryAfterSeconds) } });
    }
    try {
      const body = await endpoint({
        db,
        principal: auth.principal,
        locale,
        today: settings.today,
        url,
        params: settings.params,
      });
      return json(body);
    } catch (error) {
      if (error instanceof ApiParamError) return apiError(locale, "badRequest", { issues: error.issues });
      // Out of scope answers as not found: a token learns nothing of what it may not read.
      if (error instanceof Response && (error.status === 403 || error.status === 404))
        return apiError(locale, "notFound");
      noteServerError(error);
      return apiError(locale, "internal");
    }
  })();
  await recordCall(db, {
    tokenId: auth.ok ? auth.tokenId : null,
    method: request.method,
    path: url.pathname + url.search,
    status: answer.status,
  });
  return answer;
}
