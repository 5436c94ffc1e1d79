import { createCookie, redirect, type Cookie } from "@remix-run/node";
import type { RawBuilder } from "kysely";
import { database } from "~/db.server";
import { env } from "~/env.server";
import type { Principal } from "./access";
import {
  endSessionByToken,
  findSessionPrincipal,
  openSession,
  type NotificationStamp,
  type SessionLimits,
} from "./sessions.server";

// The cookie carries only a random token; the session itself is a row the server can end (ADR 0010).
const cookies = new Map<boolean, Cookie>();
function sessionCookie(request: Request): Cookie {
  const secure = new URL(request.url).protocol === "https:";
  let cookie = cookies.get(secure);
  if (!cookie) {
    cookie = createCookie("__session", {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure,
      secrets: [env().SESSION_SECRET],
      maxAge: Math.round(env().SESSION_MAX_DAYS * 24 * 60 * 60),
    });
    cookies.set(secure, cookie);
  }
  return cookie;
}

export function sessionLimits(): SessionLimits {
  return { idleHours: env().SESSION_IDLE_HOURS, maxDays: env().SESSION_MAX_DAYS };
}

async function tokenOf(request: Request): Promise<unknown> {
  return sessionCookie(request).parse(request.headers.get("Cookie"));
}

export async function createUserSession(request: Request, userId: number, redirectTo: string): Promise<Response> {
  const token = await openSession(await database(), userId, request.headers.get("User-Agent"), sessionLimits());
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie(request).serialize(token) } });
}

export async function destroyUserSession(request: Request): Promise<Response> {
  await endSessionByToken(await database(), await tokenOf(request));
  return redirect("/login", {
    headers: { "Set-Cookie": await sessionCookie(request).serialize("", { maxAge: 0 }) },
  });
}

type UserSession = { principal: Principal; sessionId: number; notifications: NotificationStamp };
/** Each request's session, looked up once: the layout's loader and the page's both ask for it. */
const sessionsOfRequests = new WeakMap<Request, Promise<UserSession | null>>();

/** The signed-in user and their session, or null: no live session, or the user was deactivated. */
export function getUserSession(request: Request): Promise<UserSession | null> {
  let session = sessionsOfRequests.get(request);
  if (!session) {
    session = (async () => {
      const found = await findSessionPrincipal(await database(), await tokenOf(request), sessionLimits());
      return found ? { principal: found.principal, sessionId: found.id, notifications: found.notifications } : null;
    })();
    sessionsOfRequests.set(request, session);
    // A failed lookup (the database unavailable) is not kept: a retry asks again.
    session.catch(() => sessionsOfRequests.delete(request));
  }
  return session;
}

/**
 * The signed-in user's session with one more value read in the same statement: the view cache's
 * revision, so that a kept page costs one round trip. Not shared with the request's other lookups.
 */
export async function getUserSessionAlong<T>(
  request: Request,
  alongside: RawBuilder<T>,
): Promise<(UserSession & { alongside: T }) | null> {
  const found = await findSessionPrincipal(await database(), await tokenOf(request), sessionLimits(), alongside);
  return (
    found && {
      principal: found.principal,
      sessionId: found.id,
      notifications: found.notifications,
      alongside: found.alongside,
    }
  );
}

export async function getPrincipal(request: Request): Promise<Principal | null> {
  return (await getUserSession(request))?.principal ?? null;
}

/** Every page but sign-in starts here: no user, no data. */
export async function requireUserSession(request: Request): Promise<UserSession> {
  const session = await getUserSession(request);
  if (session) return session;
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(redirectTo === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo })}`);
}

export async function requirePrincipal(request: Request): Promise<Principal> {
  return (await requireUserSession(request)).principal;
}
