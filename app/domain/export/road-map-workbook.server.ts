import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { roadMapStructure } from "~/domain/admin/structure.server";
import { formatDate } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { pickText, type LocalizedText } from "~/i18n/locales";
import {
  BORDER,
  SECTION_FILL,
  newWorkbook,
  preparePrinting,
  setCell,
  styleHeaderRow,
  workbookBytes,
  writeTitleLines,
} from "./xlsx.server";

// The road map itself as a workbook, laid out as /work/wt/ROUNDTRIP.md describes, so that the road-map
// import reads it back into the same sections, measures, plans and titles: one sheet per language,
// title rows, one header row in the words offices use, a row of column numbers, section rows merged
// across, one row per measure with its plan per quarter. The header words are the import's contract,
// so they are fixed here rather than in the dictionaries.

const ROMAN = ["I", "II", "III", "IV"];

export const WORKBOOK_SHEETS = {
  kk: {
    name: "Жол картасы (қаз)",
    headers: {
      number: "№",
      title: "Іс-шараның атауы",
      completionForm: "Аяқтау нысаны",
      unit: "Өлшем бірлігі",
      responsible: "Жауапты орындаушылар",
      deadline: "Орындау мерзімі",
      fundingSource: "Қаржыландыру көзі",
      plannedFunding: "Жоспарлы сома, теңге",
    },
    plan: (year: number, quarter: number) => `Жоспар, ${year} ж. ${ROMAN[quarter - 1]} тоқсан`,
  },
  ru: {
    name: "Дорожная карта (рус)",
    headers: {
      number: "№ п/п",
      title: "Наименование мероприятия",
      completionForm: "Форма завершения",
      unit: "Единица измерения",
      responsible: "Ответственные исполнители",
      deadline: "Срок исполнения",
      fundingSource: "Источник финансирования",
      plannedFunding: "Плановая сумма, тенге",
    },
    plan: (year: number, quarter: number) => `План, ${year} г. ${ROMAN[quarter - 1]} квартал`,
  },
} as const;

const WIDTHS = {
  number: 9,
  title: 50,
  completionForm: 24,
  unit: 13,
  responsible: 32,
  deadline: 14,
  fundingSource: 20,
  plannedFunding: 15,
};

export async function roadMapWorkbook(
  db: Kysely<Database>,
  roadMapId: number,
  today: string,
): Promise<{ bytes: Uint8Array; fileName: string; asciiFileName: string }> {
  const { roadMap, sections } = await roadMapStructure(db, roadMapId);
  const measureIds = sections.flatMap((section) => section.measures.map((m) => m.id));
  const [details, coExecutors, plans] = measureIds.length
    ? await Promise.all([
        db
          .selectFrom("measure as m")
          .innerJoin("department as d", "d.id", "m.responsible_department_id")
          .select([
            "m.id",
            "m.completion_form",
            "m.unit",
            "m.deadline",
            "m.deadline_text",
            "m.funding_source",
            "m.planned_funding",
            "d.name as department",
          ])
          .where("m.id", "in", measureIds)
          .execute(),
        db
          .selectFrom("measure_co_executor as c")
          .innerJoin("department as d", "d.id", "c.department_id")
          .select(["c.measure_id", "d.name"])
          .where("c.measure_id", "in", measureIds)
          .orderBy("d.id")
          .execute(),
        // A plan split among territories is one quantity for the road map: its shares add up.
        db
          .selectFrom("measure_plan")
          .select((eb) => ["measure_id", "year", "quarter", eb.fn.sum<number>("planned").as("planned")])
          .where("measure_id", "in", measureIds)
          .groupBy(["measure_id", "year", "quarter"])
          .execute(),
      ])
    : [[], [], []];
  const detail = new Map(details.map((d) => [d.id, d]));
  const planOf = new Map(plans.map((p) => [`${p.measure_id}:${p.year}:${p.quarter}`, Number(p.planned)]));
  const quarters = [...new Set(plans.map((p) => p.year * 4 + p.quarter - 1))]
    .sort((a, b) => a - b)
    .map((key) => ({ year: Math.floor(key / 4), quarter: (key % 4) + 1 }));

  const workbook = await newWorkbook();
  for (const locale of ["kk", "ru"] as const) {
    const layout = WORKBOOK_SHEETS[locale];
    const t = translator(locale);
    const text = (value: LocalizedText | null | undefined) => pickText(value, locale)?.text ?? "";
    const sheet = workbook.addWorksheet(layout.name);
    const fixed = Object.keys(layout.headers) as Array<keyof typeof layout.headers>;
    const width = fixed.length + quarters.length;
    fixed.forEach((key, index) => {
      sheet.getColumn(index + 1).width = WIDTHS[key];
    });
    quarters.forEach((_, index) => {
      sheet.getColumn(fixed.length + index + 1).width = 13;
    });
    const headerIndex = writeTitleLines(
      sheet,
      [
        text(roadMap.programme_title),
        text(roadMap.title),
        text(roadMap.territory_name),
        t("export.exportedOn", { date: formatDate(locale, today) }),
      ],
      width,
    );
    const header = sheet.getRow(headerIndex);
    header.values = [
      ...fixed.map((key) => layout.headers[key]),
      ...quarters.map((q) => layout.plan(q.year, q.quarter)),
    ];
    styleHeaderRow(header, width);
    const numbers = sheet.getRow(headerIndex + 1);
    numbers.values = Array.from({ length: width }, (_, index) => index + 1);
    styleHeaderRow(numbers, width);

    let rowIndex = headerIndex + 2;
    for (const section of sections) {
      const row = sheet.getRow(rowIndex);
      row.getCell(1).value = section.number ? `${section.number}. ${text(section.title)}` : text(section.title);
      sheet.mergeCells(rowIndex, 1, rowIndex, width);
      row.getCell(1).font = { bold: true };
      row.getCell(1).fill = SECTION_FILL;
      row.getCell(1).border = BORDER;
      rowIndex += 1;
      for (const measure of section.measures) {
        const d = detail.get(measure.id)!;
        const deadlineWords = pickText(d.deadline_text, locale)?.text ?? null;
        const line = sheet.getRow(rowIndex);
        const cells: Array<[string | number | null, "text" | "number" | "date"]> = [
          [measure.number, "text"],
          [text(measure.title), "text"],
          [text(d.completion_form), "text"],
          [t(`units.${d.unit}`), "text"],
          [
            [
              text(d.department),
              ...coExecutors.filter((c) => c.measure_id === measure.id).map((c) => text(c.name)),
            ].join("; "),
            "text",
          ],
          deadlineWords ? [deadlineWords, "text"] : [d.deadline, "date"],
          [text(d.funding_source), "text"],
          [d.planned_funding, "number"],
          ...quarters.map((q): [number | null, "number"] => [
            planOf.get(`${measure.id}:${q.year}:${q.quarter}`) ?? null,
            "number",
          ]),
        ];
        cells.forEach(([value, kind], index) => {
          const cell = line.getCell(index + 1);
          setCell(cell, value, kind);
          cell.border = BORDER;
          cell.alignment = { vertical: "top", wrapText: kind === "text" };
        });
        rowIndex += 1;
      }
    }
    preparePrinting(sheet, headerIndex, headerIndex + 1);
  }
  const title = pickText(roadMap.title, "ru")?.text ?? "";
  return {
    bytes: await workbookBytes(workbook),
    fileName: `${title} ${today}`.slice(0, 120),
    asciiFileName: `road-map-${roadMapId}-${today}`,
  };
}
