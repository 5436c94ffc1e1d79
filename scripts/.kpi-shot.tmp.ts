import { chromium } from "@playwright/test";
const [base, login, locale, width, out, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: Number(width), height: 900 }, baseURL: base });
await context.addCookies([{ name: "lng", value: encodeURIComponent(Buffer.from(JSON.stringify(locale)).toString("base64")), url: base }]);
const page = await context.newPage();
page.on("console", (m) => { if (m.type() === "error") console.log("CONSOLE", m.text()); });
page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
await page.goto("/login");
await page.locator("input[name=login]").fill(login);
await page.locator("input[name=password]").fill("oryndau-demo");
await page.locator("form button[type=submit]").last().click();
await page.waitForURL((url) => !url.pathname.startsWith("/login"));
for (const [i, p] of paths.entries()) {
  await page.goto(p);
  await page.waitForLoadState("networkidle");
  const file = `${out}-${i}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file, page.url());
}
await browser.close();
