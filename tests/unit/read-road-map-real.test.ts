import { describe, expect, it } from "vitest";
import { splitExecutors } from "~/domain/import/executors";
import { readRoadMapWorkbook } from "~/domain/import/read-road-map";
import type { ParsedMeasure, ParsedSheet, SheetIssue } from "~/domain/import/road-map-sheet";
import {
  amanatKazakh,
  bilingualSheet,
  cellKinds,
  continuationRows,
  coverAndHidden,
  excelQuirks,
  executionReport,
  mergedExecutorColumn,
  QUANTITIES,
  quantitiesSheet,
  realWorkbook,
  repeatedHeaderPlan,
  restartedNumbers,
  russianPlan,
  RUSSIAN_CSV,
  sectionStyles,
  tenthNumbers,
  UNICODE_TEXT,
  utf16WithBom,
  windows1251,
  type RealSheet,
} from "../fixtures/real-road-maps";

// Layouts the way akimats and party branches really keep them: what the admin would see in the preview.

async function readSheets(sheets: RealSheet[]) {
  const result = await readRoadMapWorkbook(await realWorkbook(sheets), "road-map.xlsx", { messageLocale: "ru" });
  return { result, sheet: result.sheets[0] as ParsedSheet };
}
const byNumber = (sheet: ParsedSheet) => new Map(sheet.measures.map((measure) => [measure.number, measure]));
const title = (measure: ParsedMeasure | undefined) => (measure ? Object.values(measure.title)[0] : undefined);
const problems = (issues: SheetIssue[], severity?: "error" | "warning") =>
  issues
    .filter((issue) => (severity ? issue.severity === severity : true))
    .filter((issue) => !/unitGuessed/.test(issue.code))
    .map((issue) => `${issue.cell ?? "—"}: ${issue.code.replace("roadMapSheet.issue.", "")}`);

describe("AMANAT «Халықпен бірге!» regional road map (kk)", async () => {
  const { sheet } = await readSheets([amanatKazakh()]);
  const measures = byNumber(sheet);

  it("finds the two-row header with «Р/с №», «Жауаптылар» and funding per year", () => {
    expect(sheet.locale).toBe("kk");
    expect(sheet.headerRows).toEqual([4, 5]);
    expect(sheet.columns.map((column) => column.role.kind)).toEqual([
      "number",
      "title",
      "completionForm",
      "deadline",
      "responsible",
      "plannedFunding",
      "plannedFunding",
      "plannedFunding",
      "fundingSource",
    ]);
  });

  it("reads «1-бағыт» rows as sections and «1.» as measure numbers, skipping «Барлығы» and the notes", () => {
    expect(sheet.sections.map((section) => [section.number, section.title.kk])).toEqual([
      ["1", "Әділетті әлеуметтік саясат"],
      ["2", "Қолжетімді медицина"],
    ]);
    expect(sheet.measures.map((measure) => [measure.number, measure.section])).toEqual([
      ["1", "1"],
      ["2", "1"],
      ["3", "2"],
    ]);
    expect(title(measures.get("1"))).toBe("Көп балалы отбасыларға тұрғын үй беру");
  });

  it("sums funding over the years and turns thousands of tenge into tenge; «0,5 млн» is half a million", () => {
    expect(measures.get("1")?.plannedFunding).toBe(3_500_500);
    expect(measures.get("2")?.plannedFunding).toBeNull();
    expect(measures.get("3")?.plannedFunding).toBe(500_000);
    expect(measures.get("2")?.fundingSource).toEqual({ kk: "Талап етілмейді" });
  });

  it("reads «2024 жылғы 25 желтоқсан», «31.12.2024 ж.» and «2023-2027 жж.»", () => {
    expect(measures.get("1")?.deadline.date).toBe("2024-12-25");
    expect(measures.get("2")?.deadline).toEqual({ date: "2024-12-31", text: null, recurrence: null });
    expect(measures.get("3")?.deadline).toEqual({ date: "2027-12-31", text: "2023-2027 жж.", recurrence: null });
  });

  it("splits executors at new lines and commas, not inside «Алтын, Дала», and drops «(келісім бойынша)»", () => {
    expect(measures.get("1")?.departments).toEqual(["Тұрғын үй басқармасы", "аудандар мен қалалар әкімдіктері"]);
    expect(measures.get("2")?.departments).toEqual(["ЖСБ", "ДШБ", "«Алтын, Дала» ЖШС"]);
  });

  it("has nothing to flag but the guessed units", () => {
    expect(problems(sheet.issues)).toEqual([]);
  });
});

describe("a Russian «План мероприятий» with abbreviated headers", async () => {
  const { sheet } = await readSheets([russianPlan()]);
  const measures = byNumber(sheet);

  it("knows «Наим. мероприятия», «Отв. исп.», «Срок исп.», «Источник фин.» under the approval lines", () => {
    expect(sheet.headerRows).toEqual([4, 4]);
    expect(sheet.columns.map((column) => column.role.kind)).toEqual([
      "number",
      "title",
      "completionForm",
      "responsible",
      "deadline",
      "plannedFunding",
      "fundingSource",
    ]);
  });

  it("reads «Раздел I.» and «Направление 2.» as sections 1 and 2, «1)» as measure 1, skips «Итого» but not «Итоговое совещание»", () => {
    expect(sheet.sections.map((section) => [section.number, section.title.ru])).toEqual([
      ["1", "Воспитание патриотизма"],
      ["2", "Спорт"],
    ]);
    expect(sheet.measures.map((measure) => `${measure.section}/${measure.number}`)).toEqual([
      "1/1",
      "1/2",
      "2/3",
      "2/4",
      "2/5",
      "2/6",
    ]);
  });

  it("reads «1.500» in thousands of tenge as 1 500 000 tenge, with a warning at its cell", () => {
    expect(measures.get("1")?.plannedFunding).toBe(1_500_000);
    const warning = sheet.issues.find((issue) => issue.cell === "F6");
    expect(warning?.code).toBe("roadMapSheet.issue.thousandsDot");
    expect(warning?.message).toContain("1500");
  });

  it("takes «не требуется» and «-» as no funding, not as an error", () => {
    expect(measures.get("3")?.plannedFunding).toBeNull();
    expect(measures.get("4")?.plannedFunding).toBeNull();
    expect(problems(sheet.issues, "error")).toEqual([]);
  });

  it("drops «(по согласованию)» and «и др.», keeps «УВП», «ДВП» and «ТОО «Алтын, Дала»» whole", () => {
    expect(measures.get("1")?.departments).toEqual(["УВП", "ДВП"]);
    expect(measures.get("2")?.departments).toEqual(["Управление образования"]);
    expect(measures.get("3")?.departments).toEqual(["Управление спорта", "ТОО «Алтын, Дала»"]);
  });

  it("reads «декабрь 2024 г.», «IV кв. 2024 г.», «2024-2025 годы»; keeps a monthly and an as-needed deadline as flagged text", () => {
    expect(measures.get("1")?.deadline.date).toBe("2024-12-31");
    expect(measures.get("2")?.deadline.date).toBe("2024-12-31");
    expect(measures.get("3")?.deadline.date).toBe("2025-12-31");
    expect(measures.get("4")?.deadline).toEqual({
      date: null,
      text: "до 25 числа месяца, следующего за отчетным",
      recurrence: null,
    });
    expect(measures.get("5")?.deadline).toEqual({ date: null, text: "по мере необходимости", recurrence: null });
    expect(problems(sheet.issues, "warning")).toEqual([
      "F6: thousandsDot",
      "E10: deadlineUnread",
      "E11: deadlineUnread",
    ]);
  });
});

describe("a quarterly execution report «Информация о ходе исполнения»", async () => {
  const { sheet } = await readSheets([executionReport()]);
  const measures = byNumber(sheet);

  it("reads plan and fact per quarter under the merged «2024 год», and «Ход исполнения» as the narrative", () => {
    expect(sheet.headerRows).toEqual([2, 4]);
    expect(sheet.columns.slice(4).map((column) => column.role)).toEqual([
      { kind: "plan", year: 2024, quarter: 1 },
      { kind: "fact", year: 2024, quarter: 1 },
      { kind: "plan", year: 2024, quarter: 2 },
      { kind: "fact", year: 2024, quarter: 2 },
      { kind: "plan", year: 2024, quarter: 3 },
      { kind: "fact", year: 2024, quarter: 3 },
      { kind: "narrative" },
      { kind: "ignore" },
    ]);
    expect(measures.get("1")?.plans.map((plan) => plan.value)).toEqual([2, 2, 2]);
    expect(measures.get("1")?.facts).toEqual([
      { year: 2024, quarter: 1, value: 2 },
      { year: 2024, quarter: 2, value: 1 },
    ]);
    expect(measures.get("1")?.narrative).toEqual({ ru: "Проведено 3 семинара" });
    expect(measures.get("1")?.deadline.recurrence).toBe("quarterly");
  });

  it("takes a formula's cached result, and flags error values and a formula Excel never computed", () => {
    expect(measures.get("2")?.plans).toEqual([
      { year: 2024, quarter: 1, value: 1 },
      { year: 2024, quarter: 3, value: 3 },
    ]);
    expect(measures.get("2")?.facts).toEqual([{ year: 2024, quarter: 1, value: 1 }]);
    expect(problems(sheet.issues)).toEqual(["G6: notANumber", "H6: notANumber", "J6: formulaNotComputed"]);
    expect(sheet.issues.find((issue) => issue.cell === "H6")?.message).toBe("«#REF!» — не число");
    expect(sheet.issues.find((issue) => issue.cell === "J6")?.message).toContain("=SUM(F6:H6)");
  });
});

describe("a long table printed with its header on every page", async () => {
  const { sheet } = await readSheets([repeatedHeaderPlan()]);

  it("skips the repeated header and numbering rows: four measures, no duplicates", () => {
    expect(sheet.measures.map((measure) => [measure.number, title(measure), measure.plans[0]?.value])).toEqual([
      ["1", "Первое мероприятие", 10],
      ["2", "Второе мероприятие", 20],
      ["3", "Третье мероприятие", 30],
      ["4", "Четвёртое мероприятие", 40],
    ]);
    expect(problems(sheet.issues)).toEqual([]);
  });
});

describe("sections written every way", async () => {
  const { sheet } = await readSheets([sectionStyles()]);

  it("reads «I бөлім.», a row with «II.» in its first cell and its title merged across, and «3» followed by 3.1", () => {
    expect(sheet.sections.map((section) => [section.number, section.title.kk, section.row])).toEqual([
      ["1", "Мәдениет", 2],
      ["2", "Жастар саясаты", 4],
      ["3", "Спорт", 6],
    ]);
    expect(sheet.measures.map((measure) => `${measure.section}/${measure.number}`)).toEqual([
      "1/1.1",
      "2/2.1",
      "3/3.1",
      "3/3.2",
    ]);
    // «3 Спорт» named an executor: read as a section, it loses it, and the admin is told at its cell.
    expect(sheet.issues.filter((issue) => issue.code === "roadMapSheet.issue.sectionRowValues")).toEqual([
      expect.objectContaining({ cell: "A6", severity: "warning", params: { number: "3" } }),
    ]);
  });

  it("reads «3-1» as 3.1, «2024 ж. 25 желтоқсан», and Excel date serials written as numbers or text", () => {
    const measures = byNumber(sheet);
    expect(measures.get("2.1")?.deadline.date).toBe("2024-12-25");
    expect(measures.get("3.1")?.deadline).toEqual({ date: "2024-12-31", text: null, recurrence: null });
    expect(measures.get("3.2")?.deadline).toEqual({ date: "2024-12-31", text: null, recurrence: null });
    expect(problems(sheet.issues)).toEqual(["A6: sectionRowValues"]);
  });
});

describe("rows that continue the measure above", async () => {
  const { sheet } = await readSheets([continuationRows()]);
  const measures = byNumber(sheet);

  it("joins a title spilled into the next row, and an executor on a row of its own, with a warning each", () => {
    expect(title(measures.get("1"))).toBe("Ауыл жастарын кәсіпкерлікке оқыту бағдарламасын іске асыру");
    expect(measures.get("1")?.departments).toEqual(["Кәсіпкерлік басқармасы", "Жастар ресурстық орталығы"]);
    expect(measures.get("1")?.plans).toEqual([{ year: 2024, quarter: null, value: 100 }]);
    expect(problems(sheet.issues)).toEqual(["B3: rowContinues", "B4: rowContinues", "B6: rowContinues"]);
  });

  it("adds the sub-row of a measure whose number is merged down: its executor and its share of the plan", () => {
    expect(measures.get("2")?.departments).toEqual(["Жастар басқармасы", "Білім басқармасы"]);
    expect(measures.get("2")?.plans).toEqual([{ year: 2024, quarter: null, value: 75 }]);
  });

  it("still reads an unnumbered capitalised row as a section", () => {
    expect(sheet.sections.map((section) => section.title.kk)).toEqual(["Жалпы мәселелер"]);
    expect(sheet.measures.map((measure) => measure.number)).toEqual(["1", "2", "3"]);
  });
});

describe("an executor and a deadline merged down over several measures", async () => {
  const { sheet } = await readSheets([mergedExecutorColumn()]);

  it("gives the merged value to every measure it spans", () => {
    expect(sheet.measures.map((measure) => [measure.number, measure.departments, measure.deadline.date])).toEqual([
      ["1", ["Управление культуры"], "2024-12-31"],
      ["2", ["Управление культуры"], "2024-12-31"],
      ["3", ["Управление культуры"], "2024-12-31"],
      ["4", ["Управление спорта"], null],
    ]);
    expect(problems(sheet.issues)).toEqual([]);
  });
});

describe("numbers that start again in every section", async () => {
  it("reads them under their section's number, with one warning", async () => {
    const { sheet } = await readSheets([restartedNumbers()]);
    expect(sheet.measures.map((measure) => [measure.number, title(measure)])).toEqual([
      ["1.1", "Выставка"],
      ["1.2", "Концерт"],
      ["2.1", "Марафон"],
      ["2.2", "Турнир"],
    ]);
    expect(problems(sheet.issues)).toEqual(["A3: numbersRestart"]);
  });

  it("reads «1.10» that Excel stored as the number 1.1 after 1.9", async () => {
    const { sheet } = await readSheets([tenthNumbers()]);
    expect(sheet.measures.map((measure) => measure.number).slice(-2)).toEqual(["1.9", "1.10"]);
    expect(problems(sheet.issues)).toEqual(["A11: numberReadAs"]);
  });
});

describe("exceljs's cell kinds", async () => {
  const { sheet } = await readSheets([cellKinds()]);
  const measures = byNumber(sheet);

  it("reads rich text headers and titles, hyperlinks, formulas and shared formulas", () => {
    expect(sheet.columns[0]?.role.kind).toBe("number");
    expect(sheet.columns[1]?.role.kind).toBe("title");
    expect(title(measures.get("1"))).toBe("Жастар форумы");
    expect(title(measures.get("2"))).toBe("Сайт");
    expect(measures.get("1")?.departments).toEqual(["Жастар басқармасы"]);
    expect(measures.get("1")?.plans.map((plan) => plan.value)).toEqual([5, 6]);
  });

  it("takes the end of a period «01.12.2024-31.12.2024» as the deadline", () => {
    expect(measures.get("1")?.deadline.date).toBe("2024-12-31");
  });
});

describe("a workbook with a cover sheet, a hidden sheet, hidden rows and columns", async () => {
  const { result, sheet } = await readSheets(coverAndHidden());

  it("reads only the visible road-map sheet, hidden rows too, and says so", () => {
    expect(result.sheets.map((s) => s.sheet)).toEqual(["Жол картасы"]);
    expect(sheet.measures.map((measure) => title(measure))).toEqual(["Көрінетін іс-шара", "Жасырын жолдағы іс-шара"]);
    expect(problems(sheet.issues)).toEqual(["B3: hiddenRows"]);
    expect(sheet.issues.find((issue) => issue.code.endsWith("hiddenRows"))?.message).toContain("(3)");
  });
});

describe("numbers as offices type them", async () => {
  const { sheet } = await readSheets([quantitiesSheet()]);

  it.each(QUANTITIES.map(([written, value], i) => [String(written), value, i + 1] as const))(
    "«%s» reads %s",
    (_written, value, number) => {
      const measure = sheet.measures.find((m) => m.number === String(number));
      expect(measure?.plans[0]?.value ?? null).toBe(value);
    },
  );

  it("flags only a single dot read as thousands («1.500»): «1.500.000» and «1.500,25» say it plainly", () => {
    expect(problems(sheet.issues)).toEqual(["E4: thousandsDot"]);
  });
});

describe("text files Excel saves", () => {
  it("reads a CSV from Russian Excel: Windows-1251, «;», decimal commas, a quoted field over two lines", async () => {
    const result = await readRoadMapWorkbook(windows1251(RUSSIAN_CSV), "План.csv");
    const sheet = result.sheets[0] as ParsedSheet;
    expect(sheet.sheet).toBe("План");
    expect(sheet.measures.map((measure) => [measure.number, title(measure), measure.plans[0]?.value])).toEqual([
      ["1", "Семинар «Цифровая грамотность»", 1500.5],
      ["2", 'Форум "Молодёжь; будущее"', 2.5],
    ]);
    expect(sheet.measures[0]?.departments).toEqual(["Управление цифровизации", "УВП"]);
    expect(sheet.measures[1]?.departments).toEqual(["Управление культуры", "ТОО «Алтын, Дала»"]);
    expect(sheet.measures[0]?.deadline.date).toBe("2024-12-31");
  });

  it("reads Excel's «Текст Юникод»: UTF-16 LE with a BOM, tab-separated", async () => {
    const result = await readRoadMapWorkbook(utf16WithBom(UNICODE_TEXT), "Жол картасы.txt");
    const sheet = result.sheets[0] as ParsedSheet;
    expect(sheet.locale).toBe("kk");
    expect(sheet.measures.map((measure) => [measure.number, title(measure), measure.plans[0]?.value])).toEqual([
      ["1", "Қазақ тілі курстары", 1200],
      ["2", "Көп жолды атау", 3.5],
    ]);
    expect(sheet.measures[1]?.deadline.recurrence).toBe("annual");
  });
});

describe("what Excel and its users do to a table", async () => {
  const { sheet } = await readSheets([excelQuirks()]);

  it("reads a section merged over the number and title cells, even with its period beside it", () => {
    expect(sheet.sections.map((section) => [section.number, section.title.ru])).toEqual([["1", "Образование"]]);
  });

  it("reads numbers Excel turned into dates back as 1.1 and 1.12, and says so at their cells", () => {
    expect(sheet.measures.map((measure) => [measure.number, measure.section])).toEqual([
      ["1.1", "1"],
      ["1.12", "1"],
    ]);
    expect(problems(sheet.issues)).toEqual(["A3: numberWasDate", "B4: rowContinues", "A5: numberWasDate"]);
  });

  it("joins a spilled title that starts like a signature, and still stops at the real signature", () => {
    expect(title(sheet.measures[0])).toBe("Семинары для руководителей школ");
    expect(sheet.measures).toHaveLength(2);
  });

  it("reads a status column «Отметка об исполнении» as the narrative, not as a number that fails", () => {
    expect(sheet.columns[4]?.role.kind).toBe("narrative");
    expect(sheet.measures[0]?.narrative).toEqual({ ru: "Исполнено" });
  });
});

describe("department names with commas of their own", () => {
  it.each([
    [
      "Управление культуры, спорта и туризма, акиматы районов",
      ["Управление культуры, спорта и туризма", "акиматы районов"],
    ],
    [
      "Облыстың мәдениет, архивтер және құжаттама басқармасы, аудандар мен қалалар әкімдіктері",
      ["Облыстың мәдениет, архивтер және құжаттама басқармасы", "аудандар мен қалалар әкімдіктері"],
    ],
    ["Білім басқармасы, мүдделі мемлекеттік органдар", ["Білім басқармасы", "мүдделі мемлекеттік органдар"]],
    ["УВП, ДВП (по согласованию)", ["УВП", "ДВП"]],
    ["Управление образования и др.", ["Управление образования"]],
    ["ТОО «Алтын Дала, Управление спорта", ["ТОО Алтын Дала", "Управление спорта"]],
  ])("«%s»", (written, names) => {
    expect(splitExecutors(written)).toEqual(names);
  });
});

describe("both languages side by side in one sheet", async () => {
  const { sheet } = await readSheets([bilingualSheet()]);

  it("gives each measure its kk and ru titles", () => {
    expect(sheet.measures.map((measure) => measure.title)).toEqual([
      { kk: "Жастар форумы", ru: "Молодёжный форум" },
      { kk: "Марафон", ru: "Марафон" },
    ]);
  });

  it("reads «2-бағыт» as a section even inside a deadline merged down over it", () => {
    expect(sheet.sections.map((section) => [section.number, section.title.kk])).toEqual([["2", "Спорт"]]);
    expect(sheet.measures.map((measure) => [measure.section, measure.deadline.date])).toEqual([
      [null, "2024-12-31"],
      ["2", "2024-12-31"],
    ]);
  });
});
