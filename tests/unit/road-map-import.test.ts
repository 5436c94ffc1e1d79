import { describe, expect, it } from "vitest";
import { departmentMatcher, languageOf, normaliseName } from "~/domain/import/department-names";
import { parseImportForm } from "~/domain/import/import-form";

describe("executors matched to departments", () => {
  const match = departmentMatcher([
    { id: 1, name: { kk: "Мәдениет басқармасы", ru: "Управление культуры" } },
    { id: 2, name: { ru: "ГУ «Управление образования города Шымкент»" } },
    { id: 3, name: { ru: "Управление спорта" } },
    { id: 4, name: { ru: "КГУ «Управление спорта»" } },
  ]);

  it("matches exactly, case, quotes and spaces aside", () => {
    expect(normaliseName("  «Мәдениет   БАСҚАРМАСЫ» ")).toBe("мәдениет басқармасы");
    expect(match("управление  культуры")).toEqual({ departmentId: 1, how: "exact" });
  });

  it("tolerates the legal form and the city's name when they point at one department", () => {
    expect(match("Управление образования")).toEqual({ departmentId: 2, how: "tolerant" });
    expect(match("ГУ Управление образования г. Шымкент")).toEqual({ departmentId: 2, how: "tolerant" });
  });

  it("prefers the exact name, and proposes nothing when the tolerant match is ambiguous or absent", () => {
    expect(match("Управление спорта")).toEqual({ departmentId: 3, how: "exact" });
    expect(match("ГУ Управление спорта")).toBeNull();
    expect(match("Тілдер басқармасы")).toBeNull();
  });

  it("tells the language of a name", () => {
    expect(languageOf("Тілдер басқармасы", "ru")).toBe("kk");
    expect(languageOf("Управление культуры", "kk")).toBe("ru");
    expect(languageOf("жыл сайын", "kk")).toBe("kk");
  });
});

describe("the preview form", () => {
  it("reads column roles by sheet, executors' choices and the facts' date", () => {
    const form = parseImportForm(
      new URLSearchParams({
        upload: "12",
        "sheet.0": "Жол картасы",
        "role.0.E": "plan",
        "year.0.E": "2020",
        "quarter.0.E": "",
        "role.0.F": "fact",
        "year.0.F": "2021",
        "quarter.0.F": "3",
        "role.0.G": "nonsense",
        "executor.0": "тілдер басқармасы",
        "department.0": "new",
        "executor.1": "спорт",
        "department.1": "7",
        "executor.2": "білім",
        "department.2": "",
        factsDate: "2020-13-01",
      }),
    );
    expect(form).toEqual({
      uploadId: 12,
      overrides: {
        "Жол картасы": { E: { kind: "plan", year: 2020, quarter: null }, F: { kind: "fact", year: 2021, quarter: 3 } },
      },
      departments: { "тілдер басқармасы": { kind: "new" }, спорт: { kind: "existing", departmentId: 7 } },
      factsDate: null,
    });
    expect(parseImportForm(new URLSearchParams({ upload: "x" }))).toBeNull();
  });
});
