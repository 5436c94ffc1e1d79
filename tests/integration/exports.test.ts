import ExcelJS from "exceljs";
import JSZip from "jszip";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import { seedDemoData } from "~db/seed";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { MEASURES_PER_PAGE } from "~/domain/execution/dashboard-filters";
import { roadMapDashboard, type MeasureLine } from "~/domain/execution/dashboard.server";
import { dashboardExport } from "~/domain/export/dashboard-export.server";
import { dashboardTable } from "~/domain/export/dashboard-tables.server";
import { executionReport } from "~/domain/export/execution-report.server";
import { measureTable } from "~/domain/export/measure-tables.server";
import { reportToDocx } from "~/domain/export/report-docx.server";
import { reportToXlsx } from "~/domain/export/report-xlsx.server";
import { roadMapWorkbook } from "~/domain/export/road-map-workbook.server";
import { CSV_BOM, tableToCsv, type ExportTable } from "~/domain/export/table";
import { tableToXlsx } from "~/domain/export/xlsx.server";
import { formatPercent } from "~/i18n/format";
import { createTestDatabase, engineName } from "./test-database";

// Exports read back: the execution report (XLSX with exceljs, DOCX through its document.xml) and the
// dashboard's tables hold the dashboard's own figures for the same user, as-of date and filters; an
// akim's and a council member's exports hold only what they may see; text never becomes a formula.

const TODAY = "2026-11-22";
const FORMULA = '=HYPERLINK("http://x")';

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

/** Rows of a sheet as arrays of cell values (1-based columns made 0-based). */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => {
    const values: ExcelJS.CellValue[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) values.push(row.getCell(column).value);
    rows.push(values);
  });
  return rows;
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => match[1]!)
    .join(" ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

const csvWrite = <Row>(table: ExportTable<Row>) => tableToCsv(table, "ru");
const xlsxWrite = <Row>(table: ExportTable<Row>) => tableToXlsx(table);

describe(`exports on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let roadMapId: number;
  const principals: Record<string, Principal> = {};

  const filtersOf = (query: string) => parseDashboardFilters(new URLSearchParams(query), TODAY).filters;

  /** Every measure line of the dashboard, page by page, as the page shows them. */
  async function dashboardLines(principal: Principal, query: string): Promise<MeasureLine[]> {
    const first = await roadMapDashboard(db, principal, roadMapId, filtersOf(query));
    const pages = Math.ceil(first.measureCount / MEASURES_PER_PAGE);
    const lines = [...first.measures];
    for (let page = 2; page <= pages; page += 1) {
      lines.push(...(await roadMapDashboard(db, principal, roadMapId, filtersOf(`${query}&page=${page}`))).measures);
    }
    return lines;
  }

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    await seedDemoData(db, { today: TODAY });
    const roadMap = await db
      .selectFrom("road_map as rm")
      .innerJoin("territory as t", "t.id", "rm.territory_id")
      .select("rm.id")
      .where(sql<boolean>`t.name->>'ru' = 'город Шымкент'`)
      .executeTakeFirstOrThrow();
    roadMapId = roadMap.id;
    for (const login of ["admin", "akim.abay", "miras.secretary"]) {
      const user = await db.selectFrom("app_user").select("id").where("login", "=", login).executeTakeFirstOrThrow();
      principals[login] = (await loadPrincipal(db, user.id))!;
    }
  });
  afterAll(() => close());

  it("the XLSX report holds the dashboard's figures, measure by measure and in total, as of the date", async () => {
    const query = "asOf=2024-10-31";
    const admin = principals.admin!;
    const expected = await dashboardLines(admin, query);
    const dashboard = await roadMapDashboard(db, admin, roadMapId, filtersOf(query));
    const report = await executionReport(db, admin, roadMapId, filtersOf(query), "ru");
    const sheet = (await workbookOf(await reportToXlsx(report))).worksheets[0]!;
    const rows = rowsOf(sheet);

    expect(rows[0]![0]).toBe("Информация о ходе исполнения Дорожной карты");
    expect(rows.some((row) => String(row[0]).includes("по состоянию на 31 октября 2024 г."))).toBe(true);
    const header = rows.find((row) => row[0] === "№ п/п")!;
    expect(header).toEqual([
      "№ п/п",
      "Наименование мероприятия",
      "Форма завершения",
      "Ответственные исполнители",
      "Срок исполнения",
      "План на 31 октября 2024 г.",
      "План на 2024 год",
      "Факт на 31 октября 2024 г.",
      "Исполнение плана, срок которого наступил, %",
      "Ход исполнения",
    ]);
    // Measure rows: a plan in column 6 (not the row of column numbers under the header).
    const measureRows = rows.filter((row) => typeof row[5] === "number" && row[0] !== 1);
    expect(measureRows).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(5);
    for (const line of expected) {
      const row = measureRows.find((r) => r[0] === line.number)!;
      expect(row, line.number).toBeDefined();
      expect(row[5]).toBeCloseTo(line.plan, 9);
      expect(row[6]).toBeCloseTo(line.yearPlan, 9);
      expect(row[7]).toBeCloseTo(line.fact, 9);
      if (line.execution === null) expect(row[8]).toBe("в этом периоде плана нет");
      else expect(row[8]).toBeCloseTo(line.execution, 9);
    }
    const total = rows.find((row) => row[0] === "Итого")!;
    expect(total[8]).toBeCloseTo(dashboard.total!.execution!, 9);
    // Section rows are merged across the table and the header is printed on every page.
    const sectionRow = rows.findIndex((row) => /^\d+\. /.test(String(row[0])) && row[5] === row[0]);
    expect(sectionRow).toBeGreaterThan(0);
    expect(sheet.pageSetup.orientation).toBe("landscape");
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
  });

  it("the DOCX report holds the same measures and percentages, in Kazakh", async () => {
    const query = "asOf=2024-10-31";
    const admin = principals.admin!;
    const expected = await dashboardLines(admin, query);
    const dashboard = await roadMapDashboard(db, admin, roadMapId, filtersOf(query));
    const report = await executionReport(db, admin, roadMapId, filtersOf(query), "kk");
    const text = await docxText(await reportToDocx(report));
    expect(text).toContain("Жол картасының орындалу барысы туралы ақпарат");
    expect(text).toContain("2024 ж. 31 қазан жағдай бойынша");
    expect(text).toContain("Жауапты орындаушылар");
    for (const line of expected.filter((l) => l.execution !== null)) {
      expect(text).toContain(formatPercent("kk", line.execution));
    }
    expect(text).toContain(`Барлығы ${formatPercent("kk", dashboard.total!.execution)}`);
  });

  it("an akim's report and tables hold only their district", async () => {
    const query = "asOf=2025-06-30";
    const akim = principals["akim.abay"]!;
    const expected = await dashboardLines(akim, query);
    const everything = await dashboardLines(principals.admin!, query);
    expect(expected.length).toBeGreaterThan(0);
    // The akim's items are the district's shares, with the district's plans and facts.
    expect(expected.every((line) => line.territory?.ru === "Абайский район")).toBe(true);
    expect(expected.map((l) => l.plan)).not.toEqual(everything.slice(0, expected.length).map((l) => l.plan));
    const report = await executionReport(db, akim, roadMapId, filtersOf(query), "ru");
    const measures = report.rows.flatMap((row) => (row.kind === "measure" ? [row] : []));
    expect(measures.map((m) => [m.number, m.plan, m.fact, m.execution])).toEqual(
      expected.map((line) => [line.number, line.plan, line.fact, line.execution]),
    );
    expect(report.titleLines.join(" ")).toContain("Абай");
    const exported = await dashboardExport(db, akim, roadMapId, filtersOf(query), "ru");
    const csv = dashboardTable(exported, "measures", csvWrite);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(expected.length + 1);
    const territories = dashboardTable(exported, "territories", csvWrite);
    expect(territories).toContain("Абай");
    expect(territories).not.toContain("Тұран");
    expect(territories).not.toContain("Туран");
  });

  it("dashboard tables in XLSX and CSV hold the dashboard's section figures; the CSV starts with a BOM", async () => {
    const query = "asOf=2024-10-31&current=1";
    const admin = principals.admin!;
    const dashboard = await roadMapDashboard(db, admin, roadMapId, filtersOf(query));
    const exported = await dashboardExport(db, admin, roadMapId, filtersOf(query), "kk");
    const sheet = (await workbookOf(await dashboardTable(exported, "sections", xlsxWrite))).worksheets[0]!;
    const rows = rowsOf(sheet);
    for (const section of dashboard.sections) {
      const label = `${section.number}. ${section.name.kk}`;
      const row = rows.find((r) => r[0] === label)!;
      expect(row, label).toBeDefined();
      expect(row[1]).toBeCloseTo(section.figures.execution ?? NaN, 9);
      expect(row[2]).toBeCloseTo(section.figures.plan, 9);
    }
    const csv = dashboardTable(exported, "departments", csvWrite);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(csv);
    const name = dashboard.departments[0]!.name.kk!;
    expect(csv).toContain(name);
    expect(csv.split("\r\n")[0]).toContain(";");
  });

  it("a narrative that looks like a formula comes out as text in the report, the XLSX and the CSV", async () => {
    // An entry whose quarter's report is accepted and whose quarter is still open, so that it counts.
    const { rows } = await sql<{ id: number; measure_id: number; entry_date: string; number: string }>`
      SELECT e.id, e.measure_id, e.entry_date::text AS entry_date, m.number
        FROM progress_entry e JOIN measure m ON m.id = e.measure_id
        JOIN department_report r ON r.road_map_id = m.road_map_id AND r.department_id = m.responsible_department_id
             AND r.year = e.year AND r.quarter = e.quarter AND r.status = 'accepted'
       WHERE m.road_map_id = ${roadMapId}
         AND NOT EXISTS (SELECT 1 FROM reporting_period p WHERE p.road_map_id = m.road_map_id
                          AND p.year = e.year AND p.quarter = e.quarter AND p.status = 'closed')
       ORDER BY e.entry_date DESC LIMIT 1`.execute(db);
    const entry = rows[0]!;
    await withActor(db, "system", (trx) =>
      trx
        .updateTable("progress_entry")
        .set({ narrative: JSON.stringify({ ru: FORMULA }) })
        .where("id", "=", entry.id)
        .execute(),
    );
    const query = `asOf=${entry.entry_date}`;
    const report = await executionReport(db, principals.admin!, roadMapId, filtersOf(query), "ru");
    const sheet = (await workbookOf(await reportToXlsx(report))).worksheets[0]!;
    let found: ExcelJS.Cell | null = null;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.includes(FORMULA)) found = cell;
      }),
    );
    expect(found).not.toBeNull();
    expect(found!.type).toBe(ExcelJS.ValueType.String);
    expect(found!.formula).toBeUndefined();

    const input = {
      measureId: entry.measure_id,
      table: "entries" as const,
      locale: "ru" as const,
      today: TODAY,
      timeZone: "Asia/Almaty",
      origin: "http://localhost",
    };
    const entries = (await workbookOf(await measureTable(db, principals.admin!, input, xlsxWrite))).worksheets[0]!;
    const cells: ExcelJS.Cell[] = [];
    entries.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const narrative = cells.find((cell) => cell.value === FORMULA)!;
    expect(narrative.type).toBe(ExcelJS.ValueType.String);
    const csv = await measureTable(db, principals.admin!, input, csvWrite);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/(^|;)=HYPERLINK/m);
  });

  it("CSV escapes every formula-like start and round-trips Cyrillic", () => {
    const table: ExportTable<string> = {
      name: "t",
      titleLines: [],
      columns: [{ header: "Мәтін", kind: "text", value: (row) => row }],
      rows: ["=1+1", "+7", "-2", "@SUM(A1)", "\tx", "\rx", "Қазақ тілі; ещё"],
    };
    const lines = tableToCsv(table, "kk").slice(1).split("\r\n");
    expect(lines.slice(0, 5)).toEqual(["Мәтін", "'=1+1", "'+7", "'-2", "'@SUM(A1)"]);
    expect(lines[5]).toBe("'\tx");
    expect(lines[6]).toBe('"\'\rx"');
    expect(lines[7]).toBe('"Қазақ тілі; ещё"');
  });

  it("the road-map workbook has a kk and a ru sheet with the import's headers and plans per quarter", async () => {
    const { bytes } = await roadMapWorkbook(db, roadMapId, TODAY);
    const workbook = await workbookOf(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Жол картасы (қаз)", "Дорожная карта (рус)"]);
    const ru = rowsOf(workbook.worksheets[1]!);
    const headerIndex = ru.findIndex((row) => row[0] === "№ п/п");
    const header = ru[headerIndex]!.map(String);
    expect(header.slice(0, 8)).toEqual([
      "№ п/п",
      "Наименование мероприятия",
      "Форма завершения",
      "Единица измерения",
      "Ответственные исполнители",
      "Срок исполнения",
      "Источник финансирования",
      "Плановая сумма, тенге",
    ]);
    expect(header[8]).toMatch(/^План, \d{4} г\. (I|II|III|IV) квартал$/);
    expect(ru[headerIndex + 1]!.slice(0, 3)).toEqual([1, 2, 3]);
    const measure = await db
      .selectFrom("measure")
      .select(["id", "number", "title"])
      .where("road_map_id", "=", roadMapId)
      .where("number", "=", "2.1")
      .executeTakeFirstOrThrow();
    const row = ru.find((r) => r[0] === "2.1")!;
    expect(row[1]).toBe(measure.title.ru);
    const plans = await db
      .selectFrom("measure_plan")
      .select((eb) => ["year", "quarter", eb.fn.sum<number>("planned").as("planned")])
      .where("measure_id", "=", measure.id)
      .groupBy(["year", "quarter"])
      .execute();
    for (const plan of plans) {
      const column = header.indexOf(`План, ${plan.year} г. ${["I", "II", "III", "IV"][plan.quarter - 1]} квартал`);
      expect(row[column]).toBe(Number(plan.planned));
    }
  });

  it("a council member's report holds only the sections the council reviews, and no other road map", async () => {
    const council = principals["miras.secretary"]!;
    const query = "asOf=2025-06-30";
    const sections = await db
      .selectFrom("section")
      .select(["id", "number"])
      .where("road_map_id", "=", roadMapId)
      .where("parent_id", "is", null)
      .orderBy("position")
      .execute();
    // The council reviews one section of the road map only.
    await withActor(db, "system", async (trx) => {
      const scope = await trx
        .selectFrom("council_scope")
        .select("council_id")
        .where("road_map_id", "=", roadMapId)
        .executeTakeFirstOrThrow();
      await trx.deleteFrom("council_scope").where("road_map_id", "=", roadMapId).execute();
      await trx
        .insertInto("council_scope")
        .values({ council_id: scope.council_id, road_map_id: roadMapId, section_id: sections[0]!.id })
        .execute();
    });
    const expected = await dashboardLines(council, query);
    const everything = await dashboardLines(principals.admin!, query);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(everything.length);
    const report = await executionReport(db, council, roadMapId, filtersOf(query), "ru");
    const sectionLabels = report.rows.flatMap((row) => (row.kind === "section" ? [row.label] : []));
    expect(sectionLabels.length).toBeGreaterThan(0);
    for (const label of sectionLabels) expect(label.startsWith(`${sections[0]!.number}.`), label).toBe(true);
    expect(report.rows.flatMap((row) => (row.kind === "measure" ? [row.number] : []))).toEqual(
      expected.map((line) => line.number),
    );
    const other = await db.selectFrom("road_map").select("id").where("id", "!=", roadMapId).executeTakeFirstOrThrow();
    const refused = await executionReport(db, council, other.id, filtersOf(query), "ru").catch(
      (error: unknown) => error,
    );
    expect(refused instanceof Response && refused.status).toBe(404);
  });
});
