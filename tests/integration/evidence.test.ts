import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~db/schema";
import { seedDemoData } from "~db/seed";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { NeedsAnswer, RefusedWrite } from "~/domain/editing/write-errors";
import { checkUploads, removeExpiredHeld, requireVisibleEvidence } from "~/domain/evidence/evidence.server";
import { fileSystemStore, type FileStore } from "~/domain/evidence/file-store.server";
import { saveEntry } from "~/domain/progress/entries.server";
import { createTestDatabase, engineName } from "./test-database";

// Evidence files: stored with the entry in one go, refused when the content is not what the name says,
// and readable only by those who may see the entry.

const TODAY = "2026-11-22";
const LIMITS = { fileBytes: 2 ** 20, count: 3 };

describe(`evidence files, on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let dir: string;
  let store: FileStore;
  const principals = new Map<string, Principal>();
  const as = (login: string) => principals.get(login)!;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    await seedDemoData(db, { today: TODAY });
    for (const user of await db.selectFrom("app_user").select(["id", "login"]).execute()) {
      principals.set(user.login, (await loadPrincipal(db, user.id))!);
    }
    dir = await mkdtemp(path.join(tmpdir(), "evidence-"));
    store = fileSystemStore(dir);
  });
  afterAll(async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  });

  const measureOf = async (login: string) => {
    const departmentId = as(login).assignments[0]!.departmentId!;
    return db
      .selectFrom("measure")
      .select(["id", "territory_id"])
      .where("responsible_department_id", "=", departmentId)
      .where("removed_on", "is", null)
      .orderBy("id")
      .executeTakeFirstOrThrow();
  };
  const entryInput = (measure: { id: number; territory_id: number }, key: string) => ({
    intent: "save-entry" as const,
    submissionKey: key,
    measureId: measure.id,
    territoryId: measure.territory_id,
    entryDate: TODAY,
    value: 1,
    evidenceLinks: [],
  });

  it("keeps a photo with its entry; a reviewer downloads it, an editor of another department cannot", async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } })
        .png()
        .toBuffer(),
    );
    const uploads = await checkUploads([{ name: "фото.png", bytes: png }], null, LIMITS);
    const measure = await measureOf("zhumakulova");
    const entryId = await saveEntry(db, as("zhumakulova"), entryInput(measure, "evidence-photo-000000000000"), {
      store,
      uploads,
      limits: LIMITS,
    });
    const file = await db
      .selectFrom("evidence_file")
      .selectAll()
      .where("entry_id", "=", entryId)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({ file_name: "фото.png", media_type: "image/png", has_thumbnail: true });
    expect(await store.get(file.storage_key)).toEqual(png);
    const audited = await db.selectFrom("audit_log").select("id").where("table_name", "=", "evidence_file").execute();
    expect(audited.length).toBeGreaterThan(0);

    const seen = await requireVisibleEvidence(db, as("miras.secretary"), file.id);
    expect(seen.storage_key).toBe(file.storage_key);
    await expect(requireVisibleEvidence(db, as("ernyiazova"), file.id)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses a file whose content is not what its name says, and nothing changes", async () => {
    const before = await db.selectFrom("progress_entry").select("id").execute();
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const pdf = new TextEncoder().encode("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => null,
        (error: unknown) => (error instanceof RefusedWrite ? error.messageKey : error),
      );
    expect(await refusal(checkUploads([{ name: "акт.pdf", bytes: html }], null, LIMITS))).toBe(
      "evidenceFiles.wrongType",
    );
    expect(await refusal(checkUploads([{ name: "фото.jpg", bytes: pdf }], null, LIMITS))).toBe(
      "evidenceFiles.mismatch",
    );
    expect(await db.selectFrom("progress_entry").select("id").execute()).toEqual(before);
  });

  it("removes the written files when the entry's save does not commit", async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
        .png()
        .toBuffer(),
    );
    const uploads = await checkUploads([{ name: "a.png", bytes: png }], null, LIMITS);
    const measure = await measureOf("zhumakulova");
    const filesBefore = await db.selectFrom("evidence_file").select("storage_key").execute();
    // Another department's editor may not write this measure: refused inside the transaction.
    await expect(
      saveEntry(db, as("oryntaev"), entryInput(measure, "evidence-refused-00000000000"), {
        store,
        uploads,
        limits: LIMITS,
      }),
    ).rejects.toBeDefined();
    expect(await db.selectFrom("evidence_file").select("storage_key").execute()).toEqual(filesBefore);
    const { readdir } = await import("node:fs/promises");
    const written = (await readdir(dir, { recursive: true })).filter((name) => /[0-9a-f]{32}$/.test(name));
    expect(written).toHaveLength(filesBefore.length);
  });

  it("holds the files of a form sent back with a question and attaches them to the answer, for their owner only", async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 20, height: 20, channels: 3, background: "#a37" } })
        .png()
        .toBuffer(),
    );
    const measure = await measureOf("zhumakulova");
    // A figure far above any plan: the form asks to confirm it, nothing is saved.
    const input = { ...entryInput(measure, "evidence-held-00000000000000"), value: 987_654 };
    const asked = await saveEntry(db, as("zhumakulova"), input, {
      store,
      uploads: await checkUploads([{ name: "акт.png", bytes: png }], null, LIMITS),
      limits: LIMITS,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(asked).toBeInstanceOf(NeedsAnswer);
    const held = (asked as NeedsAnswer<unknown>).heldFiles;
    expect(held).toMatchObject([{ name: "акт.png", size: png.byteLength }]);
    expect(await db.selectFrom("progress_entry").select("id").where("value", "=", 987_654).execute()).toEqual([]);

    // Another user cannot claim the held file, even for an entry of their own.
    const other = await measureOf("ernyiazova");
    const claimed = await saveEntry(
      db,
      as("ernyiazova"),
      { ...entryInput(other, "evidence-held-other-000000000"), heldFiles: [held[0]!.id] },
      { store, uploads: [], limits: LIMITS },
    ).then(
      () => null,
      (error: unknown) => (error instanceof RefusedWrite ? error.messageKey : error),
    );
    expect(claimed).toBe("heldFiles.gone");

    // The answer sends no file again, only the held file's id: the entry is saved with the file.
    const entryId = await saveEntry(
      db,
      as("zhumakulova"),
      { ...input, confirmedValue: 987_654, heldFiles: [held[0]!.id] },
      { store, uploads: [], limits: LIMITS },
    );
    const file = await db
      .selectFrom("evidence_file")
      .selectAll()
      .where("entry_id", "=", entryId)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({ file_name: "акт.png", media_type: "image/png", has_thumbnail: true });
    expect(await store.get(file.storage_key)).toEqual(png);
    expect(await db.selectFrom("evidence_pending").select("id").execute()).toEqual([]);
  });

  it("removes files held for more than a day, with their bytes", async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } })
        .png()
        .toBuffer(),
    );
    const measure = await measureOf("zhumakulova");
    await expect(
      saveEntry(
        db,
        as("zhumakulova"),
        { ...entryInput(measure, "evidence-stale-0000000000000"), value: 876_543 },
        { store, uploads: await checkUploads([{ name: "b.png", bytes: png }], null, LIMITS), limits: LIMITS },
      ),
    ).rejects.toBeInstanceOf(NeedsAnswer);
    const [row] = await db.selectFrom("evidence_pending").select(["id", "storage_key"]).execute();
    expect(await store.get(row!.storage_key)).toEqual(png);
    expect(await removeExpiredHeld(db, store)).toBe(0);
    await db
      .updateTable("evidence_pending")
      .set({ created_at: new Date(Date.now() - 25 * 3600 * 1000).toISOString() })
      .where("id", "=", row!.id)
      .execute();
    expect(await removeExpiredHeld(db, store)).toBe(1);
    expect(await db.selectFrom("evidence_pending").select("id").execute()).toEqual([]);
    expect(await store.get(row!.storage_key)).toBeNull();
  });
});
