import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  buildQuarterSheet,
  cellInput,
  letterOf,
  NotQuarterSheet,
  readQuarterSheet,
  rowHasFacts,
  type QuarterSheetLabels,
} from "~/domain/progress/quarter-sheet";

const labels: QuarterSheetLabels = {
  sheetName: "Тоқсан",
  title: "Тоқсан бойынша орындалу барысы",
  department: "Бөлім: Жастар басқармасы",
  roadMap: "Жол картасы: Халықпен бірге!",
  quarter: "Кезең: 2024 жылғы 3-тоқсан",
  instruction: "Ақ бағандарды ғана толтырыңыз",
  columns: {
    number: "№",
    title: "Іс-шараның атауы",
    unit: "Өлшем бірлігі",
    territory: "Аумақ",
    plan: "Жоспар",
    factSoFar: "Енгізілген факт",
    entryDate: "Күні",
    value: "Факт",
    peopleReached: "Қамту",
    narrativeKk: "Барысы (қаз.)",
    narrativeRu: "Барысы (орыс.)",
    behindReasonKk: "Себеп (қаз.)",
    behindReasonRu: "Себеп (орыс.)",
    evidenceLinks: "Сілтемелер",
  },
  numberError: "Санды енгізіңіз",
  wholeNumberError: "Бүтін сан",
  dateError: "Тоқсан ішіндегі күн",
};
const meta = { departmentId: 7, roadMapId: 3, year: 2024, quarter: 3, token: "tok_en-123456" };
const lines = [
  {
    measureId: 11,
    territoryId: 2,
    number: "2.1",
    title: "Жастар форумы",
    unit: "іс-шара",
    territory: "Шымкент",
    plan: 5,
    factSoFar: 1,
    countable: true,
  },
  {
    measureId: 12,
    territoryId: 4,
    number: "2.2",
    title: "Қамту үлесі",
    unit: "%",
    territory: "Абай ауданы",
    plan: 40.5,
    factSoFar: 0,
    countable: false,
  },
];
const dates = { entryDate: "2024-09-30", firstDate: "2024-07-01", lastDate: "2024-09-30" };

async function bytesOf(workbook: ExcelJS.Workbook) {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function reopened(workbook: ExcelJS.Workbook) {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await bytesOf(workbook)).buffer as ArrayBuffer);
  return copy;
}

describe("the quarter sheet's builder", () => {
  it("writes title rows, a translated header, and a row per line with its plan, fact and default date", async () => {
    const sheet = (await reopened(await buildQuarterSheet(meta, lines, labels, dates))).getWorksheet("Тоқсан")!;
    expect([1, 2, 3, 4].map((row) => sheet.getCell(`A${row}`).text)).toEqual([
      labels.title,
      labels.department,
      labels.roadMap,
      labels.quarter,
    ]);
    expect(sheet.getCell("B6").text).toBe("Іс-шараның атауы");
    expect(sheet.getRow(7).hidden).toBe(true);
    expect(sheet.getCell("A8").text).toBe("2.1");
    expect(sheet.getCell("E9").value).toBe(40.5);
    expect(sheet.getCell("G8").value).toEqual(new Date("2024-09-30T00:00:00Z"));
    expect(sheet.getCell("Q8").value).toBe("sheet:tok_en-123456:11:2");
    expect(sheet.getColumn(17).hidden).toBe(true);
  });

  it("locks what was downloaded, opens what is to be filled in, and validates the number cells", async () => {
    const sheet = (await reopened(await buildQuarterSheet(meta, lines, labels, dates))).getWorksheet("Тоқсан")!;
    expect(sheet.getCell("B8").protection?.locked).not.toBe(false);
    expect(sheet.getCell("H8").protection?.locked).toBe(false);
    expect(sheet.getCell("J8").protection?.locked).toBe(false);
    expect(sheet.getCell("H8").dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual" });
    expect(sheet.getCell("H9").dataValidation).toMatchObject({ type: "decimal" });
    expect(sheet.getCell("G8").dataValidation).toMatchObject({ type: "date", operator: "between" });
    expect(sheet.getCell("B8").alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThan(30);
  });
});

describe("the quarter sheet's reader", () => {
  it("reads back what the sheet is for and each row's key columns and filled cells", async () => {
    const workbook = await buildQuarterSheet(meta, lines, labels, dates);
    const sheet = workbook.getWorksheet("Тоқсан")!;
    sheet.getCell("H8").value = 3;
    sheet.getCell("J8").value = { richText: [{ text: "Форум " }, { text: "өтті" }] };
    sheet.getCell("N8").value = { text: "хабар", hyperlink: "https://example.kz/news/1" };
    sheet.getCell("G9").value = "15.08.2024";
    const read = await readQuarterSheet(await bytesOf(workbook));
    expect(read.meta).toEqual(meta);
    expect(read.rows).toHaveLength(2);
    expect(read.rows[0]).toEqual({
      row: 8,
      measureId: "11",
      territoryId: "2",
      rowKey: "sheet:tok_en-123456:11:2",
      cells: {
        entryDate: "2024-09-30",
        value: "3",
        narrativeKk: "Форум өтті",
        evidenceLinks: "https://example.kz/news/1",
      },
    });
    expect(read.rows[1]!.cells).toEqual({ entryDate: "2024-08-15" });
    expect(read.rows.map(rowHasFacts)).toEqual([true, false]);
    expect(read.address(12, "value")).toBe("H12");
  });

  it("refuses a file that is not a spreadsheet, and a spreadsheet that is not our sheet", async () => {
    await expect(readQuarterSheet(new TextEncoder().encode("not a zip"))).rejects.toBeInstanceOf(NotQuarterSheet);
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Лист1").addRow(["№", "Наименование"]);
    await expect(readQuarterSheet(await bytesOf(other))).rejects.toBeInstanceOf(NotQuarterSheet);
    // Our layout with its hidden sheet removed is not trusted either.
    const stripped = await buildQuarterSheet(meta, lines, labels, dates);
    stripped.removeWorksheet(stripped.getWorksheet("oryndau")!.id);
    await expect(readQuarterSheet(await bytesOf(stripped))).rejects.toBeInstanceOf(NotQuarterSheet);
  });

  it("takes a cell's value the way the form would: formulas by their result, blanks as nothing", () => {
    expect(cellInput({ formula: "2+3", result: 5 })).toBe("5");
    expect(cellInput("   ")).toBeUndefined();
    expect(cellInput(null)).toBeUndefined();
    expect(cellInput("1 500")).toBe("1 500");
    expect(letterOf(1)).toBe("A");
    expect(letterOf(27)).toBe("AA");
  });
});
