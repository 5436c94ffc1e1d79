import type { Browser, Page } from "@playwright/test";
import { formatQuarterParam, previousQuarter, quarterEnd, quarterOf } from "~/domain/periods/quarter";
import { readExpectedFigures } from "./expected";
import { expect, seriousAccessibilityViolations, signIn, test } from "./fixtures";

// The quarterly cycle of the Shymkent youth department, from entry to a closed quarter.
// The seed leaves the youth department's last ended quarter due: no report, two measures without entries.

const expected = readExpectedFigures();
const shymkent = expected.roadMaps.find((roadMap) => /Шымкент/.test(`${roadMap.title.kk} ${roadMap.title.ru}`))!;
const quarter = previousQuarter(quarterOf(expected.today));
const quarterParam = formatQuarterParam(quarter);
const youthDepartment = /Ішкі саясат және жастар істері басқармасы/;

async function asUser(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, login);
  return page;
}

/** The youth section's execution on the overview, as of the quarter's end, counting accepted reports. */
async function youthExecution(page: Page): Promise<string> {
  await page.goto(`/roadmaps/${shymkent.id}?asOf=${quarterEnd(quarter)}`);
  const row = page.getByTestId("section-table").getByRole("row").filter({ hasText: /^2\. / });
  return (await row.getByTestId("row-execution").textContent()) ?? "";
}

test.describe.configure({ mode: "serial" });

test("a quarter goes from entry through review to a closed quarter, and the overview follows", async ({ browser }) => {
  // The whole cycle in one test, the reason asked for and given on the way: more than a minute here.
  test.slow();
  const admin = await asUser(browser, "admin");
  const before = await youthExecution(admin);

  // The editor sees what is due: the quarter's report is missing for two measures.
  const editor = await asUser(browser, "zhumakulova");
  await expect(editor).toHaveURL(/\/my$/);
  await editor.getByLabel("Тоқсан").selectOption(quarterParam);
  await editor.getByRole("button", { name: "Көрсету" }).click();
  await expect(editor).toHaveURL(new RegExp(`quarter=${quarterParam}`));
  const card = editor.getByTestId("department-quarter").filter({ hasText: youthDepartment });
  await expect(card.getByTestId("report-status")).toHaveText("Есеп әлі тапсырылмаған");
  const due = card.getByTestId("measure-row").filter({ hasText: "Есеп жоқ" });
  await expect(due).toHaveCount(2);
  expect(await seriousAccessibilityViolations(editor)).toEqual([]);

  // Facts for both, with a narrative in Kazakh, saved in one submit. The narrative opens on its row;
  // opening the second row keeps the first one open, with what was typed in it.
  for (const [index, value] of [
    [0, "300"],
    [1, "8"],
  ] as const) {
    const row = due.nth(index);
    await expect(row.getByLabel("Сипаттама (қазақша)")).toHaveCount(0);
    await row.getByRole("link", { name: "Сипаттама, дәлелдер" }).click();
    await row.getByLabel("Орындалды").fill(value);
    await row.getByLabel("Сипаттама (қазақша)").fill(`Тоқсан бойынша жұмыс атқарылды: ${value}`);
    await row.getByLabel("Қамтылған адамдар").fill("120");
  }
  for (const [index, value] of [
    [0, "300"],
    [1, "8"],
  ] as const) {
    await expect(due.nth(index).getByLabel("Сипаттама (қазақша)")).toHaveValue(
      `Тоқсан бойынша жұмыс атқарылды: ${value}`,
    );
  }
  await card.getByRole("button", { name: "Барлығын сақтау" }).click();
  // 2.4 (NEET youth) stays behind its plan over the year: nothing is saved until the reason is given.
  const neet = card.getByTestId("measure-row").filter({ hasText: /^2\.4\./ });
  await expect(neet.getByText("Іс-шара жоспардан артта қалып отыр: себебін жазыңыз")).toBeVisible();
  await expect(card.getByTestId("measure-row").filter({ hasText: "Есеп жоқ" })).toHaveCount(2);
  await neet.getByLabel("Артта қалу себебі (қазақша)").fill("NEET тізімдері жұмыспен қамту орталығымен салыстырылуда.");
  await card.getByRole("button", { name: "Барлығын сақтау" }).click();
  await expect(editor.getByRole("status")).toHaveText("Сақталған жазбалар: 2");
  await expect(card.getByTestId("measure-row").filter({ hasText: "Есеп жоқ" })).toHaveCount(0);

  // Submitted: from now on it is in the reviewer's hands.
  await card.getByRole("button", { name: "Тоқсан есебін тапсыру" }).click();
  await expect(card.getByTestId("report-status")).toHaveText("Тапсырылды, қаралуда");
  await expect(editor.getByTestId("flash")).toHaveText("Тоқсандық есеп тексеруге жіберілді.");

  // The admin sends it back with a comment.
  await admin.goto("/reviews");
  const review = admin.getByTestId("report-review").filter({ hasText: youthDepartment });
  await review.getByLabel("Түсініктеме").fill("2.5-іс-шара бойынша тренингтердің тізімін тіркеңіз.");
  await review.getByRole("button", { name: "Қайтару" }).click();
  await expect(admin.getByTestId("report-review").filter({ hasText: youthDepartment })).toHaveCount(0);

  // The editor reads the comment, corrects the entry on the measure's page and submits again.
  await editor.reload();
  await expect(card.getByTestId("report-status")).toHaveText("Пысықтауға қайтарылды");
  await expect(card).toContainText("2.5-іс-шара бойынша тренингтердің тізімін тіркеңіз.");
  await card.getByRole("link", { name: /^2\.5\./ }).click();
  const entry = editor.getByTestId("entry").filter({ hasText: "Тоқсан бойынша жұмыс атқарылды: 8" });
  await entry.getByRole("link", { name: "Өзгерту" }).click();
  // The edit form replaces the add form once the navigation has rendered.
  await expect(editor.getByRole("button", { name: "Сақтау" })).toBeVisible();
  await editor
    .getByLabel("Дәлелдер (сілтемелер, әр жолға біреуден)")
    .fill("https://example.org/oryndau-demo/trainings-list.pdf");
  await editor.getByRole("button", { name: "Сақтау" }).click();
  await expect(editor.getByTestId("entry").filter({ hasText: "trainings-list.pdf" })).toHaveCount(1);
  await editor.goto(`/my?quarter=${quarterParam}`);
  await card.getByRole("button", { name: "Тоқсан есебін тапсыру" }).click();
  await expect(card.getByTestId("report-status")).toHaveText("Тапсырылды, қаралуда");

  // The admin accepts it and closes the quarter.
  await admin.goto("/reviews");
  await admin
    .getByTestId("report-review")
    .filter({ hasText: youthDepartment })
    .getByRole("button", { name: "Қабылдау" })
    .click();
  await expect(admin.getByTestId("report-review").filter({ hasText: youthDepartment })).toHaveCount(0);
  await admin.goto(`/roadmaps/${shymkent.id}/periods`);
  const period = admin.locator(`tr[data-quarter="${quarterParam}"]`);
  // Closing asks first, listing the reports the quarter still waits for (the youth one is accepted now).
  await period.getByRole("link", { name: "Тоқсанды жабу" }).click();
  const confirmation = admin.getByTestId("close-confirmation");
  await expect(confirmation).toContainText("Әлі аяқталмаған есептер:");
  await expect(confirmation).not.toContainText(youthDepartment);
  await expect(period).toContainText("Ашық");
  await confirmation.getByRole("button", { name: "Иә, тоқсанды жабу" }).click();
  await expect(period).toContainText("Жабық");

  // The accepted facts now count on the overview.
  const after = await youthExecution(admin);
  expect(after).not.toBe(before);
  expect(parseFloat(after.replace(",", "."))).toBeGreaterThan(parseFloat(before.replace(",", ".")));

  // Nothing dated in the closed quarter can change: the page says so instead of failing.
  await editor.goto(`/my?quarter=${quarterParam}`);
  await expect(card.getByRole("button", { name: "Барлығын сақтау" })).toHaveCount(0);
  await card.getByRole("link", { name: /^2\.5\./ }).click();
  await expect(
    editor.getByTestId("entry").filter({ hasText: "trainings-list.pdf" }).getByRole("link", { name: "Өзгерту" }),
  ).toHaveCount(0);
  const form = editor.locator("form").filter({ has: editor.getByRole("button", { name: "Жазба қосу" }) });
  await form.getByLabel("Күні").fill(quarterEnd(quarter));
  await form.getByLabel("Орындалды").fill("1");
  await form.getByRole("button", { name: "Жазба қосу" }).click();
  await expect(form.getByRole("alert")).toContainText(`${quarter.year} жылғы ${quarter.quarter}-тоқсан жабылған`);
});

test("an editor cannot write to another department's measure, not even by a direct request", async ({ browser }) => {
  const culture = await asUser(browser, "oryntaev");
  const youthMeasure = shymkent.measures.find((measure) => measure.number === "2.5")!;
  const response = await culture.request.post(`/measures/${youthMeasure.id}`, {
    form: {
      intent: "save-entry",
      measureId: String(youthMeasure.id),
      territoryId: String(youthMeasure.territoryId),
      entryDate: expected.today,
      value: "100",
    },
  });
  expect(response.status()).toBe(403);
  // The page of that measure shows no form to them either.
  await culture.goto(`/measures/${youthMeasure.id}`);
  await expect(culture.getByRole("button", { name: "Жазба қосу" })).toHaveCount(0);
});
