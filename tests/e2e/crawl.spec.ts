import { expect, signIn, test } from "./fixtures";

// Every page an administrator can reach from the road-map list by links, and its loader data, read as
// bytes: none may hold a NUL byte (React 18's stream writer once put them inside Kazakh words). Only
// GET links are followed, so the crawl changes nothing.
const MAX_PAGES = 80;

test("no page of the crawl, nor its loader data, contains a NUL byte", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "admin");
  const origin = new URL(page.url()).origin;
  const queue = ["/roadmaps", "/kpi", "/councils", "/admin", "/reviews"];
  const seen = new Set<string>(queue);
  const crawled: string[] = [];
  const withNul: string[] = [];
  while (queue.length && crawled.length < MAX_PAGES) {
    const path = queue.shift()!;
    const response = await page.request.get(path);
    const body = await response.body();
    crawled.push(path);
    if (body.includes(0)) withNul.push(path);
    if (!(response.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    const url = new URL(path, origin);
    const data = await page.request.get(`${url.pathname === "/" ? "/_root" : url.pathname}.data${url.search}`);
    if ((await data.body()).includes(0)) withNul.push(`${path} (.data)`);
    for (const [, href] of body.toString("utf8").matchAll(/<a [^>]*href="(\/[^"#]*)"/g)) {
      const link = href!.replace(/&amp;/g, "&");
      // Leaving the session, downloads and the print/PDF views are not pages of the app's shell.
      if (/^\/(logout|language)|\.(pdf|xlsx|docx|csv)(\?|$)/.test(link) || seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }
  expect(crawled.length, "pages crawled").toBeGreaterThan(20);
  expect(withNul, "responses with a NUL byte").toEqual([]);
});
