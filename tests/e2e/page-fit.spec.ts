import type { BrowserContext } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { pageFitProblems, reachablePages } from "./page-fit";

// Every page a user of each role reaches by links, in each language, on a phone (390 px) and a desktop
// (1440 px): the page never scrolls sideways, no badge or button is cut, no icon is squeezed, no
// dictionary key or code is shown. A page of a shape already checked as an earlier role is not
// checked again (except the role's own start pages), so that the crawl stays within a few minutes.
// The administrator comes last: the pages the others share with it are checked as they see them.
const USERS = [
  { role: "editor", login: "zhumakulova" },
  { role: "council", login: "miras.secretary" },
  { role: "akim", login: "akim.karaganda" },
  { role: "viewer", login: "viewer" },
  { role: "admin", login: "admin" },
] as const;
// The notification pages are in every role's header: listed so that they are checked whatever the crawl reaches first.
const START = [
  "/",
  "/my",
  "/roadmaps",
  "/kpi",
  "/councils",
  "/reviews",
  "/admin",
  "/notifications",
  "/notifications/settings",
];
const LOCALES = ["kk", "ru", "en"] as const;
const PAGES_PER_USER = 24;
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
];

async function chooseLanguage(context: BrowserContext, baseURL: string, locale: string) {
  // The switcher's cookie, as /language sets it (a JSON string, base64), without a request per language.
  const value = encodeURIComponent(Buffer.from(JSON.stringify(locale)).toString("base64"));
  await context.addCookies([{ name: "lng", value, url: baseURL }]);
}

const checked = new Set<string>();

for (const { role, login } of USERS) {
  test(`every page ${login} (${role}) reaches fits a phone and a desktop, in kk, ru and en`, async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    await signIn(page, login);
    const pages = await reachablePages(page, START, PAGES_PER_USER, checked);
    expect(pages.length, "pages reached").toBeGreaterThan(1);
    // Kazakh as a user sees it, hydrated; Russian and English as the server sends them, which is the
    // same page once hydrated (a mismatch fails every browser test) at a fraction of the time.
    const withoutScripts = await browser.newContext({
      storageState: await context.storageState(),
      javaScriptEnabled: false,
    });
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const reader = locale === "kk" ? page : await withoutScripts.newPage();
      await chooseLanguage(reader.context(), baseURL!, locale);
      for (const path of pages) {
        await reader.setViewportSize(WIDTHS[0]!);
        await reader.goto(path);
        for (const size of WIDTHS) {
          await reader.setViewportSize(size);
          for (const problem of await pageFitProblems(reader))
            problems.push(`${locale} ${size.width}px ${path}: ${problem}`);
        }
      }
    }
    await withoutScripts.close();
    expect(problems, `problems on ${pages.join(", ")}`).toEqual([]);
  });
}
