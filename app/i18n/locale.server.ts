import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";

export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 60 * 60,
});

/** The language of a request, decided once: the switcher's cookie, else the browser's languages, else Kazakh. */
export async function localeOf(request: Request): Promise<Locale> {
  const chosen: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}
