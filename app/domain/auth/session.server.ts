import { createHash } from "node:crypto";
import { createCookieSessionStorage, redirect, type SessionStorage } from "@remix-run/node";
import { database } from "~/db.server";
import { env } from "~/env.server";
import type { Locale } from "~/i18n/locales";
import type { Principal } from "./access";
import { loadPrincipal } from "./principal.server";
import { verifyPassword } from "./password.server";

const SESSION_HOURS = 12;

// Sessions live in a signed cookie: the web tier keeps no state, so instances can be added freely.
const storages = new Map<boolean, SessionStorage>();
function sessionStorage(secure: boolean): SessionStorage {
  let storage = storages.get(secure);
  if (!storage) {
    storage = createCookieSessionStorage({
      cookie: {
        name: "__session",
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure,
        secrets: [env().SESSION_SECRET],
        maxAge: SESSION_HOURS * 60 * 60,
      },
    });
    storages.set(secure, storage);
  }
  return storage;
}

function storageFor(request: Request): SessionStorage {
  return sessionStorage(new URL(request.url).protocol === "https:");
}

/** Changes whenever the password does, so that resetting a password ends the sessions opened with the old one. */
function passwordStamp(passwordHash: string): string {
  return createHash("sha256").update(passwordHash).digest("base64url").slice(0, 16);
}

export async function verifyLogin(login: string, password: string): Promise<{ id: number; locale: Locale } | null> {
  const db = await database();
  const user = await db
    .selectFrom("app_user")
    .select(["id", "password_hash", "is_active", "locale"])
    .where("login", "=", login.trim().toLowerCase())
    .executeTakeFirst();
  const valid = await verifyPassword(user?.password_hash ?? null, password);
  return user && valid && user.is_active ? { id: user.id, locale: user.locale } : null;
}

export async function createUserSession(request: Request, userId: number, redirectTo: string): Promise<Response> {
  const db = await database();
  const { password_hash } = await db
    .selectFrom("app_user")
    .select("password_hash")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const storage = storageFor(request);
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.set("userId", userId);
  session.set("stamp", passwordStamp(password_hash));
  return redirect(redirectTo, { headers: { "Set-Cookie": await storage.commitSession(session) } });
}

export async function destroyUserSession(request: Request): Promise<Response> {
  const storage = storageFor(request);
  const session = await storage.getSession(request.headers.get("Cookie"));
  return redirect("/login", { headers: { "Set-Cookie": await storage.destroySession(session) } });
}

/** The signed-in user, or null. Deactivated users and sessions from before a password change are signed out. */
export async function getPrincipal(request: Request): Promise<Principal | null> {
  const session = await storageFor(request).getSession(request.headers.get("Cookie"));
  const userId = session.get("userId");
  if (typeof userId !== "number") return null;
  const loaded = await loadPrincipal(await database(), userId);
  if (!loaded || session.get("stamp") !== passwordStamp(loaded.passwordHash)) return null;
  const { passwordHash: _hash, ...principal } = loaded;
  return principal;
}

/** Every page but sign-in starts here: no user, no data. */
export async function requirePrincipal(request: Request): Promise<Principal> {
  const principal = await getPrincipal(request);
  if (principal) return principal;
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(redirectTo === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo })}`);
}

/** Only paths of this site: an open redirect after sign-in would hand a user to anyone's page. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}
