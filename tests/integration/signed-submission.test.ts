import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import type { Quarter } from "~/domain/periods/quarter";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { AlreadySaved, newSubmissionKey } from "~/domain/editing/submission.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { departmentRevisions, myFormKey, myFormScope, saveMyQuarter } from "~/domain/progress/my-page.server";
import { createWorld, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

// /my's quarter form carries a key the server signs (ADR 20): the same for every view of the same state,
// so that the page can be kept; refused when forged or issued to someone else; saved once per post.

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const quarter: Quarter = { year: 2024, quarter: 4 };

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("the write was accepted");
}

describe(`/my's signed submission keys on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let editor: Principal;
  let departmentIds: number[];

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    await withActor(db, "system", (trx) =>
      trx
        .insertInto("measure_plan")
        .values({ measure_id: world.measureId, territory_id: world.cityId, year: 2024, quarter: 4, planned: 2 })
        .execute(),
    );
    editor = (await loadPrincipal(db, world.editorId))!;
    departmentIds = [world.departmentId];
  });
  afterAll(() => close());
  beforeEach(() => withActor(db, "system", (trx) => trx.deleteFrom("progress_entry").execute()));

  const values = async () =>
    (await db.selectFrom("progress_entry").select("value").orderBy("id").execute()).map((row) => row.value);
  const keyNow = async (userId = editor.id, forQuarter = quarter) =>
    myFormKey(SECRET, myFormScope(userId, departmentIds, forQuarter), await departmentRevisions(db, departmentIds));
  const post = (key: string, value: number, as: Principal = editor) =>
    saveMyQuarter(
      db,
      as,
      { departmentIds, quarter, secret: SECRET },
      {
        intent: "save-quarter",
        submissionKey: key,
        rows: [
          { measureId: world.measureId, territoryId: world.cityId, entryDate: "2024-11-20", value, evidenceLinks: [] },
        ],
      },
    );

  it("gives every view of the same state the same key, and a new one once something is saved", async () => {
    const key = await keyNow();
    expect(await keyNow()).toBe(key);
    await post(key, 2);
    expect(await keyNow()).not.toBe(key);
  });

  it("saves the same post of one view once, and different rows posted from two views of it both", async () => {
    const key = await keyNow();
    await post(key, 2);
    expect(await thrown(post(key, 2))).toBeInstanceOf(AlreadySaved);
    expect(await values()).toEqual([2]);
    // A second tab opened on the same state, with another figure typed: a save of its own.
    await post(key, 3);
    expect(await values()).toEqual([2, 3]);
  });

  it("refuses a made-up key, a random one and another user's, and saves nothing", async () => {
    const key = await keyNow();
    const forged = `${key.slice(0, 11)}${"A".repeat(key.length - 11)}`;
    for (const refused of [forged, newSubmissionKey(), await keyNow(editor.id + 1000)]) {
      const error = await thrown(post(refused, 5));
      expect(error).toBeInstanceOf(RefusedWrite);
      expect((error as RefusedWrite).messageKey).toBe("submissionKeys.unknown");
    }
    expect(await values()).toEqual([]);
  });

  it("refuses a key issued for another quarter or to the same user under another server secret", async () => {
    const otherQuarter = await keyNow(editor.id, { year: 2024, quarter: 3 } satisfies Quarter);
    expect(await thrown(post(otherQuarter, 5))).toBeInstanceOf(RefusedWrite);
    const otherSecret = myFormKey(
      `${SECRET}-rotated`,
      myFormScope(editor.id, departmentIds, quarter),
      await departmentRevisions(db, departmentIds),
    );
    expect(await thrown(post(otherSecret, 5))).toBeInstanceOf(RefusedWrite);
    expect(await values()).toEqual([]);
  });
});
