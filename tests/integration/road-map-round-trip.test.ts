import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import { seedDemoData } from "~db/seed";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { roadMapWorkbook } from "~/domain/export/road-map-workbook.server";
import { readRoadMapWorkbook } from "~/domain/import/read-road-map";
import { applyRoadMapImport, previewRoadMapImport } from "~/domain/import/road-map-import.server";
import { sha256Of } from "~/domain/import/uploads.server";
import { createTestDatabase, engineName } from "./test-database";

// The round trip of issue 9: a road map exported to XLSX (the admin's workbook) and imported into an
// empty road map gives the same sections, measures, plans and titles — in both languages.

const TODAY = "2026-11-22";

interface RoadMapShape {
  sections: Array<{ number: string | null; title: unknown; parent: string | null; position: number }>;
  measures: Array<{
    number: string;
    section: string | null;
    title: unknown;
    completionForm: unknown;
    unit: string;
    deadline: string;
    department: number;
    fundingSource: unknown;
    plannedFunding: number | null;
    /** Plans summed over territory shares, per year and quarter: the workbook holds the measure's total. */
    plans: Record<string, number>;
  }>;
}

/** kk and ru: the languages the workbook is written in (English titles are not part of an office's road map). */
const kkRu = (text: unknown) => {
  if (!text || typeof text !== "object") return text ?? null;
  const { kk, ru } = text as { kk?: string; ru?: string };
  return { kk, ru };
};

async function shapeOf(db: Kysely<Database>, roadMapId: number): Promise<RoadMapShape> {
  const sections = await db
    .selectFrom("section as s")
    .leftJoin("section as parent", "parent.id", "s.parent_id")
    .select(["s.id", "s.number", "s.title", "s.position", "parent.number as parentNumber"])
    .where("s.road_map_id", "=", roadMapId)
    .orderBy("s.position")
    .orderBy("s.id")
    .execute();
  const numberOf = new Map(sections.map((s) => [s.id, s.number]));
  const measures = await db
    .selectFrom("measure")
    .selectAll()
    .where("road_map_id", "=", roadMapId)
    .orderBy("number")
    .execute();
  const plans = measures.length
    ? await db
        .selectFrom("measure_plan")
        .select(["measure_id", "year", "quarter", "planned"])
        .where(
          "measure_id",
          "in",
          measures.map((m) => m.id),
        )
        .execute()
    : [];
  return {
    sections: sections.map((s, index) => ({
      number: s.number,
      title: kkRu(s.title),
      parent: s.parentNumber ?? null,
      position: index,
    })),
    measures: measures.map((m) => {
      const own: Record<string, number> = {};
      for (const plan of plans.filter((p) => p.measure_id === m.id)) {
        const key = `${plan.year}-Q${plan.quarter}`;
        own[key] = Number(((own[key] ?? 0) + plan.planned).toFixed(3));
      }
      return {
        number: m.number,
        section: numberOf.get(m.section_id) ?? null,
        title: kkRu(m.title),
        completionForm: kkRu(m.completion_form),
        unit: m.unit,
        deadline: m.deadline,
        department: m.responsible_department_id,
        fundingSource: kkRu(m.funding_source),
        plannedFunding: m.planned_funding,
        plans: own,
      };
    }),
  };
}

describe(`road-map workbook round trip on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let admin: Principal;
  let sourceId: number;
  let emptyId: number;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    await seedDemoData(db, { today: TODAY });
    const source = await db
      .selectFrom("road_map as rm")
      .innerJoin("territory as t", "t.id", "rm.territory_id")
      .innerJoin("programme as p", "p.id", "rm.programme_id")
      .select(["rm.id", "rm.territory_id", "p.start_year", "p.end_year"])
      .where(sql<boolean>`t.name->>'ru' = 'город Шымкент'`)
      .executeTakeFirstOrThrow();
    sourceId = source.id;
    const user = await db.selectFrom("app_user").select("id").where("login", "=", "admin").executeTakeFirstOrThrow();
    admin = (await loadPrincipal(db, user.id))!;
    // An empty road map of the same territory and years, in a programme of its own.
    emptyId = await withActor(db, admin.id, async (trx) => {
      const programme = await trx
        .insertInto("programme")
        .values({
          title: JSON.stringify({ kk: "Бос бағдарлама", ru: "Пустая программа" }),
          start_year: source.start_year,
          end_year: source.end_year,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const roadMap = await trx
        .insertInto("road_map")
        .values({
          programme_id: programme.id,
          territory_id: source.territory_id,
          title: JSON.stringify({ kk: "Жаңа жол картасы", ru: "Новая дорожная карта" }),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return roadMap.id;
    });
  });
  afterAll(() => close());

  it("gives the same sections, measures, plans and titles in an empty road map, and a second import changes nothing", async () => {
    const { bytes, fileName } = await roadMapWorkbook(db, sourceId, TODAY);
    const read = await readRoadMapWorkbook(bytes, fileName, { years: { start: 2023, end: 2027 } });
    expect(read.fileIssues).toEqual([]);
    expect(read.merged.issues.filter((issue) => issue.severity === "error")).toEqual([]);

    const choices = { departments: {}, factsDate: TODAY };
    const preview = await previewRoadMapImport(db, admin, emptyId, read, choices);
    expect(preview.plan.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    // Every executor of the workbook is a department that exists: nothing new is proposed.
    expect(preview.plan.summary.newDepartments).toBe(0);
    const file = { name: fileName, sha256: sha256Of(bytes) };
    await applyRoadMapImport(
      db,
      admin,
      emptyId,
      file,
      read,
      choices,
      { revision: preview.plan.revision },
      "2026-12-01",
    );

    const [source, copy] = await Promise.all([shapeOf(db, sourceId), shapeOf(db, emptyId)]);
    expect(copy.sections.length).toBeGreaterThan(1);
    expect(copy.measures.length).toBeGreaterThan(5);
    expect(copy).toEqual(source);

    const again = await previewRoadMapImport(db, admin, emptyId, read, choices);
    expect(again.plan.summary.measures.added + again.plan.summary.measures.changed).toBe(0);
    expect(again.plan.summary.sections.added + again.plan.summary.sections.changed).toBe(0);
  });
});
