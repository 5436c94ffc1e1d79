import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { DEMO_PASSWORD } from "~db/seed";
import { chromiumPath } from "../tests/e2e/chromium";

const baseUrl = "http://localhost:3102";
const out = "/tmp/shots-report-forms";
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: ["--no-sandbox"] });
for (const locale of ["kk", "ru"] as const) {
  for (const size of [
    { name: "desktop", width: 1440, height: 900 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    const context = await browser.newContext({ viewport: size, baseURL: baseUrl });
    await context.addCookies([
      { name: "lng", value: encodeURIComponent(Buffer.from(JSON.stringify(locale)).toString("base64")), url: baseUrl },
    ]);
    const page = await context.newPage();
    await page.goto("/login");
    await page.locator("input[name=login]").fill("zhumakulova");
    await page.locator("input[name=password]").fill(DEMO_PASSWORD);
    await page.locator("form button[type=submit]").last().click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/my");
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const row = (n: string) => page.getByTestId("measure-row").filter({ hasText: new RegExp(`^${n.replace(".", "\\.")}\\. `) });
    await row("2.5").locator('input[name$=".value"]').fill("1 500");
    await row("2.4").locator('input[name$=".value"]').fill("10");
    await page.locator('form:has(input[value="save-quarter"]) button[type=submit]').click();
    await page.getByTestId("confirm-figure").waitFor();
    await row("2.4").scrollIntoViewIfNeeded();
    await row("2.4").screenshot({ path: `${out}/reason-${locale}-${size.name}.png` });
    await row("2.5").screenshot({ path: `${out}/confirm-${locale}-${size.name}.png` });
    await context.close();
  }
}
await browser.close();
