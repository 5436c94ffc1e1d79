import type { Browser, Locator, Page } from "@playwright/test";
import { formatQuarterParam, previousQuarter, quarterOf } from "~/domain/periods/quarter";
import { readExpectedFigures } from "./expected";
import { expect, signIn, test } from "./fixtures";

// What an entry asks before it saves (a figure far past its plan, a reason when behind), with and
// without scripts; the reports that wait on a department; what the reviewer reads. Runs before
// progress.spec.ts, which submits the youth department's late quarter.

const expected = readExpectedFigures();
const lastEnded = previousQuarter(quarterOf(expected.today));
const youthDepartment = /Ішкі саясат және жастар істері басқармасы/;
const cultureDepartment = /Мәдениет, тілдерді дамыту және архивтер басқармасы/;

async function asUser(browser: Browser, login: string, javaScriptEnabled = true): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signIn(page, login);
  return page;
}

/** The youth department's card on /my (the current quarter) and a measure's row in it. */
async function youthQuarter(page: Page) {
  await page.goto("/my");
  const card = page.getByTestId("department-quarter").filter({ hasText: youthDepartment }).first();
  const row = (number: string) =>
    card.getByTestId("measure-row").filter({ hasText: new RegExp(`^${number.replace(/\./g, "\\.")}\\. `) });
  return { card, row };
}

/** The quarter's entries of a measure, as its row counts them («3 жазба»). */
async function entryCount(row: Locator): Promise<number> {
  const text = (await row.getByTestId("entry-count").textContent()) ?? "";
  expect(text).toMatch(/^\d+ жазба$/);
  return Number(text.match(/\d+/)![0]);
}

test.describe.configure({ mode: "serial" });

test("a figure far past its plan is confirmed and a behind measure gets its reason before anything is saved", async ({
  browser,
}) => {
  const editor = await asUser(browser, "zhumakulova");
  const { card, row } = await youthQuarter(editor);
  const saved = async (number: string) => entryCount(row(number));
  const before = { trainings: await saved("2.5"), neet: await saved("2.4") };
  // No reason field until one is needed.
  await expect(row("2.4").getByLabel("Артта қалу себебі (қазақша)")).toHaveCount(0);

  // 2.5 plans 8 trainings this quarter; 30 more makes more than three times that. 2.4 stays behind.
  await row("2.5").getByLabel("Орындалды").fill("30");
  await row("2.4").getByLabel("Орындалды").fill("10");
  await card.getByRole("button", { name: "Барлығын сақтау" }).click();
  const confirm = row("2.5").getByTestId("confirm-figure");
  await expect(confirm).toContainText("Сақталатын сан: 30 іс-шара");
  await expect(confirm).toContainText("жоспардан");
  await expect(row("2.4").getByTestId("reason-request")).toContainText("жоспардан артта қалады");
  await expect(row("2.4").getByText("Іс-шара жоспардан артта қалып отыр: себебін жазыңыз")).toBeVisible();
  expect(await saved("2.5")).toBe(before.trainings);
  expect(await saved("2.4")).toBe(before.neet);

  await confirm.getByLabel("Иә, 30 іс-шара — дұрыс").check();
  await row("2.4").getByLabel("Артта қалу себебі (қазақша)").fill("NEET тізімдері әлі салыстырылуда.");
  await card.getByRole("button", { name: "Барлығын сақтау" }).click();
  await expect(editor.getByRole("status")).toHaveText("Сақталған жазбалар: 2");
  await expect(row("2.5").getByTestId("entry-count")).toHaveText(`${before.trainings + 1} жазба`);
  await expect(row("2.4").getByTestId("entry-count")).toHaveText(`${before.neet + 1} жазба`);
});

test("without scripts the server asks the same questions and saves once they are answered", async ({ browser }) => {
  const editor = await asUser(browser, "zhumakulova", false);
  let { card, row } = await youthQuarter(editor);
  const people = await entryCount(row("2.3"));

  // «1 500» is read as the number 1 500, far past the quarter's plan of people reached.
  await row("2.3").getByLabel("Орындалды").fill("1 500");
  await card.getByRole("button", { name: "Барлығын сақтау" }).click();
  const confirm = row("2.3").getByTestId("confirm-figure");
  await expect(confirm).toContainText("Сақталатын сан: 1 500 адам");
  await confirm.getByLabel("Иә, 1 500 адам — дұрыс").check();
  await card.getByRole("button", { name: "Барлығын сақтау" }).click();
  await expect(editor.getByRole("status")).toHaveText("Сақталған жазбалар: 1");
  await expect(row("2.3").getByTestId("entry-count")).toHaveText(`${people + 1} жазба`);

  ({ card, row } = await youthQuarter(editor));
  await row("2.4").getByLabel("Орындалды").fill("5");
  await card.getByRole("button", { name: "Барлығын сақтау" }).click();
  await expect(row("2.4").getByTestId("reason-request")).toContainText("жоспардан артта қалады");
  await row("2.4").getByLabel("Артта қалу себебі (орысша)").fill("Списки NEET ещё сверяются.");
  await card.getByRole("button", { name: "Барлығын сақтау" }).click();
  await expect(editor.getByRole("status")).toHaveText("Сақталған жазбалар: 1");
});

test("/reviews shows each entry's narrative and reason; /my lists the late report and the returned one", async ({
  browser,
}) => {
  const admin = await asUser(browser, "admin");
  await admin.goto("/reviews");
  const review = admin.getByTestId("report-review").filter({ hasText: cultureDepartment });
  const books = review.getByTestId("review-entry").filter({ hasText: "Кітап сатып алу конкурсы" }).first();
  await expect(books).toContainText("қорға түскен кітаптар");
  await expect(books).toContainText("поступило книг в фонды");
  await expect(books.getByTestId("review-reason")).toContainText(
    "Конкурс на закупку книг дважды признан несостоявшимся",
  );
  await review.getByLabel("Түсініктеме").fill("Кітап жеткізу шартының көшірмесін тіркеңіз.");
  await review.getByRole("button", { name: "Қайтару" }).click();
  await expect(admin.getByTestId("report-review").filter({ hasText: cultureDepartment })).toHaveCount(0);

  const quarterParam = formatQuarterParam(lastEnded);
  const label = `${lastEnded.year} ж. ${lastEnded.quarter}-тоқсан`;
  const youth = await asUser(browser, "zhumakulova");
  const late = youth.getByTestId("waiting-report").filter({ hasText: `${label}: есепті тапсыру мерзімі` });
  await expect(late).toBeVisible();
  await late.click();
  await expect(youth).toHaveURL(new RegExp(`quarter=${quarterParam}`));
  await expect(
    youth.getByTestId("department-quarter").filter({ hasText: youthDepartment }).getByTestId("report-status"),
  ).toHaveText("Есеп әлі тапсырылмаған");

  const culture = await asUser(browser, "oryntaev");
  const waiting = culture.getByTestId("waiting-reports");
  await expect(waiting).toContainText(`${label}: есеп пысықтауға қайтарылды`);
  await expect(waiting).toContainText("Кітап жеткізу шартының көшірмесін тіркеңіз.");
  await waiting.getByTestId("waiting-report").first().click();
  await expect(culture).toHaveURL(new RegExp(`quarter=${quarterParam}`));
});
