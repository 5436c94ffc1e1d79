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

export { idParam } from "~/domain/ids";
