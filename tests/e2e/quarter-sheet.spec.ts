import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { formatQuarterParam, quarterOf } from "~/domain/periods/quarter";
import { readExpectedFigures } from "./expected";
import { expect, signIn, test } from "./fixtures";

// The youth department's editor reports the running quarter from its sheet: download, fill in
// (here with exceljs, as Excel would), upload, look at the preview, save; the facts appear once.

const expected = readExpectedFigures();
const quarterParam = formatQuarterParam(quarterOf(expected.today));
const youthDepartment = /Ішкі саясат және жастар істері басқармасы/;

/** The downloaded sheet with a fact, people reached and a narrative on its first measure row. */
async function filledIn(path: string): Promise<{ buffer: Buffer; number: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)).buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  let fieldRow = 0;
  sheet.eachRow((row, index) => {
    if (!fieldRow && (row.values as unknown[]).includes("rowKey")) fieldRow = index;
  });
  const names = sheet.getRow(fieldRow).values as unknown[];
  const first = sheet.getRow(fieldRow + 1);
  first.getCell(names.indexOf("value")).value = 1;
  first.getCell(names.indexOf("peopleReached")).value = 45;
  first.getCell(names.indexOf("narrativeKk")).value = "Кестеден енгізілген кездесу";
  return {
    buffer: Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
    number: String(first.getCell(names.indexOf("number")).value),
  };
}

test("the editor reports the quarter from its sheet, and uploading it again adds nothing", async ({ page }) => {
  await signIn(page, "zhumakulova");
  await page.goto(`/my?quarter=${quarterParam}`);
  const card = page.getByTestId("department-quarter").filter({ hasText: youthDepartment }).first();
  const controls = card.getByTestId("quarter-sheet");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    controls.getByRole("link", { name: "Кестені жүктеп алу (XLSX)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const sheet = await filledIn(await download.path());
  const upload = async () => {
    await page.goto(`/my?quarter=${quarterParam}`);
    await controls.locator('input[type="file"]').setInputFiles({
      name: "тоқсан.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: sheet.buffer,
    });
    await controls.getByRole("button", { name: "Жүктеу және қарау" }).click();
    await expect(page.getByTestId("sheet-preview")).toBeVisible();
  };

  await upload();
  await expect(page.getByTestId("count-add")).toHaveText("Қосылады: 1");
  await expect(page.getByTestId("sheet-row").filter({ hasText: "Кестеден енгізілген кездесу" })).toContainText(
    "Қосылады",
  );
  await page.getByRole("button", { name: "Барлығын сақтау" }).click();
  await expect(page.getByTestId("sheet-saved")).toHaveText("Кестеден сақталды: қосылды 1, өзгертілді 0");
  // The measure's saved entries show once its row is opened; the one from the sheet is marked so.
  const row = card
    .getByTestId("measure-row")
    .filter({ hasText: new RegExp(`^${sheet.number.replace(/\./g, "\\.")}\\.`) });
  const fromSheet = card.getByTestId("saved-entry").filter({ hasText: "кестеден" });
  await row.getByRole("link", { name: "Сипаттама, дәлелдер" }).click();
  await expect(fromSheet).toHaveCount(1);
  await expect(row.getByTestId("saved-entry").filter({ hasText: "кестеден" })).toHaveCount(1);

  await upload();
  await expect(page.getByTestId("count-add")).toHaveText("Қосылады: 0");
  await expect(page.getByTestId("count-same")).toHaveText("Өзгеріссіз: 1");
  await expect(page.getByText("Кестеде сақталатын жаңа дерек жоқ")).toBeVisible();
  await expect(page.getByRole("button", { name: "Барлығын сақтау" })).toHaveCount(0);
  await page.goto(`/my?quarter=${quarterParam}`);
  await row.getByRole("link", { name: "Сипаттама, дәлелдер" }).click();
  await expect(fromSheet).toHaveCount(1);
});

test("a quarter form posted again saves nothing new and says so", async ({ page }) => {
  await signIn(page, "zhumakulova");
  await page.goto(`/my?quarter=${quarterParam}`);
  const card = page.getByTestId("department-quarter").filter({ hasText: youthDepartment }).first();
  const row = card.getByTestId("measure-row").first();
  const entries = row.getByTestId("entry-count");
  const before = Number(((await entries.textContent()) ?? "").match(/^(\d+) жазба$/)?.[1]);
  expect(before, "the row's count of entries").not.toBeNaN();
  await row.getByLabel("Орындалды").fill("1");
  // The form as it was rendered, posted twice (a double click, a retry): the second post finds its key used.
  const form = card.locator("form").filter({ has: page.locator('input[name="intent"][value="save-quarter"]') });
  const posted = await form.evaluate((element: HTMLFormElement) => {
    const body = new URLSearchParams(new FormData(element) as unknown as Record<string, string>);
    return { action: element.action, body: body.toString() };
  });
  await card.getByRole("button", { name: "Барлығын сақтау" }).click();
  await expect(page.getByRole("status")).toHaveText("Сақталған жазбалар: 1");
  await expect(entries).toHaveText(`${before + 1} жазба`);
  await expect(row.getByLabel("Орындалды")).toHaveValue("");

  const again = await page.request.post(posted.action, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: posted.body,
  });
  expect(await again.text()).toContain("Бұл пішін бұрын сақталған");
  await page.reload();
  await expect(entries).toHaveText(`${before + 1} жазба`);
});
