import { chromium } from "@playwright/test";
const base = "http://localhost:3302";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const locale of ["kk", "ru"]) {
  for (const [device, width] of [
    ["desktop", 1440],
    ["phone", 390],
  ] as const) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: base });
    await context.addCookies([
      { name: "lng", value: encodeURIComponent(Buffer.from(JSON.stringify(locale)).toString("base64")), url: base },
    ]);
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") console.log("CONSOLE", m.text());
    });
    page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
    await page.goto("/login");
    await page.locator("input[name=login]").fill("akim.temirtau");
    await page.locator("input[name=password]").fill("oryndau-demo");
    await page.locator("form button[type=submit]").last().click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/kpi");
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `/tmp/shots-kpi/ranking-${locale}-${device}.png`, fullPage: true });
    await page.getByTestId("kpi-heatmap").scrollIntoViewIfNeeded();
    await page
      .locator(".mantine-Card-root", { has: page.getByTestId("kpi-heatmap") })
      .screenshot({ path: `/tmp/shots-kpi/heatmap-${locale}-${device}.png` });
    const temirtau = await page
      .getByTestId("kpi-ranking")
      .locator("tbody tr a", { hasText: /Теміртау|Темиртау/ })
      .getAttribute("href");
    await page.goto(`${temirtau}&edit=1`);
    await page.waitForLoadState("networkidle");
    await page.locator("summary").click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `/tmp/shots-kpi/scorecard-${locale}-${device}.png`, fullPage: true });
    await context.close();
  }
}
await browser.close();
