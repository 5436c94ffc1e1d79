import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { StaleEdit } from "~/domain/editing/write-errors";
import { parseDashboardFilters } from "~/domain/execution/dashboard-filters";
import { roadMapDashboard } from "~/domain/execution/dashboard.server";
import { dashboardView } from "~/domain/execution/dashboard-view.server";
import { publicRoadMapList, publicRoadMapPage } from "~/domain/public/public-page.server";
import { publicationSchema } from "~/domain/public/publication-schema";
import {
  markNarrativePublic,
  publicRevision,
  publishedProgramme,
  savePublication,
} from "~/domain/public/publication.server";
import { createWorld, localized, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

const TODAY = "2025-11-30";
const ALL = { sections: true, territories: true, measures: true };

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("accepted");
}
const status = (error: unknown) => (error instanceof Response ? error.status : error);

describe(`public transparency page on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let admin: Principal;

  const version = async (table: "programme" | "measure", id: number) =>
    (await db.selectFrom(table).select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;
  const publish = async (published: boolean, blocks: Partial<typeof ALL> = {}) =>
    savePublication(db, admin, world.programmeId, {
      version: await version("programme", world.programmeId),
      published,
      ...ALL,
      ...blocks,
    });
  const page = async () =>
    publicRoadMapPage(db, await publishedProgramme(db, world.programmeId), world.roadMapId, {
      locale: "kk",
      today: TODAY,
      page: 1,
    });

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    const adminId = await withActor(db, "system", async (trx) => {
      const user = await trx
        .insertInto("app_user")
        .values({ login: "admin", display_name: "Әкімші Әкімшиев", password_hash: "x" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("role_assignment").values({ user_id: user.id, role: "admin" }).execute();
      // A second measure, shared by the two districts, and a year of plans and facts.
      const second = await trx
        .insertInto("measure")
        .values({
          road_map_id: world.roadMapId,
          section_id: world.sectionId,
          number: "2.2",
          title: localized("Кітапхана", "Библиотека"),
          unit: "event",
          responsible_department_id: world.departmentId,
          territory_id: world.cityId,
          deadline: "2025-03-31",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("measure_plan")
        .values([
          { measure_id: world.measureId, territory_id: world.cityId, year: 2025, quarter: 1, planned: 4 },
          { measure_id: world.measureId, territory_id: world.cityId, year: 2025, quarter: 2, planned: 4 },
          { measure_id: second.id, territory_id: world.districtIds[0], year: 2025, quarter: 1, planned: 2 },
          { measure_id: second.id, territory_id: world.districtIds[1], year: 2025, quarter: 1, planned: 2 },
        ])
        .execute();
      await trx
        .insertInto("progress_entry")
        .values([
          {
            measure_id: world.measureId,
            territory_id: world.cityId,
            entry_date: "2025-02-10",
            value: 3,
            narrative: localized("Форум өтті", "Форум прошёл"),
            author_id: world.editorId,
          },
          {
            measure_id: world.measureId,
            territory_id: world.cityId,
            entry_date: "2025-05-10",
            value: 4,
            narrative: localized("Тексерілмеген жазба"),
            author_id: world.editorId,
          },
          {
            measure_id: second.id,
            territory_id: world.districtIds[0],
            entry_date: "2025-03-01",
            value: 2,
            author_id: world.editorId,
          },
        ])
        .execute();
      await trx
        .insertInto("department_report")
        .values([
          {
            road_map_id: world.roadMapId,
            department_id: world.departmentId,
            year: 2025,
            quarter: 1,
            status: "accepted",
            submitted_at: "2025-04-02T10:00:00Z",
            submitted_by: world.editorId,
            reviewed_at: "2025-04-05T10:00:00Z",
            reviewed_by: user.id,
            review_comment: "Ішкі ескерту",
          },
          {
            road_map_id: world.roadMapId,
            department_id: world.departmentId,
            year: 2025,
            quarter: 2,
            status: "submitted",
            submitted_at: "2025-07-02T10:00:00Z",
            submitted_by: world.editorId,
          },
        ])
        .execute();
      return user.id;
    });
    admin = (await loadPrincipal(db, adminId))!;
  });
  afterAll(() => close());

  it("answers 404 for a programme until it is published, and again once it is withdrawn", async () => {
    expect(status(await thrown(publishedProgramme(db, world.programmeId)))).toBe(404);
    expect(status(await thrown(publishedProgramme(db, 999_999)))).toBe(404);
    expect(await publicRevision(db, world.programmeId)).toBeNull();
    await publish(true);
    expect((await publishedProgramme(db, world.programmeId)).roadMaps.map((r) => r.id)).toEqual([world.roadMapId]);
    const revision = await publicRevision(db, world.programmeId);
    expect(revision).not.toBeNull();
    await publish(false);
    expect(status(await thrown(publishedProgramme(db, world.programmeId)))).toBe(404);
    expect(await publicRevision(db, world.programmeId)).toBeNull();
    await publish(true);
    expect(await publicRevision(db, world.programmeId)).not.toBe(revision);
  });

  it("records who published in the audit log, and refuses a stale form", async () => {
    const stale = (await version("programme", world.programmeId)) - 1;
    const refused = await thrown(
      savePublication(db, admin, world.programmeId, { version: stale, published: false, ...ALL }),
    );
    expect(refused).toBeInstanceOf(StaleEdit);
    expect((await publishedProgramme(db, world.programmeId)).published).toBe(true);
    const audit = await db
      .selectFrom("audit_log")
      .select(["actor_id", "after"])
      .where("table_name", "=", "programme")
      .where("row_id", "=", world.programmeId)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(admin.id);
    expect((audit.after as { public_page: boolean }).public_page).toBe(true);
  });

  it("refuses to publish a page with no block, with a translated message", () => {
    const parsed = publicationSchema.safeParse({ version: "3", published: "on" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("publicPage.validation.noBlock");
    expect(publicationSchema.safeParse({ version: "3" }).success).toBe(true);
  });

  it("shows the dashboard's own figures for the same as-of date: total, sections, territories, measures", async () => {
    const view = await page();
    const { filters } = parseDashboardFilters(new URLSearchParams(), TODAY);
    const dashboard = dashboardView(await roadMapDashboard(db, admin, world.roadMapId, filters), filters, "kk", TODAY);
    expect(view.asOf).toBe(TODAY);
    expect(view.total).toEqual(dashboard.total);
    expect(view.total?.execution).toBeGreaterThan(0);
    expect(view.sections).toEqual(dashboard.sections);
    expect(view.territories).toEqual(dashboard.territories);
    expect(view.territories!.length).toBeGreaterThan(0);
    expect(view.measures!.lines.map((l) => [l.number, l.status, l.deadline, l.execution])).toEqual(
      dashboard.measures.map((l) => [l.number, l.status, l.deadline, l.execution]),
    );
    const list = await publicRoadMapList(db, await publishedProgramme(db, world.programmeId), "kk", TODAY);
    expect(list.roadMaps[0]!.execution).toBe(dashboard.total!.execution);
  });

  it("leaves out the blocks the admin did not choose", async () => {
    await publish(true, { sections: false, measures: false });
    const view = await page();
    expect(view.sections).toBeNull();
    expect(view.measures).toBeNull();
    expect(view.territories).not.toBeNull();
    await publish(true);
  });

  it("shows a narrative only for a measure marked public, only from accepted reports, and never its author", async () => {
    const narrativeOf = async () => (await page()).measures!.lines.find((line) => line.number === "2.1")!.narrative;
    expect(await narrativeOf()).toBeNull();
    await markNarrativePublic(db, admin, world.measureId, {
      version: await version("measure", world.measureId),
      narrativePublic: true,
    });
    expect(await narrativeOf()).toBe("Форум өтті");
    const serialised = JSON.stringify(await page());
    expect(serialised).not.toContain("Тексерілмеген жазба");
    expect(serialised).not.toContain("Editor");
    expect(serialised).not.toContain("Әкімші");
    expect(serialised).not.toContain("Ішкі ескерту");
  });

  it("answers 404 for a road map of another programme", async () => {
    const other = await withActor(db, "system", async (trx) => {
      const programme = await trx
        .insertInto("programme")
        .values({ title: localized("Басқа"), start_year: 2024, end_year: 2025 })
        .returning("id")
        .executeTakeFirstOrThrow();
      return trx
        .insertInto("road_map")
        .values({ programme_id: programme.id, territory_id: world.districtIds[0], title: localized("Басқа карта") })
        .returning("id")
        .executeTakeFirstOrThrow();
    });
    const programme = await publishedProgramme(db, world.programmeId);
    expect(
      status(await thrown(publicRoadMapPage(db, programme, other.id, { locale: "kk", today: TODAY, page: 1 }))),
    ).toBe(404);
  });
});
