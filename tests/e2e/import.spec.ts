import { readExpectedFigures } from "./expected";
import { expect, seriousAccessibilityViolations, signIn, test } from "./fixtures";
import { e2eRoadMapWorkbook } from "./import-workbook";

// The administrator fills a road map from the office's Excel sheet: uploads it, reads the preview and
// its warnings, says what a column the reader could not place holds, maps an unknown executor, saves;
// the same file again changes nothing.

const expected = readExpectedFigures();
// The Kostanay plan (2020): no other browser test reads its figures after this one.
const kostanay = expected.roadMaps.find((roadMap) => /Костанай/.test(roadMap.title.ru ?? ""))!;

test.describe.configure({ mode: "serial" });

test("an admin imports a road map from Excel, corrects a column, saves; the same file again changes nothing", async ({
  page,
}) => {
  const workbook = await e2eRoadMapWorkbook();
  const upload = async () => {
    await page.locator('input[type="file"][name="file"]').setInputFiles({
      name: "қостанай-жол-картасы.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: workbook,
    });
    await page.getByRole("button", { name: "Жүктеп, алдын ала қарау" }).click();
    await expect(page.getByTestId("import-preview")).toBeVisible();
  };

  await signIn(page, "admin");
  await page.goto(`/admin/roadmaps/${kostanay.id}`);
  await page.getByRole("link", { name: "Excel-ден жүктеу" }).click();
  await expect(page.getByRole("heading", { name: "Жол картасын Excel-ден жүктеу" })).toBeVisible();
  await upload();

  // The reader's warnings, each with its cell; the unknown executor is an error until decided.
  await expect(page.getByTestId("import-warnings")).toContainText("B5: Өлшем бірлігі көрсетілмеген");
  await expect(page.getByTestId("import-errors")).toContainText("C5: «Е2Е кітапхана басқармасы» орындаушысы белгісіз");
  await expect(page.getByTestId("import-save")).toBeDisabled();
  await expect(page.getByTestId("summary-measures")).toContainText("2 қосылады");

  // Column E («Саны») is the plan of 2020; the executor becomes a new department.
  await page.getByLabel("E бағанының мазмұны").selectOption("plan");
  await page.getByLabel("E бағанының жылы").selectOption("2020");
  await page.getByLabel("«Е2Е кітапхана басқармасы» кім").selectOption("new");
  await page.getByRole("button", { name: "Қайта қарау" }).click();
  await expect(page.getByTestId("import-errors")).toHaveCount(0);
  const measures = page.getByTestId("import-measure");
  await expect(measures).toHaveCount(2);
  await expect(measures.filter({ hasText: "7.1" })).toContainText("2020 4-тоқсан: 3");
  await expect(measures.filter({ hasText: "7.2" })).toContainText("2020 жылғы IV тоқсан");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.getByTestId("import-save").click();
  await expect(page.getByTestId("import-notice")).toContainText("Сақталды: 2 іс-шара қосылды");

  // The same file again: nothing to change, and saving it adds nothing.
  await upload();
  await expect(page.getByTestId("import-nothing")).toBeVisible();
  await expect(page.getByTestId("summary-measures")).toContainText("2 өзгеріссіз");
  await expect(page.getByTestId("import-errors")).toHaveCount(0);
  await page.getByTestId("import-save").click();
  await expect(page.getByTestId("import-notice")).toContainText("Файлда жаңа ештеңе жоқ");

  await page.goto(`/admin/roadmaps/${kostanay.id}`);
  await expect(page.getByRole("link", { name: "Оқырмандар конференциясы" })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Жаңа кітаптар көрмесі" })).toHaveCount(1);
});
