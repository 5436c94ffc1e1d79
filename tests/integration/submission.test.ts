import { parseWithZod } from "@conform-to/zod/v4";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { attemptWrite, type WriteReply } from "~/domain/editing/action.server";
import { AlreadySaved, newSubmissionKey } from "~/domain/editing/submission.server";
import type { RefusedWrite } from "~/domain/editing/write-errors";
import { saveActual } from "~/domain/kpi/actuals.server";
import { quarterEntriesSchema } from "~/domain/progress/entry-schema";
import { saveEntry, saveQuarterEntries } from "~/domain/progress/entries.server";
import { createWorld, localized, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

const TODAY = "2024-11-22";
const limits = { firstDate: "2024-10-01", lastDate: "2024-12-31", today: TODAY, bounds: "quarter" as const };

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("the write was accepted");
}

/** What the action would tell the user: the body of a `data()` reply. */
const replyOf = (response: unknown) => (response as { data: WriteReply }).data;

describe(`saves that happen once on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let editor: Principal;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    // 2 planned for the quarter the forms report on: a fact of 2 is on plan and asks nothing.
    await withActor(db, "system", (trx) =>
      trx
        .insertInto("measure_plan")
        .values({ measure_id: world.measureId, territory_id: world.cityId, year: 2024, quarter: 4, planned: 2 })
        .execute(),
    );
    editor = (await loadPrincipal(db, world.editorId))!;
  });
  afterAll(() => close());
  beforeEach(async () => {
    await withActor(db, "system", async (trx) => {
      await trx.deleteFrom("progress_entry").execute();
      await trx.deleteFrom("kpi_actual").execute();
    });
  });

  const entries = async () =>
    db.selectFrom("progress_entry").select(["id", "value", "version"]).orderBy("id").execute();

  /** The /my form as the browser posts it: one render's key, one filled row. */
  const quarterForm = (key: string, value: string) => {
    const form = new FormData();
    for (const [name, text] of Object.entries({
      intent: "save-quarter",
      submissionKey: key,
      "rows[0].measureId": String(world.measureId),
      "rows[0].territoryId": String(world.cityId),
      "rows[0].entryDate": "2024-11-20",
      "rows[0].value": value,
    })) {
      form.append(name, text);
    }
    return form;
  };

  const postQuarter = async (form: FormData) => {
    const submission = parseWithZod(form, { schema: quarterEntriesSchema(limits, () => "event") });
    if (submission.status !== "success") throw new Error("the form did not parse");
    return attemptWrite(submission, () => saveQuarterEntries(db, editor, submission.value));
  };

  it("saves a quarter form posted twice once, and says so the second time", async () => {
    const key = newSubmissionKey();
    const first = replyOf(await postQuarter(quarterForm(key, "2")));
    expect(first).toMatchObject({ saved: true });
    expect(first.alreadySaved).toBeUndefined();
    const second = replyOf(await postQuarter(quarterForm(key, "2")));
    expect(second).toMatchObject({ saved: true, alreadySaved: true });
    expect((await entries()).map((entry) => entry.value)).toEqual([2]);
    // A new render of the form (a new key) is a new fact.
    await postQuarter(quarterForm(newSubmissionKey(), "3"));
    expect((await entries()).map((entry) => entry.value)).toEqual([2, 3]);
  });

  it("saves two posts of one render at the same moment once", async () => {
    const key = newSubmissionKey();
    const input = {
      intent: "save-quarter" as const,
      submissionKey: key,
      rows: [
        { measureId: world.measureId, territoryId: world.cityId, entryDate: "2024-11-20", value: 4, evidenceLinks: [] },
      ],
    };
    const results = await Promise.allSettled([
      saveQuarterEntries(db, editor, input),
      saveQuarterEntries(db, editor, input),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(AlreadySaved);
    expect(await entries()).toHaveLength(1);
  });

  it("lets a refused save be corrected and posted again with the same key", async () => {
    const key = newSubmissionKey();
    const entry = (value: number) => ({
      intent: "save-entry" as const,
      submissionKey: key,
      measureId: world.measureId,
      territoryId: world.cityId,
      entryDate: "2024-11-20",
      value,
      evidenceLinks: [],
    });
    // A fraction for a countable unit (events) is refused by the server too; nothing was claimed.
    expect(((await thrown(saveEntry(db, editor, entry(2.5)))) as RefusedWrite).messageKey).toBe(
      "entryRules.wholeNumber",
    );
    await saveEntry(db, editor, entry(2));
    expect(await thrown(saveEntry(db, editor, entry(2)))).toBeInstanceOf(AlreadySaved);
    expect(await entries()).toHaveLength(1);
  });

  it("refuses an edit of an entry that does not say which version it started from", async () => {
    const id = await saveEntry(db, editor, {
      intent: "save-entry",
      submissionKey: newSubmissionKey(),
      measureId: world.measureId,
      territoryId: world.cityId,
      entryDate: "2024-11-20",
      value: 2,
      evidenceLinks: [],
    });
    const error = await thrown(
      saveEntry(db, editor, {
        intent: "save-entry",
        submissionKey: newSubmissionKey(),
        entryId: id,
        measureId: world.measureId,
        territoryId: world.cityId,
        entryDate: "2024-11-20",
        value: 7,
        evidenceLinks: [],
      }),
    );
    expect((error as RefusedWrite).messageKey).toBe("entryRules.versionRequired");
    expect(await entries()).toEqual([{ id, value: 2, version: 1 }]);
  });

  it("saves a KPI actual once per form render and refuses a change without its version", async () => {
    const [district] = world.districtIds;
    const indicatorId = await withActor(db, "system", async (trx) => {
      const indicator = await trx
        .insertInto("kpi_indicator")
        .values({ title: localized("Жастар"), unit: "person", direction: "higher_is_better", category: "youth" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("kpi_target")
        .values({ indicator_id: indicator.id, territory_id: district, year: 2025, quarter: null, target: 10 })
        .execute();
      return indicator.id;
    });
    const akim: Principal = {
      ...editor,
      assignments: [
        {
          role: "akim",
          departmentId: null,
          councilId: null,
          councilPosition: null,
          territoryPath: [world.countryId, world.cityId, district],
        },
      ],
    };
    const input = { intent: "actual" as const, submissionKey: newSubmissionKey(), indicatorId, year: 2025, actual: 9 };
    const id = await saveActual(db, akim, district, input);
    expect(await thrown(saveActual(db, akim, district, input))).toBeInstanceOf(AlreadySaved);
    const change = await thrown(
      saveActual(db, akim, district, { ...input, submissionKey: newSubmissionKey(), actual: 12, actualId: id }),
    );
    expect((change as RefusedWrite).messageKey).toBe("entryRules.versionRequired");
    const actuals = await db.selectFrom("kpi_actual").select(["actual", "version"]).execute();
    expect(actuals).toEqual([{ actual: 9, version: 1 }]);
  });
});
