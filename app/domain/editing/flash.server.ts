import { createCookie } from "@remix-run/node";
import { env } from "~/env.server";
import { flashSchema, type Flash } from "./flash";

// The flash notice rides in a signed cookie of its own (as Epic Stack's toast does): set by an action's
// redirect, read and cleared by the next page's root loader, so it shows with JavaScript or without.
let cookie: ReturnType<typeof createCookie> | null = null;
function flashCookie() {
  cookie ??= createCookie("__flash", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    // A notice not shown within a minute is no longer news.
    maxAge: 60,
    secrets: [env().SESSION_SECRET],
  });
  return cookie;
}

/** The Set-Cookie header that carries a notice to the next page. */
export async function flashHeader(flash: Flash): Promise<string> {
  return flashCookie().serialize(flash);
}

/** The notice the request carries, if any, and the header that clears it once shown. */
export async function takeFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const header = request.headers.get("Cookie");
  if (!header?.includes("__flash=")) return { flash: null, clear: null };
  const parsed = flashSchema.safeParse(await flashCookie().parse(header));
  return {
    flash: parsed.success ? parsed.data : null,
    clear: await flashCookie().serialize("", { maxAge: 0 }),
  };
}
