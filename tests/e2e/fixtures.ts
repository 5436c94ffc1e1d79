import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page, type Response } from "@playwright/test";
import { DEMO_PASSWORD } from "~db/seed";

export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/Логин|Login/).fill(login);
  await page.getByLabel(/Құпиясөз|Пароль|Password/).fill(password);
  await page.getByRole("button", { name: /^(Кіру|Войти|Sign in)$/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Пайдаланушы мәзірі|Меню пользователя|User menu/ }).click();
  await page.getByRole("menuitem", { name: /Шығу|Выйти|Sign out/ }).click();
  await expect(page).toHaveURL(/\/login$/);
}

export async function switchLanguage(page: Page, language: "Қазақша" | "Русский" | "English") {
  await page.getByRole("button", { name: language, exact: true }).click();
}

/** Serious and critical axe findings, one line each (rule, element, message), so that a failure reads clearly. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} — ${node.failureSummary ?? ""}`),
    );
}

/**
 * Makes `goto` and `reload` return once the page is hydrated, as a person would see it: a click
 * that lands before React has taken over the page can be lost.
 */
function waitForHydrationAfterLoads(page: Page) {
  const ready = async (response: Response | null) => {
    if (response?.headers()["content-type"]?.startsWith("text/html")) {
      await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    }
    return response;
  };
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => ready(await goto(url, options));
  page.reload = async (options) => ready(await reload(options));
}

/**
 * The browser tests' `test`: any error the page logs or throws (a hydration mismatch, a failed
 * script) fails the test that caused it, in every page of every context the test opens.
 */
export const test = base.extend<{ failOnPageErrors: void }>({
  failOnPageErrors: [
    async ({ context, browser }, use) => {
      const errors: string[] = [];
      const pendingBodies: Array<Promise<void>> = [];
      // A page without scripts never hydrates: its loads are not waited for.
      const watchPage = (page: Page, scripts = true) => {
        if (scripts) waitForHydrationAfterLoads(page);
        page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
        // No page and no loader data may carry a NUL byte (React 18's stream writer once put them
        // inside Kazakh words): every HTML and `.data` response of every test is read for one.
        // The Content-Security-Policy is on in every browser test: a page without it, or anything the
        // browser refuses under it, fails the test.
        void page.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) => {
            console.error(
              `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"} from ${event.sourceFile || "?"}:${event.lineNumber}`,
            );
          });
        });
        page.on("response", (response) => {
          const type = response.headers()["content-type"] ?? "";
          const isData = new URL(response.url()).pathname.endsWith(".data");
          const isDocument = response.request().isNavigationRequest() && type.startsWith("text/html");
          if (
            isDocument &&
            !/script-src [^;]*'(nonce|sha256)-/.test(response.headers()["content-security-policy"] ?? "")
          ) {
            errors.push(`${response.url()}: a page without a nonce- or hash-based Content-Security-Policy`);
          }
          if (!type.startsWith("text/html") && !isData) return;
          pendingBodies.push(
            response.text().then(
              (body) => {
                if (body.includes("\u0000")) errors.push(`${response.url()}: a NUL byte in the response`);
              },
              // A body that is gone (the page navigated on, a redirect) has nothing left to read.
              () => undefined,
            ),
          );
        });
        page.on("console", (message) => {
          // A refused request (403, 404, 409, 422, 429) is an answer the test expects, not an error.
          if (message.type() === "error" && !/status of (400|403|404|409|422|429)\b/.test(message.text())) {
            errors.push(`${page.url()}: ${message.text()}`);
          }
        });
      };
      const watchContext = (watched: BrowserContext, scripts = true) => {
        watched.pages().forEach((page) => watchPage(page, scripts));
        watched.on("page", (page) => watchPage(page, scripts));
      };
      watchContext(context);
      // Contexts a test opens itself (one per user) are watched as well.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const created = await newContext(options);
        watchContext(created, options?.javaScriptEnabled !== false);
        return created;
      };
      await use();
      browser.newContext = newContext;
      await Promise.all(pendingBodies);
      expect(errors, "errors in the browser").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
