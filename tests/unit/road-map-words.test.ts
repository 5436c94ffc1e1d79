import { describe, expect, it } from "vitest";
import { readDeadline } from "~/domain/import/deadline-words";
import { splitExecutors } from "~/domain/import/executors";
import { roleOfHeader } from "~/domain/import/header";
import { readQuantity } from "~/domain/import/numbers";
import { measureNumberOf, sectionOfText } from "~/domain/import/sections";
import { guessUnit, unitOfName } from "~/domain/import/units";

describe("numbers as people type them", () => {
  it.each([
    ["1 500", 1500],
    ["1\u00a0500", 1500],
    ["1\u202f500", 1500],
    ["2,5", 2.5],
    ["1 500,75", 1500.75],
    ["122 тыс.", 122000],
    ["1,2 млн", 1200000],
    ["35%", 35],
    ["12 адам", 12],
    [42, 42],
  ])("«%s» reads %d", (written, value) => {
    expect(readQuantity(written)).toEqual({ kind: "number", value, approximate: false });
  });

  it("«5 000+» and «более 300» are numbers with a note", () => {
    expect(readQuantity("5 000+")).toEqual({ kind: "number", value: 5000, approximate: true });
    expect(readQuantity("более 300")).toEqual({ kind: "number", value: 300, approximate: true });
  });

  it.each(["-", "—", "", "  ", null])("%j is no quantity", (written) => {
    expect(readQuantity(written)).toEqual({ kind: "none" });
  });

  it.each(["abc", "1 500 abc", "2024 жылы"])("«%s» is not a number", (written) => {
    expect(readQuantity(written)).toEqual({ kind: "invalid", text: written });
  });
});

describe("deadlines in words", () => {
  const dateOf = (written: string | Date | number) => readDeadline(written)?.deadline;
  it.each([
    ["15.12.2024", "2024-12-15", null],
    ["2024 жылғы IV тоқсан", "2024-12-31", "2024 жылғы IV тоқсан"],
    ["IV квартал 2024 года", "2024-12-31", "IV квартал 2024 года"],
    ["2025 жылғы II тоқсан", "2025-06-30", "2025 жылғы II тоқсан"],
    ["3 кв. 2024 г.", "2024-09-30", "3 кв. 2024 г."],
    ["2024 жылғы 1 желтоқсанға дейін", "2024-12-01", "2024 жылғы 1 желтоқсанға дейін"],
    ["до 1 декабря 2024 года", "2024-12-01", "до 1 декабря 2024 года"],
    ["до 20 мая 2025 г.", "2025-05-20", "до 20 мая 2025 г."],
    ["2024 жыл", "2024-12-31", "2024 жыл"],
    ["2024 год", "2024-12-31", "2024 год"],
    ["желтоқсан 2024", "2024-12-31", "желтоқсан 2024"],
    ["декабрь 2024", "2024-12-31", "декабрь 2024"],
    ["2024 жылғы ақпан", "2024-02-29", "2024 жылғы ақпан"],
    ["2024-2025 жылдар", "2025-12-31", "2024-2025 жылдар"],
    ["I полугодие 2025 года", "2025-06-30", "I полугодие 2025 года"],
  ])("«%s» → %s", (written, date, text) => {
    expect(dateOf(written)).toEqual({ date, text, recurrence: null });
  });

  it("an Excel date cell is that day", () => {
    expect(dateOf(new Date(Date.UTC(2025, 2, 31)))).toEqual({ date: "2025-03-31", text: null, recurrence: null });
  });

  it.each([
    ["жыл сайын", "annual"],
    ["Ежегодно", "annual"],
    ["тұрақты", "permanent"],
    ["Постоянно", "permanent"],
    ["жартыжылдық", "semiannual"],
    ["по полугодиям", "semiannual"],
    ["жарты жылда бір рет", "semiannual"],
    ["тоқсан сайын", "quarterly"],
    ["ежеквартально", "quarterly"],
  ])("«%s» recurs (%s) and names no date", (written, recurrence) => {
    expect(readDeadline(written)).toEqual({ deadline: { date: null, text: written, recurrence }, understood: true });
  });

  it("words that name no date are kept as written and flagged", () => {
    expect(readDeadline("по мере необходимости")).toEqual({
      deadline: { date: null, text: "по мере необходимости", recurrence: null },
      understood: false,
    });
    expect(readDeadline("31.02.2024")?.understood).toBe(false);
    expect(readDeadline("—")).toBeNull();
  });
});

describe("executors in one cell", () => {
  it("are split at commas, semicolons and new lines", () => {
    expect(splitExecutors("Мәдениет басқармасы, Білім басқармасы;Спорт басқармасы\nТілдер басқармасы")).toEqual([
      "Мәдениет басқармасы",
      "Білім басқармасы",
      "Спорт басқармасы",
      "Тілдер басқармасы",
    ]);
  });

  it("but not at a comma inside quotes or a parenthesis", () => {
    expect(
      splitExecutors("ҚР Мәдениет және ақпарат министрлігі (келісім бойынша, қажет болса), облыс әкімдігі"),
    ).toEqual(["ҚР Мәдениет және ақпарат министрлігі (келісім бойынша, қажет болса)", "облыс әкімдігі"]);
    expect(splitExecutors("ТОО «Молодёжь, спорт и культура», акимат района")).toEqual([
      "ТОО «Молодёжь, спорт и культура»",
      "акимат района",
    ]);
  });
});

describe("header words", () => {
  it.each([
    ["№", "number"],
    ["Р/с №", "number"],
    ["№\nп/п", "number"],
    ["Іс-шараның атауы", "title"],
    ["НАИМЕНОВАНИЕ МЕРОПРИЯТИЯ", "title"],
    ["Аяқтау нысаны", "completionForm"],
    ["Форма завершения мероприятия", "completionForm"],
    ["Жауапты орындаушылар", "responsible"],
    ["Ответственные\nисполнители", "responsible"],
    ["Орындау мерзімі", "deadline"],
    ["Срок исполнения", "deadline"],
    ["Қаржыландыру көзі", "fundingSource"],
    ["Источник финансирования", "fundingSource"],
    ["Өлшем бірлігі", "unit"],
    ["Единица измерения", "unit"],
    ["Жоспарлы сома, теңге", "plannedFunding"],
    ["Қамту (адам)", "coverage"],
    ["Охват", "coverage"],
    ["Орындалу барысы туралы ақпарат", "narrative"],
    ["Орындалу пайызы", "ignore"],
  ])("«%s» is the %s column", (header, kind) => {
    expect(roleOfHeader(header, null).role.kind).toBe(kind);
  });

  it("plan and fact columns by year and quarter", () => {
    expect(roleOfHeader("Жоспар, 2024 ж. III тоқсан", null).role).toEqual({ kind: "plan", year: 2024, quarter: 3 });
    expect(roleOfHeader("План на 2024 год / II квартал", null).role).toEqual({ kind: "plan", year: 2024, quarter: 2 });
    expect(roleOfHeader("2025 жыл / орындалды", null).role).toEqual({ kind: "fact", year: 2025, quarter: null });
    expect(roleOfHeader("Исполнено", null).role).toEqual({ kind: "fact", year: null, quarter: null });
    expect(roleOfHeader("Факт за I квартал 2025 г.", null).role).toEqual({ kind: "fact", year: 2025, quarter: 1 });
    expect(roleOfHeader("План", null)).toEqual({ role: { kind: "ignore" }, missingYear: true });
    expect(roleOfHeader("План", 2024).role).toEqual({ kind: "plan", year: 2024, quarter: null });
  });
});

describe("sections and numbers", () => {
  it.each([
    ["1. Мәдениет", "1", "Мәдениет"],
    ["Раздел 2. Молодёжь", "2", "Молодёжь"],
    ["II. Жастар саясаты", "2", "Жастар саясаты"],
    ["3-бөлім. Спорт", "3", "Спорт"],
    ["1.1. Кітапханалар", "1.1", "Кітапханалар"],
    ["Іс-шаралар", null, "Іс-шаралар"],
  ])("«%s» is section %s «%s»", (text, number, title) => {
    expect(sectionOfText(text)).toEqual({ number, title });
  });

  it("a measure number reads the same however it is printed", () => {
    expect(measureNumberOf(" 2.1.4. ")).toBe("2.1.4");
    expect(measureNumberOf("2. 1. 4")).toBe("2.1.4");
    expect(measureNumberOf("abc")).toBeNull();
  });
});

describe("units", () => {
  it("the app's own names in kk, ru and en, and common words", () => {
    expect(unitOfName("іс-шара")).toBe("event");
    expect(unitOfName("мероприятие")).toBe("event");
    expect(unitOfName("чел.")).toBe("person");
    expect(unitOfName("нысан")).toBe("object");
    expect(unitOfName("тыс. тенге")).toBe("tenge");
    expect(unitOfName("шт.")).toBe("item");
    expect(unitOfName("%")).toBe("percent");
    expect(unitOfName("centres")).toBe("centre");
    expect(unitOfName("жоба")).toBe("project");
    expect(unitOfName("литр")).toBeNull();
  });

  it("guessed from the completion form, then the title, else «item»", () => {
    expect(guessUnit("Бұйрық", "Жастар форумы")).toBe("document");
    expect(guessUnit("", "Жастармен кездесу өткізу")).toBe("meeting");
    expect(guessUnit("", "Жолды жарықтандыру")).toBe("item");
  });
});
