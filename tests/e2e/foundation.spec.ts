import { DEMO_ACCOUNTS } from "~db/seed";
import { formatExecution } from "~/i18n/figures";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { readExpectedFigures } from "./expected";
import { expect, seriousAccessibilityViolations, signIn, signOut, switchLanguage, test } from "./fixtures";

const expected = readExpectedFigures();
const shymkent = expected.roadMaps.find((roadMap) => /Шымкент/.test(`${roadMap.title.kk} ${roadMap.title.ru}`))!;

test("a first visit is in Kazakh and a wrong password gets a translated error", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { name: "Жүйеге кіру" })).toBeVisible();

  await page.getByLabel("Логин").fill("admin");
  await page.getByLabel("Құпиясөз").fill("wrong password");
  await page.getByRole("button", { name: "Кіру" }).click();
  await expect(page.getByRole("alert")).toHaveText("Логин немесе құпиясөз қате");
  await expect(page).toHaveURL(/\/login/);

  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test("the browser's language is used on a first visit", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "ru-RU",
    extraHTTPHeaders: { "Accept-Language": "ru-RU,ru;q=0.9" },
  });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { name: "Вход в систему" })).toBeVisible();
  await context.close();
});

const START_HEADING = {
  kk: /^(Жол карталары|Менің іс-шараларым)$/,
  ru: /^(Дорожные карты|Мои мероприятия)$/,
  en: /^(Road maps|My measures)$/,
};

for (const account of DEMO_ACCOUNTS) {
  test(`${account.role} ${account.login} signs in in their language, sees the road maps of their scope and signs out`, async ({
    page,
  }) => {
    await signIn(page, account.login);
    await expect(page.locator("html")).toHaveAttribute("lang", account.locale);
    await expect(page.getByRole("heading", { name: START_HEADING[account.locale], level: 1 })).toBeVisible();
    await page.goto("/roadmaps");
    const cards = page.locator("a[href^='/roadmaps/']");
    if (account.role === "admin" || (account.role === "viewer" && !account.territory)) {
      await expect(cards).toHaveCount(expected.roadMaps.length);
    } else {
      expect(await cards.count()).toBeGreaterThan(0);
      expect(await cards.count()).toBeLessThan(expected.roadMaps.length);
    }
    if (account.role === "admin") {
      // Each card shows the execution its dashboard opens with: accepted facts, quarters ended by today.
      for (const roadMap of expected.roadMaps) {
        const total = roadMap.figures
          .find((f) => f.asOf === expected.today && f.territory === null)!
          .rows.find((row) => row.topSectionId === null)!;
        await expect(page.locator(`a[href='/roadmaps/${roadMap.id}']`).getByTestId("road-map-execution")).toHaveText(
          formatExecution(translator(account.locale), account.locale, total.execution),
        );
      }
    }
    await signOut(page);
    await page.goto("/roadmaps");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Froadmaps/);
  });
}

test("the overview shows the figures of DESIGN.md's formula in kk, ru and en", async ({ page }) => {
  const asOf = "2024-10-31";
  const rows = shymkent.figures.find((f) => f.asOf === asOf && f.territory === null)!.rows;
  const total = rows.find((row) => row.topSectionId === null)!;
  const sectionRows = rows.filter((row) => row.topSectionId !== null && row.sectionId === null);

  await signIn(page, "admin");
  await page.goto(`/roadmaps/${shymkent.id}?asOf=${asOf}`);

  for (const [locale, language, heading] of [
    ["kk", "Қазақша", "Бөлімдер бойынша орындалуы"],
    ["ru", "Русский", "Исполнение по разделам"],
    ["en", "English", "Execution by section"],
  ] as Array<[Locale, "Қазақша" | "Русский" | "English", string]>) {
    await switchLanguage(page, language);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page).toHaveURL(new RegExp(`asOf=${asOf}`));
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    await expect(page.getByTestId("total-execution")).toHaveText(
      formatExecution(translator(locale), locale, total.execution),
    );
    await expect(page.getByTestId("year-execution")).toHaveText(
      formatExecution(translator(locale), locale, total.yearExecution),
    );
    const table = page.getByTestId("section-table");
    for (const row of sectionRows) {
      const section = shymkent.sections.find((s) => s.id === row.topSectionId)!;
      const title = section.title[locale] ?? section.title.kk ?? section.title.ru!;
      const tableRow = table.getByRole("row").filter({ hasText: title }).first();
      await expect(tableRow).toContainText(formatExecution(translator(locale), locale, row.execution));
    }
  }

  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  // Switching the language also saved it as the admin's preference: put Kazakh back for the other tests.
  await switchLanguage(page, "Қазақша");
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
});

test("an akim cannot open the road map of another territory", async ({ page }) => {
  await signIn(page, "akim.temirtau");
  const response = await page.goto(`/roadmaps/${shymkent.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(/^(Сұралған бет табылмады\.|Запрошенная страница не найдена\.)$/)).toBeVisible();
  await expect(page.getByTestId("total-execution")).toHaveCount(0);
});

test("scripts come compressed by the build and cached for a year; a page seen before is answered 304", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto(`/roadmaps/${shymkent.id}`);
  const root = await page.locator("script[type=module]").first().textContent();
  const rootScript = /"(\/assets\/root-[\w-]+\.js)"/.exec(root ?? "")?.[1];
  expect(rootScript).toBeTruthy();
  const browserLike = { "Accept-Encoding": "gzip, deflate, br" };
  const asset = await page.request.get(rootScript!, { headers: browserLike });
  expect(asset.headers()["content-encoding"]).toBe("br");
  expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(asset.headers()["vary"]).toBe("Accept-Encoding");
  expect((await asset.text()).length).toBeGreaterThan(Number(asset.headers()["content-length"]));
  const plain = await page.request.get(rootScript!, { headers: { "Accept-Encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  expect(await plain.text()).toBe(await asset.text());

  const first = await page.request.get(`/roadmaps/${shymkent.id}`, { headers: browserLike });
  expect(first.headers()["content-encoding"]).toBe("br");
  expect(first.headers()["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^"[\w-]+-br"$/);
  const again = await page.request.get(`/roadmaps/${shymkent.id}`, {
    headers: { ...browserLike, "If-None-Match": etag },
  });
  expect(again.status()).toBe(304);
  expect((await again.body()).length).toBe(0);
  // Another road map is another page: its tag is not this one's.
  const other = await page.request.get(`/roadmaps/${shymkent.id}?asOf=2024-10-31`, {
    headers: { ...browserLike, "If-None-Match": etag },
  });
  expect(other.status()).toBe(200);
});
