import type { Kysely } from "kysely";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { meetingView } from "~/domain/meetings/meeting-view.server";
import {
  addAgendaItem,
  addDecision,
  addFollowUp,
  createMeeting,
  holdMeeting,
  meetingSnapshot,
  previousDecisions,
  requireReadableMeeting,
  setDecisionStatus,
} from "~/domain/meetings/meetings.server";
import { decisionState } from "~/domain/meetings/rules";
import { closeQuarter, reopenQuarter } from "~/domain/periods/periods.server";
import { createWorld, localized, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

const TODAY = "2024-11-22";
const TIME_ZONE = "Asia/Almaty";

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded");
}
const status = (error: unknown) => (error instanceof Response ? error.status : error);
const messageOf = (error: unknown) => (error instanceof RefusedWrite ? error.messageKey : error);

const details = (overrides: Partial<{ meetingDate: string; asOf: string }> = {}) => ({
  meetingDate: "2024-11-14",
  asOf: "2024-10-31",
  placeKk: "Шымкент",
  ...overrides,
});

describe(`council meetings on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let secretary: Principal;
  let outsider: Principal;
  let admin: Principal;
  let editor: Principal;
  let viewer: Principal;
  let councilId: number;
  let firstEntryId: number;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    const ids = await withActor(db, "system", async (trx) => {
      const [council, otherCouncil] = await trx
        .insertInto("council")
        .values([
          { territory_id: world.cityId, title: localized("«Miras» аймақтық кеңесі") },
          { territory_id: world.cityId, title: localized("Басқа кеңес") },
        ])
        .returning("id")
        .execute();
      await trx.insertInto("council_scope").values({ council_id: council!.id, road_map_id: world.roadMapId }).execute();
      const users = await trx
        .insertInto("app_user")
        .values(
          ["secretary", "outsider", "admin", "viewer"].map((login) => ({
            login,
            display_name: login,
            password_hash: "x",
          })),
        )
        .returning(["id", "login"])
        .execute();
      const id = (login: string) => users.find((u) => u.login === login)!.id;
      await trx
        .insertInto("role_assignment")
        .values([
          { user_id: id("secretary"), role: "council", council_id: council!.id, council_position: "secretary" },
          { user_id: id("outsider"), role: "council", council_id: otherCouncil!.id, council_position: "chair" },
          { user_id: id("admin"), role: "admin" },
          { user_id: id("viewer"), role: "viewer" },
        ])
        .execute();
      // 2024: 10 planned in each quarter; 6 done in Q1, 8 in Q2, 10 in Q3 — all in accepted reports.
      await trx
        .insertInto("measure_plan")
        .values(
          [1, 2, 3, 4].map((quarter) => ({
            measure_id: world.measureId,
            territory_id: world.cityId,
            year: 2024,
            quarter,
            planned: 10,
          })),
        )
        .execute();
      const entries = await trx
        .insertInto("progress_entry")
        .values(
          [
            ["2024-02-10", 6],
            ["2024-05-10", 8],
            ["2024-08-10", 10],
          ].map(([date, value]) => ({
            measure_id: world.measureId,
            territory_id: world.cityId,
            entry_date: date as string,
            value: value as number,
            author_id: world.editorId,
          })),
        )
        .returning("id")
        .execute();
      await trx
        .insertInto("department_report")
        .values(
          [1, 2, 3, 4].map((quarter) => ({
            road_map_id: world.roadMapId,
            department_id: world.departmentId,
            year: 2024,
            quarter,
            status: "accepted" as const,
            submitted_at: "2024-12-01T10:00:00Z",
            submitted_by: world.editorId,
            reviewed_at: "2024-12-02T10:00:00Z",
            reviewed_by: world.editorId,
          })),
        )
        .execute();
      return { councilId: council!.id, entryId: entries[0]!.id, users: users.map((u) => u.id) };
    });
    councilId = ids.councilId;
    firstEntryId = ids.entryId;
    const principal = async (userId: number): Promise<Principal> => (await loadPrincipal(db, userId))!;
    const [a, b, c, d] = await Promise.all(ids.users.map(principal));
    [secretary, outsider, admin, viewer] = [a!, b!, c!, d!];
    editor = (await loadPrincipal(db, world.editorId))!;
  });

  afterAll(() => close());

  async function heldMeeting(overrides: Partial<{ meetingDate: string; asOf: string }> = {}) {
    const meetingId = await createMeeting(db, secretary, councilId, details(overrides));
    await addAgendaItem(db, secretary, meetingId, {
      title: { kk: "Жастар саласының орындалуы" },
      speakerName: "Айгерім Жұмақұлова",
      speakerPosition: null,
      links: [
        { kind: "section", id: world.sectionId },
        { kind: "measure", id: world.measureId },
      ],
    });
    const { version } = await db
      .selectFrom("meeting")
      .select("version")
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    await holdMeeting(db, secretary, meetingId, version, TODAY);
    return meetingId;
  }

  it("freezes the agenda's figures when held: later entries, corrections and a reopened quarter never change them", async () => {
    await closeQuarter(db, admin.id, world.roadMapId, { year: 2024, quarter: 1 });
    await closeQuarter(db, admin.id, world.roadMapId, { year: 2024, quarter: 2 });
    // The programme's own RAG thresholds, frozen with the figures: the colours stay what the meeting saw.
    await withActor(db, admin.id, (trx) =>
      trx.updateTable("programme").set({ rag_green: 95, rag_amber: 70 }).where("id", "=", world.programmeId).execute(),
    );
    const meetingId = await heldMeeting();
    const frozen = await meetingSnapshot(db, meetingId);
    const [itemFigures] = [...frozen.values()];
    expect(itemFigures!.links.map((link) => link.thresholds)).toEqual([
      { green: 95, amber: 70 },
      { green: 95, amber: 70 },
    ]);
    // As of 31 October: the plans of Q1–Q3 (30) and every fact up to then (24) → 80 %; of the year's 40, 60 %.
    const section = itemFigures!.links.find((link) => link.kind === "section")!;
    expect(section.figures!.execution).toBeCloseTo(0.8, 10);
    expect(section.figures!.yearExecution).toBeCloseTo(0.6, 10);
    expect(itemFigures!.links.find((link) => link.kind === "measure")!.figures!.fact).toBe(24);

    // A new entry, a correction of a closed quarter's entry (after reopening it), both before the as-of date.
    await reopenQuarter(db, admin.id, world.roadMapId, { year: 2024, quarter: 1 }, "Түзету");
    await withActor(db, admin.id, async (trx) => {
      await trx.updateTable("progress_entry").set({ value: 2 }).where("id", "=", firstEntryId).execute();
      await trx
        .insertInto("progress_entry")
        .values({
          measure_id: world.measureId,
          territory_id: world.cityId,
          entry_date: "2024-09-20",
          value: 3,
          author_id: world.editorId,
        })
        .execute();
    });

    expect(await meetingSnapshot(db, meetingId)).toEqual(frozen);
    const view = await meetingView(db, admin, meetingId, "kk", TODAY, TIME_ZONE);
    const link = view.agenda[0]!.links.find((l) => l.kind === "section")!;
    expect(link.figures!.execution).toBeCloseTo(0.8, 10);
    // The live figure (2 + 8 + 10 + 3 = 23 of 30) is shown beside it, marked as changed.
    expect(link.live!.execution).toBeCloseTo(23 / 30, 10);
    expect(link.changed).toContain("execution");
    // And the database itself refuses to rewrite a snapshot.
    await expect(
      withActor(db, admin.id, (trx) =>
        sql`UPDATE meeting_snapshot SET figures = '{}'::jsonb WHERE meeting_id = ${meetingId}`.execute(trx),
      ),
    ).rejects.toThrow(/append-only/);
  });

  it("lets only the council's own members and admins edit a meeting; a held agenda stays as it was", async () => {
    expect(status(await thrown(createMeeting(db, outsider, councilId, details())))).toBe(403);
    expect(status(await thrown(createMeeting(db, editor, councilId, details())))).toBe(403);
    expect(status(await thrown(createMeeting(db, viewer, councilId, details())))).toBe(403);
    const meetingId = await createMeeting(db, admin, councilId, details());
    const item = {
      title: { kk: "Мәселе" },
      speakerName: null,
      speakerPosition: null,
      links: [{ kind: "section" as const, id: world.sectionId }],
    };
    expect(status(await thrown(addAgendaItem(db, outsider, meetingId, item)))).toBe(403);
    expect(status(await thrown(requireReadableMeeting(db, outsider, meetingId)))).toBe(404);
    await expect(requireReadableMeeting(db, viewer, meetingId)).resolves.toMatchObject({ id: meetingId });

    // Bad input: a link outside the council's scope is refused with a field message, and nothing is added.
    const before = await db.selectFrom("agenda_item").select("id").where("meeting_id", "=", meetingId).execute();
    const outside = await thrown(
      addAgendaItem(db, secretary, meetingId, { ...item, links: [{ kind: "section", id: 999999 }] }),
    );
    expect(messageOf(outside)).toBe("meetings.errors.outsideScope");
    expect(await db.selectFrom("agenda_item").select("id").where("meeting_id", "=", meetingId).execute()).toEqual(
      before,
    );

    await addAgendaItem(db, secretary, meetingId, item);
    const { version } = await db
      .selectFrom("meeting")
      .select("version")
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    // A meeting cannot have been held before its day: the day before it, holding is refused and nothing freezes.
    expect(messageOf(await thrown(holdMeeting(db, secretary, meetingId, version, "2024-11-13")))).toBe(
      "meetings.errors.holdBeforeDate",
    );
    expect(await db.selectFrom("meeting_snapshot").select("id").where("meeting_id", "=", meetingId).execute()).toEqual(
      [],
    );
    await holdMeeting(db, secretary, meetingId, version, "2024-11-14");
    expect(messageOf(await thrown(addAgendaItem(db, secretary, meetingId, item)))).toBe("meetings.errors.frozen");

    // Every write is in the audit log under the user who made it.
    const audited = await db
      .selectFrom("audit_log")
      .select(["actor_id", "action"])
      .where("table_name", "=", "meeting")
      .where("row_id", "=", meetingId)
      .orderBy("id")
      .execute();
    expect(audited.map((row) => row.actor_id)).toEqual([admin.id, secretary.id]);
  });

  it("lists a meeting's decisions at the council's next meeting, with their status", async () => {
    const first = await heldMeeting({ meetingDate: "2024-11-15", asOf: "2024-10-31" });
    const decisionId = await addDecision(db, secretary, first, {
      kind: "proposal",
      body: { kk: "Кездесулерді аудандарда өткізу" },
      departmentId: world.departmentId,
      deadline: "2024-11-20",
      agendaItemId: null,
      measureIds: [world.measureId],
    });
    const next = await createMeeting(
      db,
      secretary,
      councilId,
      details({ meetingDate: "2024-12-20", asOf: "2024-11-30" }),
    );
    const listed = await previousDecisions(db, await requireReadableMeeting(db, secretary, next));
    expect(listed.map((d) => d.id)).toContain(decisionId);
    const decision = listed.find((d) => d.id === decisionId)!;
    expect(decisionState(decision.status, decision.deadline, TODAY)).toBe("overdue");

    // The responsible department writes a follow-up; an editor of another department may not.
    await addFollowUp(db, editor, { decisionId, note: { kk: "12 кездесу өтті" } });
    expect(status(await thrown(addFollowUp(db, outsider, { decisionId, note: { kk: "x" } })))).toBe(403);
    expect(
      status(await thrown(setDecisionStatus(db, editor, { decisionId, version: 1, status: "done", today: TODAY }))),
    ).toBe(403);
    await setDecisionStatus(db, secretary, { decisionId, version: decision.version, status: "done", today: TODAY });

    const view = await meetingView(db, secretary, next, "kk", TODAY, TIME_ZONE);
    const shown = view.previousDecisions.find((d) => d.id === decisionId)!;
    expect(shown.state).toBe("done");
    expect(shown.followUps.map((f) => f.note?.text)).toEqual(["12 кездесу өтті"]);
  });

  it("a snapshot's series is the dashboard's: every quarter of the programme, cumulated from its first", async () => {
    // A section whose measure was already planned and partly done in 2023, before the as-of year.
    const sectionId = await withActor(db, "system", async (trx) => {
      const section = await trx
        .insertInto("section")
        .values({ road_map_id: world.roadMapId, number: "9", title: localized("Ерте басталған"), position: 9 })
        .returning("id")
        .executeTakeFirstOrThrow();
      const measure = await trx
        .insertInto("measure")
        .values({
          road_map_id: world.roadMapId,
          section_id: section.id,
          number: "9.1",
          title: localized("Ерте іс-шара"),
          unit: "event",
          responsible_department_id: world.departmentId,
          territory_id: world.cityId,
          deadline: "2027-12-25",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("measure_plan")
        .values([
          { measure_id: measure.id, territory_id: world.cityId, year: 2023, quarter: 4, planned: 10 },
          { measure_id: measure.id, territory_id: world.cityId, year: 2024, quarter: 4, planned: 10 },
        ])
        .execute();
      await trx
        .insertInto("progress_entry")
        .values({
          measure_id: measure.id,
          territory_id: world.cityId,
          entry_date: "2023-11-10",
          value: 5,
          author_id: world.editorId,
        })
        .execute();
      await trx
        .insertInto("department_report")
        .values({
          road_map_id: world.roadMapId,
          department_id: world.departmentId,
          year: 2023,
          quarter: 4,
          status: "accepted",
          submitted_at: new Date(),
          submitted_by: world.editorId,
          reviewed_at: new Date(),
          reviewed_by: world.editorId,
        })
        .execute();
      return section.id;
    });
    const meetingId = await createMeeting(db, secretary, councilId, details({ meetingDate: "2024-11-15" }));
    await addAgendaItem(db, secretary, meetingId, {
      title: { kk: "Ерте басталған іс-шаралар" },
      speakerName: null,
      speakerPosition: null,
      links: [{ kind: "section", id: sectionId }],
    });
    const { version } = await db
      .selectFrom("meeting")
      .select("version")
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    await holdMeeting(db, secretary, meetingId, version, TODAY);
    const [agenda] = [...(await meetingSnapshot(db, meetingId)).values()];
    const { series } = agenda!.links[0]!;
    // The programme runs 2023–2027: twenty quarters, as on the dashboard's chart.
    expect(series.map((point) => `${point.year}-${point.quarter}`)).toEqual(
      [2023, 2024, 2025, 2026, 2027].flatMap((year) => [1, 2, 3, 4].map((quarter) => `${year}-${quarter}`)),
    );
    // By the end of 2024-Q3, 5 of the 10 planned since the programme began are done: 50 %, though the
    // as-of year itself has no plan yet; in the as-of quarter 5 of 20; after it nothing is known.
    const point = (year: number, quarter: number) => series.find((p) => p.year === year && p.quarter === quarter)!;
    expect(point(2024, 3).cumulativeExecution).toBeCloseTo(0.5, 10);
    expect(point(2023, 4).quarterExecution).toBeCloseTo(0.5, 10);
    expect(point(2024, 4).cumulativeExecution).toBeCloseTo(0.25, 10);
    expect(point(2025, 1).cumulativeExecution).toBeNull();
    expect(point(2024, 4).plannedProgress).toBeCloseTo(1, 10);
  });

  it("freezes a measure as it stood on the as-of date: overdue then, though its deadline was moved later", async () => {
    // Due 30 September 2024 and not done by 31 October; on 1 November the deadline moved to mid-2025.
    const measureId = await withActor(db, "system", async (trx) => {
      const section = await trx
        .insertInto("section")
        .values({ road_map_id: world.roadMapId, number: "10", title: localized("Мерзімі ауысқан"), position: 10 })
        .returning("id")
        .executeTakeFirstOrThrow();
      const measure = await trx
        .insertInto("measure")
        .values({
          road_map_id: world.roadMapId,
          section_id: section.id,
          number: "10.1",
          title: localized("Кешіккен іс-шара"),
          unit: "event",
          responsible_department_id: world.departmentId,
          territory_id: world.cityId,
          deadline: "2025-06-30",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("measure_deadline_change")
        .values({
          measure_id: measure.id,
          previous_deadline: "2024-09-30",
          new_deadline: "2025-06-30",
          changed_on: "2024-11-01",
          reason: localized("Қаржы кешікті"),
        })
        .execute();
      await trx
        .insertInto("measure_plan")
        .values({ measure_id: measure.id, territory_id: world.cityId, year: 2024, quarter: 3, planned: 4 })
        .execute();
      return measure.id;
    });
    const meetingId = await createMeeting(db, secretary, councilId, details({ meetingDate: "2024-11-16" }));
    await addAgendaItem(db, secretary, meetingId, {
      title: { kk: "Кешіккен іс-шаралар" },
      speakerName: null,
      speakerPosition: null,
      links: [{ kind: "measure", id: measureId }],
    });
    const { version } = await db
      .selectFrom("meeting")
      .select("version")
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    await holdMeeting(db, secretary, meetingId, version, TODAY);
    const [agenda] = [...(await meetingSnapshot(db, meetingId)).values()];
    expect(agenda!.links[0]!.status).toBe("overdue");
    // The same measure reviewed as of a day after the move is only behind.
    const later = await createMeeting(
      db,
      secretary,
      councilId,
      details({ meetingDate: "2024-11-20", asOf: "2024-11-02" }),
    );
    await addAgendaItem(db, secretary, later, {
      title: { kk: "Кешіккен іс-шаралар" },
      speakerName: null,
      speakerPosition: null,
      links: [{ kind: "measure", id: measureId }],
    });
    const laterVersion = await db
      .selectFrom("meeting")
      .select("version")
      .where("id", "=", later)
      .executeTakeFirstOrThrow();
    await holdMeeting(db, secretary, later, laterVersion.version, TODAY);
    const [laterAgenda] = [...(await meetingSnapshot(db, later)).values()];
    expect(laterAgenda!.links[0]!.status).toBe("behind");
  });
});
