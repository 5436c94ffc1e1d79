import { expect, signIn, test } from "./fixtures";

// What a user is told after a save, with JavaScript and without, and the header's search by keyboard.

test("without JavaScript a save says what happened on the page it leads to, once", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "kk-KZ" });
  const page = await context.newPage();
  await signIn(page, "admin");
  await page.goto("/admin/programmes/1");
  const programmeForm = page.locator("form", { has: page.locator('input[name="intent"][value="save-programme"]') });
  await programmeForm.getByRole("button", { name: "Сақтау", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/programmes\/1$/);
  await expect(page.getByTestId("flash")).toHaveText("Өзгерістер сақталды.");

  // Shown once: the next page no longer carries it.
  await page.reload();
  await expect(page.getByTestId("flash")).toHaveCount(0);
  await context.close();
});

test("the header's search opens a measure found by a word with another ending, by keyboard", async ({ browser }) => {
  // Wide enough for the search box beside the desktop menu (below that the header has a link to /search).
  const context = await browser.newContext({ viewport: { width: 1700, height: 900 }, locale: "kk-KZ" });
  const page = await context.newPage();
  await signIn(page, "admin");
  const box = page.locator('header input[name="q"]');
  await box.fill("кітапханалардағы");
  const firstMeasure = page.getByTestId("search-dropdown").getByRole("option").first();
  await expect(firstMeasure).toContainText(/кітапхана/i);
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/measures\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/кітапхана/i);

  // Enter without choosing a hit opens the results page.
  await page.locator('header input[name="q"]').fill("мектеп");
  await page.locator('header input[name="q"]').press("Enter");
  await expect(page).toHaveURL(/\/search\?q=%D0%BC/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("мектеп");
  await context.close();
});
