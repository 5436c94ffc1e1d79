import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { formatQuarterParam, quarterOf } from "~/domain/periods/quarter";
import { readExpectedFigures } from "./expected";
import { expect, signIn, test } from "./fixtures";

// A department with 500 measures, built through the product: the admin imports them from a road map
// workbook into the Shymkent road map (a new department, planned in the running quarter) and gives the
// department a head. Its /my stays light and is found through by pages and search; its quarter sheet,
// filled for every measure, saves all or nothing. Runs after the other browser tests (its own project).

const MEASURES = 500;
const MAX_HTML_BYTES = 300 * 1024;
const PLAN = 2;
const DEPARTMENT = "Е2Е ірі басқарма";
const HEAD = { login: "iri.basqarma", password: "Iri-basqarma-500-sharasy!" };

const expected = readExpectedFigures();
const shymkent = expected.roadMaps.find((roadMap) => /Шымкент/.test(`${roadMap.title.kk} ${roadMap.title.ru}`))!;
const quarter = quarterOf(expected.today);
const quarterParam = formatQuarterParam(quarter);
const ROMAN = ["I", "II", "III", "IV"];
const numberOf = (index: number) => `90.${index}`;
// One measure's title holds a word no other has, for the search (the Russian titles' search is a unit test's).
const titleOf = (index: number) =>
  index === 321 ? "Шопан ата ауылының кітапханасында оқырмандар кеші" : `Аудандағы жастармен кездесу № ${index}`;

/** The office's workbook: a section of 500 measures of the new department, each planned in the running quarter. */
async function roadMapWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Жол картасы");
  sheet.addRow([
    "№",
    "Іс-шараның атауы",
    "Өлшем бірлігі",
    "Жауапты орындаушылар",
    "Орындау мерзімі",
    `${quarter.year} жылғы ${ROMAN[quarter.quarter - 1]} тоқсан жоспары`,
  ]);
  sheet.addRow([1, 2, 3, 4, 5, 6]);
  sheet.addRow(["90. Ірі басқарманың іс-шаралары"]);
  for (let index = 1; index <= MEASURES; index += 1) {
    const row = sheet.addRow([
      numberOf(index),
      titleOf(index),
      "іс-шара",
      DEPARTMENT,
      new Date(Date.UTC(quarter.year, 11, 31)),
      PLAN,
    ]);
    row.getCell(5).numFmt = "dd.mm.yyyy";
  }
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function importMeasures(admin: Page) {
  await admin.goto(`/admin/roadmaps/${shymkent.id}/import`);
  await admin.locator('input[type="file"][name="file"]').setInputFiles({
    name: "iri-basqarma.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await roadMapWorkbook(),
  });
  await admin.getByRole("button", { name: "Жүктеп, алдын ала қарау" }).click();
  // 500 measures to read and preview: longer than a page takes on this shared machine.
  await expect(admin.getByTestId("import-preview")).toBeVisible({ timeout: 60_000 });
  await admin.getByLabel(`«${DEPARTMENT}» кім`).selectOption("new");
  await admin.getByRole("button", { name: "Қайта қарау" }).click();
  await expect(admin.getByTestId("summary-measures")).toContainText(`${MEASURES} қосылады`, { timeout: 60_000 });
  await expect(admin.getByTestId("import-errors")).toHaveCount(0);
  await admin.getByTestId("import-save").click();
  await expect(admin.getByTestId("import-notice")).toContainText(`Сақталды: ${MEASURES} іс-шара қосылды`, {
    timeout: 60_000,
  });
}

async function createHead(admin: Page) {
  await admin.goto("/admin/users");
  await admin.getByLabel("Логин").fill(HEAD.login);
  await admin.getByLabel("Аты-жөні").fill("Ірі басқарма басшысы");
  await admin.getByRole("textbox", { name: "Құпиясөз", exact: true }).fill(HEAD.password);
  await admin.getByLabel("Құпиясөзді қайталаңыз").fill(HEAD.password);
  await admin.getByRole("button", { name: "Пайдаланушы құру" }).click();
  await expect(admin).toHaveURL(/\/admin\/users\/\d+/);
  await admin.getByLabel("Рөл", { exact: true }).selectOption("editor");
  await admin.getByLabel("Басқарма", { exact: true }).selectOption({ label: DEPARTMENT });
  await admin.getByRole("button", { name: "Рөл беру" }).click();
  await expect(admin.getByText("Басқарма өкілі").first()).toBeVisible();
}

/** The downloaded quarter sheet with a fact in every measure's row, as `value` says for its number. */
async function filledIn(path: string, value: (number: string) => number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)).buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  let fieldRow = 0;
  sheet.eachRow((row, index) => {
    if (!fieldRow && (row.values as unknown[]).includes("rowKey")) fieldRow = index;
  });
  const names = sheet.getRow(fieldRow).values as unknown[];
  let filled = 0;
  sheet.eachRow((row, index) => {
    const number = row.getCell(names.indexOf("number")).value;
    if (index <= fieldRow || typeof number !== "string" || !number.startsWith("90.")) return;
    row.getCell(names.indexOf("value")).value = value(number);
    filled += 1;
  });
  expect(filled, "measure rows in the sheet").toBe(MEASURES);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

test("/my for a department of 500 measures stays light, pages and searches, and saves the quarter sheet all or nothing", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await importMeasures(admin);
  await createHead(admin);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, HEAD.login, HEAD.password);
  const url = `/my?quarter=${quarterParam}`;
  await page.goto(url);
  const card = page.getByTestId("department-quarter").filter({ hasText: DEPARTMENT });
  const rows = card.getByTestId("measure-row");
  await expect(card.getByTestId("measure-counts")).toHaveText(
    `${MEASURES} іс-шара · факт енгізілмеген: ${MEASURES} · артта қалған: ${MEASURES}`,
  );
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(`${numberOf(1)}. ${titleOf(1)}`);

  // The page a person downloads: its HTML, uncompressed.
  const html = await (await page.request.get(url)).body();
  expect(html.length, "bytes of /my's HTML for 500 measures").toBeLessThan(MAX_HTML_BYTES);

  // The next page holds the next 50 measures.
  await card.getByRole("link", { name: "Келесі бет" }).click();
  await expect(card).toContainText("10 беттің 2-беті");
  await expect(rows.first()).toContainText(`${numberOf(51)}. `);
  await expect(rows).toHaveCount(50);

  // Search by number, then by a word of the title, in a plain GET form.
  const filter = page.getByTestId("measure-filter");
  await filter.getByLabel("Іздеу").fill(numberOf(123));
  await filter.getByRole("button", { name: "Табу" }).click();
  await expect(page).toHaveURL(/q=90\.123/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${numberOf(123)}. ${titleOf(123)}`);
  await filter.getByLabel("Іздеу").fill("шопан");
  await filter.getByRole("button", { name: "Табу" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(numberOf(321));
  await expect(card.getByTestId("measures-found")).toHaveText("Табылды: 1");

  // The quarter sheet, filled for every measure but one negative figure: nothing is saved.
  await page.goto(url);
  const controls = card.getByTestId("quarter-sheet");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    controls.getByRole("link", { name: "Кестені жүктеп алу (XLSX)" }).click(),
  ]);
  const sheetPath = await download.path();
  const upload = async (buffer: Buffer) => {
    await page.goto(url);
    await controls.locator('input[type="file"]').setInputFiles({
      name: "тоқсан.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    await controls.getByRole("button", { name: "Жүктеу және қарау" }).click();
    await expect(page.getByTestId("sheet-preview")).toBeVisible({ timeout: 60_000 });
  };

  await upload(await filledIn(sheetPath, (number) => (number === numberOf(250) ? -PLAN : PLAN)));
  await expect(
    page.getByText("Қателер: 1. Оларды кестеде түзетіп, қайта жүктеңіз — ештеңе сақталмайды."),
  ).toBeVisible();
  await expect(page.getByTestId("sheet-problems")).toContainText("Теріс сан болмауы керек");
  await expect(page.getByRole("button", { name: "Барлығын сақтау" })).toHaveCount(0);
  await page.goto(url);
  await expect(card.getByTestId("measure-counts")).toHaveText(
    `${MEASURES} іс-шара · факт енгізілмеген: ${MEASURES} · артта қалған: ${MEASURES}`,
  );

  // Fixed: every row is saved, once.
  await upload(await filledIn(sheetPath, () => PLAN));
  await expect(page.getByTestId("count-add")).toHaveText(`Қосылады: ${MEASURES}`);
  await page.getByRole("button", { name: "Барлығын сақтау" }).click();
  await expect(page.getByTestId("sheet-saved")).toHaveText(`Кестеден сақталды: қосылды ${MEASURES}, өзгертілді 0`, {
    timeout: 60_000,
  });
  await expect(card.getByTestId("measure-counts")).toHaveText(
    `${MEASURES} іс-шара · факт енгізілмеген: 0 · артта қалған: 0`,
  );
  await filter.getByLabel("Көрсету").selectOption("unreported");
  await filter.getByRole("button", { name: "Табу" }).click();
  await expect(card.getByText("Сүзгіге сай іс-шара жоқ.")).toBeVisible();
  await filter.getByLabel("Көрсету").selectOption("all");
  await filter.getByLabel("Іздеу").fill(numberOf(MEASURES));
  await filter.getByRole("button", { name: "Табу" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`Факт: ${PLAN} (1 жазба)`);
});
