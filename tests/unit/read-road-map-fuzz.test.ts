import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SheetGrid, type CellValue, type Grid } from "~/domain/import/cells";
import { readRoadMapWorkbook } from "~/domain/import/read-road-map";
import { readSheet } from "~/domain/import/read-sheet";
import type { ReadResult } from "~/domain/import/road-map-sheet";
import { realWorkbook, type RealCell } from "../fixtures/real-road-maps";
import { kazakhSheet, workbookOf } from "../fixtures/road-map-sheets";

// Whatever an office sends, the reader answers with issues, never with an exception.

/** Words that make a row look like a header, a section, a deadline, a total or a footnote. */
const WORDS = [
  "№",
  "Р/с №",
  "№ п/п",
  "Іс-шараның атауы",
  "Наименование мероприятия",
  "Жауапты орындаушылар",
  "Ответственные исполнители",
  "Орындау мерзімі",
  "Срок исполнения",
  "Аяқтау нысаны",
  "2024 жыл",
  "I тоқсан",
  "жоспар",
  "факт",
  "Болжамды шығыстар (мың теңге)",
  "Ход исполнения",
  "1.",
  "1.1",
  "2)",
  "I.",
  "1-1",
  "Раздел I.",
  "1-бағыт",
  "Итого",
  "Барлығы:",
  "Ескерту:",
  "ежегодно",
  "IV кв. 2024 г.",
  "45657",
  "1.500",
  "1 500,5",
  "—",
  "х",
  "0,5 млн",
  "=SUM(A1:A2)",
  "#REF!",
  "ТОО «Алтын, Дала",
  "(по согласованию)",
  "  \n ",
  "",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }) },
  { weight: 1, arbitrary: fc.date({ min: new Date(-1e13), max: new Date(1e13) }) },
  { weight: 1, arbitrary: fc.boolean() },
);

/** Half the grids get a real header somewhere, so the rows under it are read as sections and measures. */
const HEADER: CellValue[] = ["№", "Іс-шараның атауы", "Жауапты орындаушылар", "Орындау мерзімі", "2024 жыл", "факт"];
const rows = fc
  .tuple(
    fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 }),
    fc.option(fc.nat({ max: 5 }), { nil: undefined }),
  )
  .map(([random, at]) => (at === undefined ? random : [...random.slice(0, at), HEADER, ...random.slice(at)]));

const grid: fc.Arbitrary<Grid> = fc.record({
  name: fc.string({ maxLength: 10 }),
  rows,
  merges: fc.array(
    fc
      .record({
        top: fc.integer({ min: 1, max: 30 }),
        left: fc.integer({ min: 1, max: 12 }),
        height: fc.integer({ min: 0, max: 4 }),
        width: fc.integer({ min: 0, max: 6 }),
      })
      .map(({ top, left, height, width }) => ({ top, left, bottom: top + height, right: left + width })),
    { maxLength: 6 },
  ),
  hiddenRows: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }),
});

function expectIssuesOnly(result: ReadResult) {
  for (const issue of [...result.fileIssues, ...result.merged.issues]) {
    expect(["error", "warning"]).toContain(issue.severity);
    expect(issue.message).not.toContain("{{");
  }
}

describe("the reader never throws", () => {
  it("on random grids with header words, merges that may overlap, and hidden rows", () => {
    fc.assert(
      fc.property(grid, fc.constantFrom("kk", "ru", "en") as fc.Arbitrary<"kk" | "ru" | "en">, (g, locale) => {
        const sheet = readSheet(new SheetGrid(g), { messageLocale: locale, years: { start: 2024, end: 2026 } });
        for (const measure of sheet.measures) {
          expect(measure.number).not.toBe("");
          for (const plan of [...measure.plans, ...measure.facts]) expect(Number.isFinite(plan.value)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it("on random sheets saved by exceljs, merged cells included", async () => {
    await fc.assert(
      fc.asyncProperty(
        rows.map((grid) => grid.map((row) => row.map((value): RealCell => value))),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 8 })), { maxLength: 3 }),
        async (rows, corners) => {
          // exceljs refuses overlapping merges; keep the ones that do not overlap.
          const merges: string[] = [];
          const taken = new Set<string>();
          for (const [row, column] of corners) {
            const cells = [0, 1].flatMap((dr) => [0, 1].map((dc) => `${row + dr}:${column + dc}`));
            if (cells.some((c) => taken.has(c))) continue;
            cells.forEach((c) => taken.add(c));
            const letter = (n: number) => String.fromCharCode(64 + n);
            merges.push(`${letter(column)}${row}:${letter(column + 1)}${row + 1}`);
          }
          const bytes = await realWorkbook([{ name: "Парақ", rows, merges }]);
          expectIssuesOnly(await readRoadMapWorkbook(bytes, "random.xlsx"));
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it("on random bytes, and random bytes that start like a zip, an OLE file or a text with a BOM", async () => {
    const prefixes = [
      [],
      [0x50, 0x4b, 0x03, 0x04],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      [0xff, 0xfe],
      [0xef, 0xbb, 0xbf],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 2000 }), async (prefix, body) => {
        const bytes = new Uint8Array([...prefix, ...body]);
        expectIssuesOnly(await readRoadMapWorkbook(bytes, "random.xlsx"));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("on a real workbook with bytes damaged here and there", async () => {
    const original = await workbookOf([kazakhSheet()]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.nat({ max: original.length }), { nil: undefined }),
        async (damage, cut) => {
          const bytes = original.slice(0, cut);
          for (const [at, byte] of damage) if (at < bytes.length) bytes[at] = byte;
          expectIssuesOnly(await readRoadMapWorkbook(bytes, "damaged.xlsx"));
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
