import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { safeRedirect } from "~/domain/auth/redirect";
import { getPrincipal } from "~/domain/auth/session.server";
import { saveUserLocale } from "~/domain/auth/users.server";
import { localeCookie } from "~/i18n/locale.server";
import { LOCALES } from "~/i18n/locales";

const schema = z.object({ locale: z.enum(LOCALES), redirectTo: z.string().optional() });

// Open to everyone: the language is chosen on the sign-in page too. A signed-in user's choice is
// also kept as their preference.
export async function action({ request }: ActionFunctionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Unknown language", { status: 400 });
  const principal = await getPrincipal(request);
  if (principal && principal.locale !== parsed.data.locale) await saveUserLocale(principal.id, parsed.data.locale);
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}
