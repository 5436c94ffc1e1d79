import { expect, seriousAccessibilityViolations, signIn, test } from "./fixtures";

// Sessions the user can see and end, and sign-in that slows guessing down.

test("a user sees their open sessions on /account and ends the one on another device", async ({ page, browser }) => {
  await signIn(page, "oryntaev");
  await page.getByRole("button", { name: "Пайдаланушы мәзірі" }).click();
  await page.getByRole("menuitem", { name: "Менің сеанстарым" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Ашық сеанстар" })).toBeVisible();
  const sessions = page.getByTestId("session");
  const others = sessions.filter({ hasNotText: "Осы құрылғы" });
  // Other browser tests may have left sessions of this user open: they are ended first, one by one.
  for (let left = await others.count(); left > 0; left--) {
    await others.first().getByRole("button", { name: "Бұл сеансты аяқтау" }).click();
    await expect(page.getByRole("status")).toHaveText("Сеанс аяқталды.");
    await expect(others).toHaveCount(left - 1);
  }

  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, "oryntaev");
  await page.reload();
  await expect(sessions).toHaveCount(2);
  const current = sessions.filter({ hasText: "Осы құрылғы" });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText("Chrome");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await others.getByRole("button", { name: "Бұл сеансты аяқтау" }).click();
  await expect(page.getByRole("status")).toHaveText("Сеанс аяқталды.");
  await expect(sessions).toHaveCount(1);

  await elsewhere.goto("/roadmaps");
  await expect(elsewhere).toHaveURL(/\/login/);
  await page.goto("/roadmaps");
  await expect(page).toHaveURL(/\/roadmaps$/);
});

test("the sixth wrong password waits, and the sign-in page says for how long", async ({ page }) => {
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Логин").fill("nobody.here");
    await page.getByLabel("Құпиясөз").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Кіру" }).click();
    await expect(page.getByRole("alert")).toHaveText("Логин немесе құпиясөз қате");
  }
  await page.getByLabel("Құпиясөз").fill("wrong password 6");
  await page.getByRole("button", { name: "Кіру" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    /^Сәтсіз әрекеттер тым көп\. \d+\sсек өткен соң қайталап көріңіз\.$/,
  );
});
