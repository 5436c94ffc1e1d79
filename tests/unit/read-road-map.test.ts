import { Document, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { readRoadMapWorkbook, roadMapSheetJson } from "~/domain/import/read-road-map";
import type { ReadResult, SheetIssue } from "~/domain/import/road-map-sheet";
import { dictionaries } from "~/i18n/i18n";
import {
  exportLayoutWorkbook,
  kazakhSheet,
  largeRoadMapWorkbook,
  russianSheet,
  twoRowHeaderSheet,
  workbookOf,
  type FixtureSheet,
} from "../fixtures/road-map-sheets";

const read = async (sheets: FixtureSheet[], options = {}) =>
  readRoadMapWorkbook(await workbookOf(sheets), "road-map.xlsx", options);
const errors = (issues: SheetIssue[]) => issues.filter((issue) => issue.severity === "error");
const dictionaryText = (locale: "kk" | "ru", code: string) =>
  code.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], dictionaries[locale]);

/** The file's one message, in kk and in ru: a dictionary text, not a key; nothing else read. */
async function refusal(bytes: Uint8Array, code: string) {
  const kk = await readRoadMapWorkbook(bytes, "file.xlsx");
  const ru = await readRoadMapWorkbook(bytes, "file.xlsx", { messageLocale: "ru" });
  for (const [result, locale] of [
    [kk, "kk"],
    [ru, "ru"],
  ] as Array<[ReadResult, "kk" | "ru"]>) {
    expect(result.sheets).toEqual([]);
    expect(result.fileIssues).toHaveLength(1);
    const issue = result.fileIssues[0] as SheetIssue;
    expect(issue.code).toBe(`roadMapSheet.issue.${code}`);
    expect(issue.severity).toBe("error");
    expect(typeof dictionaryText(locale, issue.code)).toBe("string");
    expect(issue.message.length).toBeGreaterThan(5);
    expect(issue.message).not.toContain("roadMapSheet");
  }
  return { kk: kk.fileIssues[0]?.message, ru: ru.fileIssues[0]?.message };
}

const utf16 = (text: string) => Buffer.from(text, "utf16le");
/** The start of an OLE compound file (D0 CF 11 E0 …) whose directory names the given streams. */
function oleFile(...streams: string[]): Uint8Array {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(128 * streams.length);
  streams.forEach((name, i) => utf16(name).copy(directory, i * 128));
  return new Uint8Array(Buffer.concat([header, directory]));
}
/** Russian text in Windows-1251, as Russian Excel saves a CSV. */
function windows1251(text: string): Uint8Array {
  return new Uint8Array(
    [...text].map((char) => {
      const code = char.charCodeAt(0);
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (char === "Ё") return 0xa8;
      if (char === "ё") return 0xb8;
      return code;
    }),
  );
}

describe("a kk road map as offices keep it", async () => {
  const result = await read([kazakhSheet()]);
  const sheet = result.sheets[0];
  const measure = (number: string) => result.merged.measures.find((m) => m.number === number);

  it("finds the header under the merged title rows and skips the numbering row", () => {
    expect(sheet?.headerRows).toEqual([4, 4]);
    expect(sheet?.locale).toBe("kk");
    expect(sheet?.columns.map((column) => column.role.kind)).toEqual([
      "number",
      "title",
      "completionForm",
      "responsible",
      "deadline",
      "fundingSource",
      "plan",
      "fact",
    ]);
    expect(errors(result.merged.issues)).toEqual([]);
  });

  it("reads a merged section row and a numbered row with no deadline or executor as sections", () => {
    expect(result.merged.sections.map((s) => [s.number, s.title.kk])).toEqual([
      ["1", "Мәдениет"],
      ["2", "Жастар саясаты"],
    ]);
  });

  it("reads every measure, skips blank rows and stops at the footnote and the signature", () => {
    expect(result.merged.measures.map((m) => [m.number, m.section, m.title.kk])).toEqual([
      ["1.1", "1", "Жастар фестивалін өткізу"],
      ["1.2", "1", "Кітапханаларда кездесулер"],
      ["2.1", "2", "Жастар орталығын ашу"],
      ["2.2", "2", "Волонтерлер форумы"],
    ]);
  });

  it("reads numbers with spaces, commas, «+» and «тыс.», and dashes as nothing", () => {
    expect(measure("1.1")?.plans).toEqual([{ year: 2024, quarter: null, value: 1500 }]);
    expect(measure("1.1")?.facts).toEqual([{ year: null, quarter: null, value: 200 }]);
    expect(measure("1.2")?.plans[0]?.value).toBe(2.5);
    expect(measure("2.1")?.plans[0]?.value).toBe(5000);
    expect(measure("2.1")?.facts).toEqual([]);
    expect(measure("2.2")?.plans[0]?.value).toBe(122000);
    const note = result.merged.issues.find((issue) => issue.code === "roadMapSheet.issue.approximate");
    expect(note).toMatchObject({
      cell: "G11",
      severity: "warning",
      message: "«5 000+» шамамен жазылған: 5000 саны алынды",
    });
  });

  it("turns deadlines into dates or recurrences", () => {
    expect(measure("1.1")?.deadline).toEqual({ date: "2024-12-15", text: null, recurrence: null });
    expect(measure("1.2")?.deadline).toEqual({ date: "2024-12-31", text: "2024 жылғы IV тоқсан", recurrence: null });
    expect(measure("2.1")?.deadline).toEqual({ date: null, text: "жыл сайын", recurrence: "annual" });
    expect(measure("2.2")?.deadline.date).toBe("2024-12-01");
  });

  it("splits several executors in a cell, the first being the responsible one", () => {
    expect(measure("1.1")?.departments).toEqual(["Мәдениет басқармасы", "Жастар саясаты басқармасы"]);
    expect(measure("1.2")?.departments).toEqual(["Мәдениет басқармасы", "Тілдер басқармасы"]);
    expect(measure("2.2")?.departments).toEqual(["«Жастар» ресурстық орталығы", "облыс әкімдігі"]);
  });

  it("guesses the unit from the completion form when there is no unit column, with a warning", () => {
    expect(measure("2.1")?.unit).toBe("document");
    expect(measure("2.1")?.unitGuessed).toBe(true);
    expect(measure("2.2")?.unit).toBe("event");
    expect(result.merged.issues).toContainEqual(
      expect.objectContaining({ cell: "B11", severity: "warning", code: "roadMapSheet.issue.unitGuessed" }),
    );
  });
});

describe("a kk and a ru sheet of one road map", () => {
  it("give one measure with both titles, in either order", async () => {
    for (const sheets of [
      [kazakhSheet(), russianSheet()],
      [russianSheet(), kazakhSheet()],
    ]) {
      const result = await read(sheets);
      expect(result.sheets.map((s) => s.locale).sort()).toEqual(["kk", "ru"]);
      expect(result.merged.measures).toHaveLength(4);
      expect(result.merged.measures.find((m) => m.number === "2.2")?.title).toEqual({
        kk: "Волонтерлер форумы",
        ru: "Форум волонтёров",
      });
      expect(result.merged.sections.map((s) => s.title)).toEqual([
        { kk: "Мәдениет", ru: "Культура" },
        { kk: "Жастар саясаты", ru: "Молодёжная политика" },
      ]);
      expect(errors(result.merged.issues)).toEqual([]);
    }
  });

  it("warn about a measure found in one sheet only", async () => {
    const ru = russianSheet();
    ru.rows.splice(6, 1);
    const result = await read([kazakhSheet(), ru]);
    expect(result.merged.measures).toHaveLength(4);
    expect(result.merged.issues).toContainEqual(
      expect.objectContaining({
        cell: "'Жол картасы'!A9",
        severity: "warning",
        message: "№ 1.2 іс-шара тек «Жол картасы» парағында бар",
      }),
    );
  });
});

describe("a two-row header with merged group cells", async () => {
  const result = await read([twoRowHeaderSheet()]);
  it("reads the plan per quarter under «2024 жыл», a formula's cached result, and a plan/fact pair", () => {
    const sheet = result.sheets[0];
    expect(sheet?.headerRows).toEqual([1, 2]);
    expect(sheet?.columns[4]?.header).toBe("2024 жыл / I тоқсан");
    const measure = result.merged.measures[0];
    expect(measure?.plans).toEqual([
      { year: 2024, quarter: 1, value: 10 },
      { year: 2024, quarter: 2, value: 20 },
      { year: 2024, quarter: 3, value: 30 },
      { year: 2024, quarter: 4, value: 40 },
      { year: 2025, quarter: null, value: 100 },
    ]);
    expect(measure?.facts).toEqual([{ year: 2025, quarter: null, value: 50 }]);
    expect(measure?.deadline.recurrence).toBe("quarterly");
  });

  it("lets the admin correct a column, and reads the sheet again with it", async () => {
    const corrected = await read([twoRowHeaderSheet()], {
      overrides: { Жоспар: { J: { kind: "plan", year: 2025, quarter: 4 }, I: { kind: "ignore" } } },
    });
    expect(corrected.merged.measures[0]?.plans.slice(4)).toEqual([{ year: 2025, quarter: 4, value: 50 }]);
    expect(corrected.merged.measures[0]?.facts).toEqual([]);
  });

  it("flags plan columns outside the programme's years", async () => {
    const flagged = await read([twoRowHeaderSheet()], { years: { start: 2024, end: 2024 } });
    expect(flagged.merged.issues).toContainEqual(
      expect.objectContaining({ cell: "I1", code: "roadMapSheet.issue.outsideYears", params: { year: 2025 } }),
    );
  });
});

describe("the layout Oryndau exports", () => {
  it("reads back the same sections, measures, plans and titles", async () => {
    const result = await readRoadMapWorkbook(await exportLayoutWorkbook(), "export.xlsx", { messageLocale: "ru" });
    expect(result.merged.issues).toEqual([]);
    expect(result.merged.sections.map((s) => [s.number, s.parent, s.title])).toEqual([
      ["1", null, { kk: "Мәдениет", ru: "Культура" }],
      ["1.1", "1", { kk: "Кітапханалар", ru: "Библиотеки" }],
      ["2", null, { kk: "Жастар", ru: "Молодёжь" }],
      [null, null, { kk: "Жалпы мәселелер", ru: "Общие вопросы" }],
    ]);
    const [first, second, third] = result.merged.measures;
    expect(first).toMatchObject({
      number: "1.1.1",
      section: "1.1",
      sectionIndex: 1,
      title: { kk: "Кітап көрмелері", ru: "Книжные выставки" },
      completionForm: { kk: "Ақпарат", ru: "Информация" },
      unit: "event",
      unitGuessed: false,
      deadline: { date: "2025-12-25", text: null, recurrence: null },
      departments: ["Мәдениет басқармасы", "Тілдер басқармасы"],
      plannedFunding: 1500000,
      plans: [
        { year: 2024, quarter: 1, value: 1 },
        { year: 2024, quarter: 2, value: 2 },
        { year: 2024, quarter: 4, value: 3 },
        { year: 2025, quarter: 1, value: 4 },
        { year: 2025, quarter: 4, value: 5 },
      ],
    });
    expect(second).toMatchObject({ number: "2.1", unit: "person", deadline: { recurrence: "annual", date: null } });
    expect(third).toMatchObject({ number: "3.1", section: null, sectionIndex: 3, unit: "percent" });
    expect(third?.deadline.date).toBe("2024-12-31");
  });

  it("prints the CLI's JSON shape", async () => {
    const result = await readRoadMapWorkbook(await exportLayoutWorkbook(), "export.xlsx");
    const json = roadMapSheetJson(result.sheets[0] as NonNullable<(typeof result.sheets)[0]>);
    expect(json.sheet).toBe("Жол картасы (қаз)");
    expect(json.sections[0]).toEqual({ number: "1", title: { kk: "Мәдениет", ru: null } });
    expect(json.measures[1]).toEqual({
      number: "2.1",
      section: "2",
      title: { kk: "Жастармен кездесулер", ru: null },
      unit: "person",
      deadline: { date: null, text: "жыл сайын" },
      departments: ["Жастар саясаты басқармасы"],
      plans: [1, 2, 3, 4].map((quarter) => ({ year: 2024, quarter, value: 100 })),
      facts: [],
      coverage: null,
    });
    expect(json.issues).toEqual([]);
  });
});

describe("problems in a sheet, with their cells", () => {
  const header = ["№", "Іс-шараның атауы", "Жауапты орындаушылар", "Орындау мерзімі", "2024 жылға жоспар"];
  it("a sheet with no header", async () => {
    const result = await read([{ name: "Парақ1", rows: [["Тізім"], ["бір", "екі"]] }]);
    expect(result.sheets[0]?.headerRows).toBeNull();
    expect(result.merged.issues).toEqual([
      expect.objectContaining({ cell: null, severity: "error", code: "roadMapSheet.issue.noHeader" }),
    ]);
    expect(result.merged.issues[0]?.message).toContain("Іс-шараның атауы");
  });

  it("a measure with no title, a plan of «abc», a negative plan, a repeated number", async () => {
    const result = await read(
      [
        {
          name: "Sheet",
          rows: [
            header,
            ["1", "Кездесу", "Әкімдік", "2024 жыл", "abc"],
            ["2", null, "Әкімдік", "2024 жыл", 5],
            ["3", "Форум", "Әкімдік", "2024 жыл", -4],
            ["1", "Кездесу тағы", "Әкімдік", "2024 жыл", 1],
          ],
        },
      ],
      { messageLocale: "ru" },
    );
    expect(errors(result.merged.issues).map((issue) => [issue.cell, issue.message])).toEqual([
      ["E2", "«abc» — не число"],
      ["B3", "У мероприятия № 2 нет наименования"],
      ["E4", "Отрицательное число: -4"],
      ["A5", "Мероприятие № 1 встречается на этом листе второй раз"],
    ]);
    expect(result.merged.measures.map((m) => m.number)).toEqual(["1", "3"]);
  });

  it("a deadline in words that name no date is kept and flagged", async () => {
    const result = await read([{ name: "S", rows: [header, ["1", "Кездесу", "Әкімдік", "қажеттілігіне қарай", 1]] }]);
    expect(result.merged.measures[0]?.deadline).toEqual({ date: null, text: "қажеттілігіне қарай", recurrence: null });
    expect(result.merged.issues).toContainEqual(
      expect.objectContaining({ cell: "D2", severity: "warning", code: "roadMapSheet.issue.deadlineUnread" }),
    );
  });
});

describe("CSV files", () => {
  const rows = [
    "Дорожная карта",
    "№;Наименование мероприятия;Ответственные исполнители;Срок исполнения;План на 2024 год",
    "1;Культура;;;",
    '1.1;"Встречи; круглые столы";"Управление культуры, акимат района";IV квартал 2024 года;1 500',
    '1.2;"Форум ""Жастар""\nи выставка";Управление спорта;ежегодно;2,5',
  ].join("\r\n");

  it("UTF-8 with a BOM, «;», quoted fields with delimiters, quotes and new lines", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(rows)]);
    const result = await readRoadMapWorkbook(bytes, "карта.csv");
    expect(result.sheets[0]?.sheet).toBe("карта");
    expect(result.merged.sections.map((s) => s.title.ru)).toEqual(["Культура"]);
    expect(result.merged.measures.map((m) => [m.number, m.title.ru, m.plans[0]?.value])).toEqual([
      ["1.1", "Встречи; круглые столы", 1500],
      ["1.2", 'Форум "Жастар" и выставка', 2.5],
    ]);
    expect(result.merged.measures[0]?.departments).toEqual(["Управление культуры", "акимат района"]);
  });

  it("Windows-1251 with commas", async () => {
    const result = await readRoadMapWorkbook(windows1251(rows.replace(/;/g, ",").replace("1 500", '"1 500"')), "x.csv");
    expect(result.merged.measures[0]?.title.ru).toBe("Встречи, круглые столы");
    expect(result.merged.measures[0]?.deadline.date).toBe("2024-12-31");
  });
});

describe("files that are not a road-map workbook", () => {
  it("not a spreadsheet", async () => {
    await refusal(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 0, 0]),
      "notSpreadsheet",
    );
  });
  it("a damaged .xlsx", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from("xl/workbook.xml garbage")]);
    await refusal(bytes, "damaged");
  });
  it("an empty file", async () => {
    await refusal(new Uint8Array(), "empty");
    await refusal(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a]), "empty");
  });
  it("a password-protected workbook (an OLE file with an EncryptionInfo stream)", async () => {
    const { kk, ru } = await refusal(oleFile("Root Entry", "EncryptionInfo", "EncryptedPackage"), "encrypted");
    expect(kk).toContain("құпиясөз");
    expect(ru).toContain("паролем");
  });
  it("an old .xls", async () => {
    const { ru } = await refusal(oleFile("Root Entry", "Workbook"), "xls");
    expect(ru).toContain(".xlsx");
  });
  it("a Word document, .docx or .doc", async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Жол картасы")] }] }));
    await refusal(new Uint8Array(docx), "word");
    await refusal(oleFile("Root Entry", "WordDocument"), "word");
  });
  it("a 50 MB file", async () => {
    const { ru } = await refusal(new Uint8Array(50 * 2 ** 20), "tooLarge");
    expect(ru).toBe("Файл слишком большой: не более 20 МБ");
  });
  it("a sheet name that is not in the file", async () => {
    const bytes = await workbookOf([kazakhSheet()]);
    const result = await readRoadMapWorkbook(bytes, "a.xlsx", { sheet: "Жоқ", messageLocale: "ru" });
    expect(result.fileIssues[0]?.message).toBe("В файле нет листа «Жоқ»");
  });
});

describe("a large road map", () => {
  it("reads 5 000 measures in ten sections with their quarter plans", async () => {
    const result = await readRoadMapWorkbook(await largeRoadMapWorkbook(5000), "large.xlsx");
    expect(result.merged.measures).toHaveLength(5000);
    expect(result.merged.sections).toHaveLength(10);
    expect(errors(result.merged.issues)).toEqual([]);
    expect(result.merged.measures[0]?.plans).toHaveLength(8);
    expect(result.merged.measures[0]?.departments).toHaveLength(3);
  }, 60_000);
});

describe("section rows as offices number them", () => {
  it("«II. …» in a merged row, «Раздел 2. …», and a nested «2.1» under its parent", async () => {
    const header = [
      "№ п/п",
      "Наименование мероприятия",
      "Ответственные исполнители",
      "Срок исполнения",
      "План на 2025 год",
    ];
    const result = await read([
      {
        name: "Лист1",
        rows: [
          header,
          ["I. Культура"],
          ["1.1", "Выставка", "Управление культуры", "декабрь 2025", "1\u00a0200"],
          ["Раздел 2. Молодёжь"],
          ["2.1", "Молодёжные центры", null, null, null],
          ["2.1.1", "Открытие центра", "Управление молодёжи", "до 15 марта 2025 года", "3"],
        ],
        merges: ["A2:E2", "A4:E4"],
      },
    ]);
    expect(result.merged.sections.map((s) => [s.number, s.parent, s.title.ru])).toEqual([
      ["1", null, "Культура"],
      ["2", null, "Молодёжь"],
      ["2.1", "2", "Молодёжные центры"],
    ]);
    expect(result.merged.measures.map((m) => [m.number, m.section, m.plans[0]?.value, m.deadline.date])).toEqual([
      ["1.1", "1", 1200, "2025-12-31"],
      ["2.1.1", "2.1", 3, "2025-03-15"],
    ]);
  });
});
