import { z } from "zod";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { requirePrincipal } from "~/domain/auth/session.server";
import { database } from "~/db.server";
import { localeOf } from "~/i18n/locale.server";

/** Every administration loader and action starts here: signed in, an admin, or 403. */
export async function requireAdminRequest(request: Request) {
  const principal = await requirePrincipal(request);
  requireAdmin(principal);
  return { principal, db: await database(), locale: await localeOf(request) };
}

/** A positive integer route parameter, or 404. */
export function idParam(params: Record<string, string | undefined>, name: string): number {
  const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse(params[name]);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}
