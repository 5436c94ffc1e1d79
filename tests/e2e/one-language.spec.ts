import { expect, signIn, switchLanguage, test } from "./fixtures";

// The seeded «Miras» meeting (№ 4) read in Russian: its place and the speakers' posts in Russian, and
// the minutes signed by the secretary's name, not by the account's post.

test("the Russian minutes show the Russian place and posts and the secretary's name", async ({ page }) => {
  await signIn(page, "miras.secretary");
  await switchLanguage(page, "Русский");
  await page.goto("/councils");
  await page.getByRole("link", { name: /Miras/ }).first().click();
  await page.getByRole("link", { name: "14 ноября 2024 г." }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await expect(page.getByTestId("meeting-place")).toContainText("г. Шымкент, зал заседаний");

  await page.goto(`${new URL(page.url()).pathname}/protocol`);
  await expect(page.getByTestId("protocol-place")).toHaveText(
    "г. Шымкент, зал заседаний городского филиала партии «AMANAT»",
  );
  await expect(page.getByTestId("protocol-speaker").first()).toContainText(
    "Руководитель управления внутренней политики и по делам молодёжи",
  );
  await expect(page.getByTestId("protocol-secretary")).toHaveText("Дана Серікқызы");
  // Nothing on the Russian page is in Kazakh without saying so.
  await expect(page.getByText("басқармасының басшысы")).toHaveCount(0);
});
