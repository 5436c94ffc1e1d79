// Screenshots of a meeting for looking at the UI, in kk and ru:
//   npx tsx scripts/meeting-screenshots.ts <base-url> <meeting-id> [<out-dir>]
// The meeting page at desktop (1440) and phone (390) width, every slide at 1920×1080, and the PDF.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { DEMO_PASSWORD } from "~db/seed";
import { chromiumPath } from "../tests/e2e/chromium";

const [baseUrl = "http://localhost:3000", meetingId = "1", outDir = "screenshots/meetings"] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: ["--no-sandbox"] });
for (const locale of ["kk", "ru"] as const) {
  for (const size of [
    { name: "desktop", width: 1440, height: 900 },
    { name: "phone", width: 390, height: 844 },
    { name: "slides", width: 1920, height: 1080 },
  ]) {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      baseURL: baseUrl,
    });
    await context.addCookies([
      { name: "lng", value: encodeURIComponent(Buffer.from(JSON.stringify(locale)).toString("base64")), url: baseUrl },
    ]);
    const page = await context.newPage();
    await page.goto("/login");
    await page.locator("input[name=login]").fill("miras.secretary");
    await page.locator("input[name=password]").fill(DEMO_PASSWORD);
    await page.locator("form button[type=submit]").last().click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    if (size.name === "slides") {
      await page.goto(`/meetings/${meetingId}/present`);
      await page.waitForLoadState("networkidle");
      const total = Number((await page.getByTestId("slide-counter").textContent())!.split("/")[1]);
      for (let slide = 1; slide <= total; slide++) {
        await page.screenshot({ path: path.join(outDir, `slide-${slide}-${locale}.png`) });
        await page.keyboard.press("ArrowRight");
      }
      const pdf = await page.request.get(`/meetings/${meetingId}/protocol.pdf`);
      writeFileSync(path.join(outDir, `protocol-${locale}.pdf`), await pdf.body());
    } else {
      for (const route of [`/meetings/${meetingId}`, "/councils/1"]) {
        await page.goto(route);
        await page.waitForLoadState("networkidle");
        const name = route.replace(/[^a-z0-9]+/gi, "_");
        await page.screenshot({ path: path.join(outDir, `${name}-${locale}-${size.name}.png`), fullPage: true });
      }
    }
    await context.close();
  }
}
await browser.close();
