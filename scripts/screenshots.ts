// Screenshots of pages in each language at desktop and phone width, for looking at the UI:
//   npx tsx scripts/screenshots.ts <base-url> <login> <path> [<path> …]
// Writes screenshots/<login>-<path>-<locale>-<width>.png (SCREENSHOT_DIR to write elsewhere).
// SCREENSHOT_MAX_HEIGHT cuts long pages; SCREENSHOT_DESKTOP_WIDTH changes the desktop width.
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { DEMO_PASSWORD } from "~db/seed";
import { chromiumPath } from "../tests/e2e/chromium";

const [baseUrl = "http://localhost:3000", login = "admin", ...paths] = process.argv.slice(2);
const widths = [
  { name: "desktop", width: Number(process.env.SCREENSHOT_DESKTOP_WIDTH ?? 1366), height: 900 },
  { name: "phone", width: 390, height: 844 },
];
const outputDir = process.env.SCREENSHOT_DIR ?? "screenshots";
mkdirSync(outputDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: chromiumPath() ?? undefined,
  args: ["--no-sandbox", "--disable-gpu"],
});
for (const locale of ["kk", "ru"] as const) {
  for (const size of widths) {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      baseURL: baseUrl,
    });
    await context.addCookies([
      { name: "lng", value: encodeURIComponent(Buffer.from(JSON.stringify(locale)).toString("base64")), url: baseUrl },
    ]);
    const page = await context.newPage();
    if (login !== "-") {
      await page.goto("/login");
      await page.locator("input[name=login]").fill(login);
      await page.locator("input[name=password]").fill(DEMO_PASSWORD);
      await page.locator("form button[type=submit]").last().click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    }
    for (const path of paths.length ? paths : ["/login"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const file = `${outputDir}/${login}-${path.replace(/[^a-z0-9]+/gi, "_")}-${locale}-${size.name}.png`;
      const maxHeight = Number(process.env.SCREENSHOT_MAX_HEIGHT ?? 0);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({
        path: file,
        fullPage: true,
        clip: maxHeight && height > maxHeight ? { x: 0, y: 0, width: size.width, height: maxHeight } : undefined,
      });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
