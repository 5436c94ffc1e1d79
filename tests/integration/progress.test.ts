import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { newSubmissionKey } from "~/domain/editing/submission.server";
import { NeedsAnswer, RefusedWrite, StaleEdit } from "~/domain/editing/write-errors";
import { closeQuarter, reopenQuarter } from "~/domain/periods/periods.server";
import type { EntryQuestion } from "~/domain/progress/entry-checks";
import type { EntryInput, QuarterEntriesInput } from "~/domain/progress/entry-schema";
import { deleteEntry, saveEntry, saveQuarterEntries } from "~/domain/progress/entries.server";
import { reviewReport, submitReport, findReport } from "~/domain/progress/reports.server";
import { waitingReports } from "~/domain/progress/waiting-reports.server";
import { createWorld, localized, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

const TODAY = "2024-11-22";

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("the write was accepted");
}

const status = (error: unknown) => (error instanceof Response ? error.status : error);
const messageOf = (error: unknown) => (error instanceof RefusedWrite ? error.messageKey : error);

describe(`progress entries on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let editor: Principal;
  let admin: Principal;
  let otherEditor: Principal;
  let otherMeasureId: number;

  const entry = (overrides: Partial<EntryInput> = {}): EntryInput => ({
    intent: "save-entry",
    submissionKey: newSubmissionKey(),
    measureId: world.measureId,
    territoryId: world.cityId,
    entryDate: "2024-02-10",
    value: 5,
    evidenceLinks: [],
    ...overrides,
  });

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    const ids = await withActor(db, "system", async (trx) => {
      const department = await trx
        .insertInto("department")
        .values({ territory_id: world.cityId, name: localized("Мәдениет басқармасы") })
        .returning("id")
        .executeTakeFirstOrThrow();
      const measure = await trx
        .insertInto("measure")
        .values({
          road_map_id: world.roadMapId,
          section_id: world.sectionId,
          number: "2.2",
          title: localized("Басқа іс-шара"),
          unit: "event",
          responsible_department_id: department.id,
          territory_id: world.cityId,
          deadline: "2027-12-25",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const users = await trx
        .insertInto("app_user")
        .values([
          { login: "admin", display_name: "Admin", password_hash: "x" },
          { login: "culture", display_name: "Culture editor", password_hash: "x" },
        ])
        .returning("id")
        .execute();
      await trx
        .insertInto("role_assignment")
        .values([
          { user_id: users[0]!.id, role: "admin" },
          { user_id: users[1]!.id, role: "editor", department_id: department.id },
        ])
        .execute();
      await trx
        .insertInto("measure_plan")
        .values(
          [1, 2, 3, 4].map((quarter) => ({
            measure_id: world.measureId,
            territory_id: world.cityId,
            year: 2024,
            quarter,
            planned: 5,
          })),
        )
        .execute();
      return { measureId: measure.id, adminId: users[0]!.id, cultureId: users[1]!.id };
    });
    otherMeasureId = ids.measureId;
    editor = (await loadPrincipal(db, world.editorId))!;
    admin = (await loadPrincipal(db, ids.adminId))!;
    otherEditor = (await loadPrincipal(db, ids.cultureId))!;
  });
  afterAll(() => close());
  beforeEach(async () => {
    // Each test starts with no entries, reports or closed quarters. Deleting is itself audited.
    await withActor(db, "system", async (trx) => {
      await trx.deleteFrom("reporting_period").execute();
      await trx.deleteFrom("department_report").execute();
      await trx.deleteFrom("progress_entry").execute();
    });
  });

  const entryCount = async () =>
    Number(
      (
        await db
          .selectFrom("progress_entry")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("lets an editor add, change and delete entries of their department's measure, each in the audit log", async () => {
    const id = await saveEntry(db, editor, entry({ narrativeKk: "20 кездесу өткізілді", peopleReached: 1200 }));
    await saveEntry(db, editor, entry({ entryId: id, version: 1, value: 4 }));
    await deleteEntry(db, editor, id, 2);
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_id", "before", "after", "parent_id"])
      .where("table_name", "=", "progress_entry")
      .where("row_id", "=", id)
      .orderBy("id")
      .execute();
    expect(audit.map((row) => row.action)).toEqual(["insert", "update", "delete"]);
    expect(audit.every((row) => row.actor_id === editor.id && row.parent_id === world.measureId)).toBe(true);
    expect(audit[1]!.before).toMatchObject({ value: 5 });
    expect(audit[1]!.after).toMatchObject({ value: 4, narrative: null });
    expect(audit[0]!.after).toMatchObject({ narrative: { kk: "20 кездесу өткізілді" }, people_reached: 1200 });
  });

  it("refuses an editor every write to another department's measure", async () => {
    expect(status(await thrown(saveEntry(db, editor, entry({ measureId: otherMeasureId }))))).toBe(403);
    // Nothing is planned for the other measure: its department confirms the figure.
    const theirs = await saveEntry(db, otherEditor, entry({ measureId: otherMeasureId, confirmedValue: 5 }));
    // Changing their entry, even while naming one's own measure, or deleting it.
    expect(status(await thrown(saveEntry(db, editor, entry({ entryId: theirs, version: 1 }))))).toBe(403);
    expect(
      status(await thrown(saveEntry(db, editor, entry({ measureId: otherMeasureId, entryId: theirs, version: 1 })))),
    ).toBe(403);
    expect(status(await thrown(deleteEntry(db, editor, theirs, 1)))).toBe(403);
    expect(status(await thrown(saveEntry(db, editor, entry({ measureId: 999_999 }))))).toBe(404);
    const stored = await db
      .selectFrom("progress_entry")
      .select(["value", "version"])
      .where("id", "=", theirs)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ value: 5, version: 1 });
  });

  it("lets one of two concurrent edits win and tells the other what changed and who changed it", async () => {
    const id = await saveEntry(db, editor, entry());
    // Both opened version 1; the admin saves first.
    await saveEntry(db, admin, entry({ entryId: id, version: 1, value: 6, narrativeRu: "Проведено 6 встреч" }));
    const error = await thrown(saveEntry(db, editor, entry({ entryId: id, version: 1, value: 4 })));
    expect(error).toBeInstanceOf(StaleEdit);
    const { conflict } = error as StaleEdit;
    expect(conflict).toMatchObject({ expectedVersion: 1, currentVersion: 2, changedBy: "Admin" });
    expect(conflict.changes.value).toEqual([5, 6]);
    expect(conflict.changes.narrative).toEqual([null, { ru: "Проведено 6 встреч" }]);
    const stored = await db
      .selectFrom("progress_entry")
      .select(["value", "version"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ value: 6, version: 2 });
  });

  it("runs two saves of the same version at the same time: one wins, the other is told", async () => {
    const id = await saveEntry(db, editor, entry());
    const results = await Promise.allSettled([
      saveEntry(db, editor, entry({ entryId: id, version: 1, value: 7 })),
      saveEntry(db, admin, entry({ entryId: id, version: 1, value: 8 })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(StaleEdit);
    const stored = await db
      .selectFrom("progress_entry")
      .select(["value", "version"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(2);
    expect([7, 8]).toContain(stored.value);
  });

  it("tells the second editor when the entry was deleted meanwhile", async () => {
    const id = await saveEntry(db, editor, entry());
    await deleteEntry(db, admin, id, 1);
    const error = await thrown(saveEntry(db, editor, entry({ entryId: id, version: 1, value: 4 })));
    expect((error as StaleEdit).conflict.currentVersion).toBeNull();
  });

  it("saves the rows of a quarter all together, or none when one is refused", async () => {
    const rows = (second: Partial<QuarterEntriesInput["rows"][number]>): QuarterEntriesInput => ({
      intent: "save-quarter",
      submissionKey: newSubmissionKey(),
      rows: [
        { measureId: world.measureId, territoryId: world.cityId, entryDate: "2024-03-01", value: 5, evidenceLinks: [] },
        {
          measureId: world.measureId,
          territoryId: world.cityId,
          entryDate: "2024-03-02",
          value: 1,
          evidenceLinks: [],
          ...second,
        },
      ],
    });
    // The second row names another department's measure: nothing is written.
    expect(status(await thrown(saveQuarterEntries(db, editor, rows({ measureId: otherMeasureId }))))).toBe(403);
    expect(await entryCount()).toBe(0);
    // The second row lies in a closed quarter: nothing is written.
    await closeQuarter(db, admin.id, world.roadMapId, { year: 2023, quarter: 4 });
    expect(messageOf(await thrown(saveQuarterEntries(db, editor, rows({ entryDate: "2023-12-31" }))))).toBe(
      "editing.periodClosed",
    );
    expect(await entryCount()).toBe(0);
    // A territory outside the measure's: the database refuses, nothing is written.
    const elsewhere = await withActor(db, "system", (trx) =>
      trx
        .insertInto("territory")
        .values({ kind: "oblast", parent_id: world.countryId, name: localized("Басқа") })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    expect(
      (await thrown(saveQuarterEntries(db, editor, rows({ territoryId: elsewhere.id })))) as { code: string },
    ).toMatchObject({ code: "OR006" });
    expect(await entryCount()).toBe(0);
    // Valid rows: both are written, a skipped (empty) row is not.
    const ids = await saveQuarterEntries(db, editor, {
      intent: "save-quarter",
      submissionKey: newSubmissionKey(),
      rows: [
        ...rows({}).rows,
        { measureId: world.measureId, territoryId: world.cityId, entryDate: "2024-03-03", evidenceLinks: [] },
      ],
    });
    expect(ids).toHaveLength(2);
    expect(await entryCount()).toBe(2);
  });

  it("asks for a reason when the entry leaves the measure behind, in the current quarter too", async () => {
    // 5 planned per quarter of 2024. As of 15 March, 2 of Q1's 5 is 40 %, below the amber 80 %.
    const behind = await thrown(saveEntry(db, editor, entry({ entryDate: "2024-03-15", value: 2 })));
    expect(behind).toBeInstanceOf(NeedsAnswer);
    expect((behind as NeedsAnswer<EntryQuestion>).questions).toEqual([
      expect.objectContaining({ kind: "reason", status: "behind", asOf: "2024-03-15", plan: 5, fact: 2 }),
    ]);
    expect((behind as NeedsAnswer<EntryQuestion>).fieldErrors).toEqual({
      behindReasonKk: ["validation.reasonRequired"],
    });
    expect(await entryCount()).toBe(0);
    await saveEntry(
      db,
      editor,
      entry({ entryDate: "2024-03-15", value: 2, behindReasonRu: "Перенос на апрель по погоде" }),
    );
    // Caught up by the end of Q3 (15 of 15): no reason is asked for.
    await saveEntry(db, editor, entry({ entryDate: "2024-06-15", value: 8 }));
    await saveEntry(db, editor, entry({ entryDate: "2024-09-15", value: 5 }));
    // Today lies in Q4: its plan counts for an entry dated in it, so 1 more makes 16 of 20, on track,
    // while a quarter left at 15 of 20 (75 %) asks for the reason.
    const current = await thrown(saveEntry(db, editor, entry({ entryDate: "2024-11-20", value: 0 })));
    expect((current as NeedsAnswer<EntryQuestion>).questions).toEqual([
      expect.objectContaining({ kind: "reason", status: "behind", asOf: "2024-11-20", plan: 20, fact: 15 }),
    ]);
    expect(await entryCount()).toBe(3);
    await saveEntry(db, editor, entry({ entryDate: "2024-11-20", value: 1 }));
    expect(await entryCount()).toBe(4);
  });

  it("asks to confirm a fact that reaches 3× its quarter's plan, or any fact where nothing is planned", async () => {
    // 15 against Q2's plan of 5 is 3×: nothing is saved until that very figure is confirmed.
    const far = await thrown(saveEntry(db, editor, entry({ entryDate: "2024-05-10", value: 15 })));
    expect((far as NeedsAnswer<EntryQuestion>).questions).toEqual([
      {
        kind: "confirm",
        field: "",
        concern: "farPastPlan",
        answered: false,
        value: 15,
        quarterPlan: 5,
        quarterFact: 15,
        yearPlan: 20,
      },
    ]);
    const changed = await thrown(
      saveEntry(db, editor, entry({ entryDate: "2024-05-10", value: 16, confirmedValue: 15 })),
    );
    expect((changed as NeedsAnswer<EntryQuestion>).questions).toMatchObject([{ kind: "confirm", value: 16 }]);
    expect(await entryCount()).toBe(0);
    await saveEntry(db, editor, entry({ entryDate: "2024-05-10", value: 15, confirmedValue: 15 }));
    // Just under 3× asks nothing.
    await saveEntry(db, editor, entry({ entryDate: "2024-08-10", value: 14 }));
    // Nothing planned for the other measure: any fact asks, none when it is 0.
    const unplanned = await thrown(saveEntry(db, otherEditor, entry({ measureId: otherMeasureId, value: 1 })));
    expect((unplanned as NeedsAnswer<EntryQuestion>).questions).toMatchObject([{ kind: "confirm", concern: "noPlan" }]);
    await saveEntry(db, otherEditor, entry({ measureId: otherMeasureId, value: 0 }));
    expect(await entryCount()).toBe(3);
  });

  it("asks every row's questions of a quarter form at once and saves none of them until answered", async () => {
    const form = (answers: Partial<QuarterEntriesInput["rows"][number]>): QuarterEntriesInput => ({
      intent: "save-quarter",
      submissionKey: newSubmissionKey(),
      rows: [
        {
          measureId: world.measureId,
          territoryId: world.cityId,
          entryDate: "2024-02-01",
          value: 1_500,
          evidenceLinks: [],
        },
        { measureId: otherMeasureId, territoryId: world.cityId, entryDate: "2024-02-01", evidenceLinks: [] },
        { measureId: world.measureId, territoryId: world.cityId, entryDate: "2024-02-02", value: 0, evidenceLinks: [] },
      ].map((row, index) => (index === 0 ? { ...row, ...answers } : row)),
    });
    const asked = await thrown(saveQuarterEntries(db, admin, form({})));
    expect((asked as NeedsAnswer<EntryQuestion>).questions).toMatchObject([
      { kind: "confirm", field: "rows[0].", value: 1_500, quarterPlan: 5 },
    ]);
    expect(await entryCount()).toBe(0);
    await saveQuarterEntries(db, admin, form({ confirmedValue: 1_500 }));
    expect(await entryCount()).toBe(2);
  });

  it("locks a closed quarter against every role until an admin reopens it with a reason", async () => {
    // 10 by the end of Q2, as planned for Q1 and Q2.
    const id = await saveEntry(db, editor, entry({ entryDate: "2024-04-10", value: 10 }));
    await closeQuarter(db, admin.id, world.roadMapId, { year: 2024, quarter: 2 });
    for (const principal of [editor, admin]) {
      expect(messageOf(await thrown(saveEntry(db, principal, entry({ entryDate: "2024-05-01" }))))).toBe(
        "editing.periodClosed",
      );
      expect(
        messageOf(
          await thrown(
            saveEntry(db, principal, entry({ entryId: id, version: 1, entryDate: "2024-04-10", value: 11 })),
          ),
        ),
      ).toBe("editing.periodClosed");
      expect(
        messageOf(
          await thrown(
            saveEntry(db, principal, entry({ entryId: id, version: 1, entryDate: "2024-07-10", value: 10 })),
          ),
        ),
      ).toBe("editing.periodClosed");
      expect(messageOf(await thrown(deleteEntry(db, principal, id, 1)))).toBe("editing.periodClosed");
    }
    await reopenQuarter(db, admin.id, world.roadMapId, { year: 2024, quarter: 2 }, "Опечатка в отчёте управления");
    await saveEntry(db, editor, entry({ entryId: id, version: 1, entryDate: "2024-04-10", value: 11 }));
    const reopened = await db
      .selectFrom("audit_log")
      .select(["reason", "actor_id"])
      .where("table_name", "=", "reporting_period")
      .where("action", "=", "update")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(reopened).toEqual({ reason: "Опечатка в отчёте управления", actor_id: admin.id });
  });

  it("hands a submitted quarter to the reviewer: entries wait until it is sent back, and accepted ones stay", async () => {
    const quarter = { year: 2024, quarter: 1 as const };
    const key = { roadMapId: world.roadMapId, departmentId: world.departmentId, quarter };
    const id = await saveEntry(db, editor, entry({ entryDate: "2024-02-10", value: 5 }));
    expect(
      messageOf(await thrown(submitReport(db, editor, { ...key, quarter: { year: 2024, quarter: 4 } }, TODAY))),
    ).toBe("report.quarterNotOver");
    expect(status(await thrown(submitReport(db, otherEditor, key, TODAY)))).toBe(403);
    await submitReport(db, editor, key, TODAY);
    expect(messageOf(await thrown(saveEntry(db, editor, entry({ entryId: id, version: 1, value: 4 }))))).toBe(
      "report.submittedLocked",
    );

    const submitted = (await findReport(db, key))!;
    expect(
      status(
        await thrown(reviewReport(db, editor, submitted.id, submitted.version, { status: "accepted", comment: null })),
      ),
    ).toBe(403);
    expect(
      messageOf(
        await thrown(reviewReport(db, admin, submitted.id, submitted.version, { status: "returned", comment: null })),
      ),
    ).toBe("report.commentRequired");
    await reviewReport(db, admin, submitted.id, submitted.version, { status: "returned", comment: "Укажите охват" });
    await saveEntry(db, editor, entry({ entryId: id, version: 1, value: 5, peopleReached: 300 }));
    await submitReport(db, editor, key, TODAY);
    const resubmitted = (await findReport(db, key))!;
    await reviewReport(db, admin, resubmitted.id, resubmitted.version, { status: "accepted", comment: null });
    expect((await findReport(db, key))!.status).toBe("accepted");
    expect(messageOf(await thrown(deleteEntry(db, admin, id, 2)))).toBe("report.acceptedLocked");
  });

  it("lists the department's late reports and the returned ones with their comment, newest first", async () => {
    // 5 planned in every quarter of 2024; by 22 November the reports of Q1–Q3 are past their due dates.
    const quarters = (await waitingReports(db, [world.departmentId], TODAY)).map((report) => [
      report.kind,
      report.quarter.quarter,
    ]);
    expect(quarters).toEqual([
      ["late", 3],
      ["late", 2],
      ["late", 1],
    ]);
    const key = {
      roadMapId: world.roadMapId,
      departmentId: world.departmentId,
      quarter: { year: 2024, quarter: 2 as const },
    };
    await submitReport(db, editor, key, TODAY);
    const submitted = (await findReport(db, key))!;
    await reviewReport(db, admin, submitted.id, submitted.version, {
      status: "returned",
      comment: "Дәлелдерді тіркеңіз",
    });
    const waiting = await waitingReports(db, [world.departmentId], TODAY);
    expect(waiting.map((report) => [report.kind, report.quarter.quarter, report.comment])).toEqual([
      ["late", 3, null],
      ["returned", 2, "Дәлелдерді тіркеңіз"],
      ["late", 1, null],
    ]);
    // On its due day a report is not late yet.
    const onDueDay = await waitingReports(db, [world.departmentId], "2024-04-05");
    expect(onDueDay.filter((report) => report.kind === "late")).toEqual([]);
  });
});
