import { existsSync } from "node:fs";

/** Debian's Chromium (or CHROMIUM_PATH): Playwright's own browser download is not available here. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path): path is string => Boolean(path && existsSync(path))) ?? null;
}
