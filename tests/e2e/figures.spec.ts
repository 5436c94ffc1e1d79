import { translator } from "~/i18n/i18n";
import { readExpectedFigures } from "./expected";
import { expect, seriousAccessibilityViolations, signIn, test } from "./fixtures";

// The dashboard's three percentages have one name and one explanation each (issue 10, item 6), and a
// window with no plan says so rather than showing 100 % or a dash.

const expected = readExpectedFigures();
const shymkent = expected.roadMaps.find((roadMap) => /Шымкент/.test(`${roadMap.title.kk} ${roadMap.title.ru}`))!;
const t = translator("kk");
const KINDS = ["dueToDate", "yearPlan", "wholePlan"] as const;

test("the dashboard names its three percentages in Kazakh and explains each on tap, on a desktop and a phone", async ({
  page,
}) => {
  await signIn(page, "miras.secretary");
  await page.goto(`/roadmaps/${shymkent.id}?asOf=2024-10-31`);
  await expect(page.getByTestId("name-dueToDate")).toHaveText("Мерзімі жеткен жоспардың орындалуы");
  await expect(page.getByTestId("name-yearPlan")).toHaveText("2024 жылдық жоспардың орындалуы");
  await expect(page.getByTestId("name-wholePlan")).toHaveText("Бүкіл жоспар бойынша жол");

  const button = page.getByRole("button", { name: "«Мерзімі жеткен жоспардың орындалуы» қалай есептеледі" }).first();
  await button.click();
  const hint = page.getByTestId("hint-dueToDate");
  await expect(hint).toBeVisible();
  await expect(hint).toContainText("2024 ж. 31 қазан дейін мерзімі жеткен жоспарға");
  await expect(hint).toContainText("min(факт / жоспар, 1)");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(hint).toBeHidden();

  await page.setViewportSize({ width: 390, height: 844 });
  for (const kind of KINDS) {
    await page.getByTestId(`name-${kind}`).getByRole("button").click();
    await expect(page.getByTestId(`hint-${kind}`)).toBeVisible();
    await expect(page.getByTestId(`hint-${kind}`)).toHaveText(
      t(`figures.${kind}Hint`, { year: 2024, date: "2024 ж. 31 қазан" }),
    );
    await page.keyboard.press("Escape");
  }

  // On paper nothing can be tapped: the print view writes every name out with its explanation.
  await page.goto(`/roadmaps/${shymkent.id}/print?asOf=2024-10-31`);
  const legend = page.getByTestId("figure-legend");
  for (const kind of KINDS) {
    await expect(legend).toContainText(t(`figures.${kind}`, { year: 2024 }));
    await expect(legend).toContainText(t(`figures.${kind}Hint`, { year: 2024, date: "2024 ж. 31 қазан" }));
  }
});

test("a window with no plan reads «бұл кезеңде жоспар жоқ», never 100 % nor a dash, on screen and on paper", async ({
  page,
}) => {
  await signIn(page, "miras.secretary");
  // No quarter of the road map has ended by 15 February 2023: nothing is due yet.
  for (const path of [`/roadmaps/${shymkent.id}`, `/roadmaps/${shymkent.id}/print`]) {
    await page.goto(`${path}?asOf=2023-02-15`);
    await expect(page.getByTestId("total-execution")).toHaveText("бұл кезеңде жоспар жоқ");
    const sections = page.getByTestId("section-table").getByTestId("row-execution");
    expect(await sections.count()).toBeGreaterThan(0);
    for (const cell of await sections.all()) await expect(cell).toHaveText("бұл кезеңде жоспар жоқ");
    await expect(page.getByTestId("whole-plan")).not.toContainText("100");
    expect(await page.locator("body").innerText()).not.toMatch(/—\s*—/);
  }
});
