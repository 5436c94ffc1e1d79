import { expect, signIn, test } from "./fixtures";

const PHONE = { width: 390, height: 844 };

test("without JavaScript the phone menu opens and its links and sign-out work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: "kk-KZ" });
  const page = await context.newPage();
  await signIn(page, "akim.karaganda");
  const menu = page.locator("summary", { hasText: "Негізгі мәзір" });
  const roadMaps = page.getByRole("link", { name: "Жол карталары" });
  await expect(roadMaps).toBeHidden();

  await menu.click();
  await expect(roadMaps).toBeVisible();
  await expect(page.getByRole("link", { name: "KPI" })).toBeVisible();
  await roadMaps.click();
  await expect(page).toHaveURL(/\/roadmaps$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The language is chosen from the menu on a phone, by a plain form.
  await menu.click();
  await page.getByRole("button", { name: "Русский", exact: true }).click();
  await expect(page).toHaveURL(/\/roadmaps$/);
  await page.locator("summary", { hasText: "Главное меню" }).click();
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await context.close();
});

test("with JavaScript the phone menu closes once a page is chosen, and on Escape", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "zhumakulova");
  const menu = page.locator("summary", { hasText: "Негізгі мәзір" });
  const reviews = page.getByRole("link", { name: "Жол карталары" });

  await menu.click();
  await reviews.click();
  await expect(page).toHaveURL(/\/roadmaps$/);
  await expect(reviews).toBeHidden();

  await menu.click();
  await expect(page.getByRole("link", { name: "Менің іс-шараларым" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("link", { name: "Менің іс-шараларым" })).toBeHidden();
  await expect(menu).toBeFocused();
});

test("on a desktop the menu is in the header and the phone menu is not shown", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "zhumakulova");
  await expect(page.locator("summary", { hasText: "Негізгі мәзір" })).toBeHidden();
  await page.getByRole("navigation", { name: "Негізгі мәзір" }).getByRole("link", { name: "Жол карталары" }).click();
  await expect(page).toHaveURL(/\/roadmaps$/);
});
