import { randomBytes } from "node:crypto";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { RefusedWrite, type HeldFile } from "~/domain/editing/write-errors";
import { cleanFileName, sha256Of } from "~/domain/import/uploads.server";
import { requireVisibleRoadMap, subtreeTerritoryIds } from "~/domain/roadmap/roadmap.server";
import { env } from "~/env.server";
import { evidenceVerdict, type EvidenceFileView, type EvidenceKind } from "./evidence-kind";

export type { EvidenceFileView };
import type { FileStore } from "./file-store.server";

// Evidence files of progress entries: read from the entry form, checked by their content, written to
// the file store before the entry's transaction and removed again when it does not commit.

export const EVIDENCE_FIELD = "evidenceFiles";
const THUMBNAIL_PX = 320;

export interface EvidenceLimits {
  fileBytes: number;
  count: number;
}

export function evidenceLimits(): EvidenceLimits {
  return { fileBytes: Math.round(env().EVIDENCE_FILE_MAX_MB * 2 ** 20), count: env().EVIDENCE_FILES_MAX };
}

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** The entry form's fields and files; a file over the size limit is refused with its name before more is read. */
export async function readEvidenceForm(request: Request, limits: EvidenceLimits) {
  const uploads: Upload[] = [];
  let tooLarge: string | null = null;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (filename === undefined || size <= limits.fileBytes) chunks.push(chunk);
    }
    if (filename === undefined) return new TextDecoder().decode(Buffer.concat(chunks));
    // Only the evidence field takes files; the empty file input of a form sent with none chosen is skipped.
    if (name !== EVIDENCE_FIELD || size === 0) return undefined;
    if (size > limits.fileBytes) tooLarge ??= cleanFileName(filename);
    else uploads.push({ name: cleanFileName(filename), bytes: new Uint8Array(Buffer.concat(chunks)) });
    return undefined;
  };
  const form = await unstable_parseMultipartFormData(request, handler);
  return { form, uploads, tooLarge: tooLarge as string | null };
}

export interface CheckedUpload extends Upload {
  kind: EvidenceKind;
  sha256: string;
}

/** Every upload's content is an allowed kind that its name agrees with, and there are not too many; else a refusal. */
export async function checkUploads(
  uploads: Upload[],
  tooLarge: string | null,
  limits: EvidenceLimits,
): Promise<CheckedUpload[]> {
  const megabytes = Math.round((limits.fileBytes / 2 ** 20) * 10) / 10;
  if (tooLarge) throw new RefusedWrite("evidenceFiles.tooLarge", { name: tooLarge, megabytes }, EVIDENCE_FIELD);
  // The entry's files already kept are counted again inside the write (recordEvidence).
  if (uploads.length > limits.count) {
    throw new RefusedWrite("evidenceFiles.tooMany", { count: limits.count }, EVIDENCE_FIELD);
  }
  const checked: CheckedUpload[] = [];
  // file-type and sharp (libvips) are loaded by the first evidence file, not by every worker at start (ADR 36).
  const { fileTypeFromBuffer } = await import("file-type");
  for (const upload of uploads) {
    const detected = await fileTypeFromBuffer(upload.bytes);
    const verdict = evidenceVerdict(upload.name, detected?.mime ?? null);
    if (!verdict.ok) {
      throw new RefusedWrite(
        `evidenceFiles.${verdict.reason}`,
        verdict.reason === "mismatch"
          ? { name: upload.name, named: verdict.named, found: verdict.found }
          : { name: upload.name },
        EVIDENCE_FIELD,
      );
    }
    checked.push({ ...upload, kind: verdict.kind, sha256: sha256Of(upload.bytes) });
  }
  return checked;
}

export interface StoredUpload extends CheckedUpload {
  key: string;
  hasThumbnail: boolean;
}

async function thumbnailOf(bytes: Uint8Array): Promise<Uint8Array | null> {
  const { default: sharp } = await import("sharp");
  try {
    return new Uint8Array(
      await sharp(bytes, { limitInputPixels: 100_000_000 })
        .rotate()
        .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: "inside", withoutEnlargement: true })
        .webp({ quality: 75 })
        .toBuffer(),
    );
  } catch {
    // An image whose header is sound but whose pixels are not: kept as evidence, shown without a thumbnail.
    return null;
  }
}

/** Writes the files (and images' thumbnails) to the store; on a failure, what was written is removed. */
export async function storeUploads(store: FileStore, uploads: CheckedUpload[]): Promise<StoredUpload[]> {
  const stored: StoredUpload[] = [];
  try {
    for (const upload of uploads) {
      const key = randomBytes(16).toString("hex");
      const thumbnail = upload.kind.image ? await thumbnailOf(upload.bytes) : null;
      stored.push({ ...upload, key, hasThumbnail: false });
      await store.put(key, upload.bytes);
      if (thumbnail) {
        await store.put(`${key}.thumb`, thumbnail);
        stored[stored.length - 1]!.hasThumbnail = true;
      }
    }
    return stored;
  } catch (error) {
    await removeStored(
      store,
      stored.map((file) => ({ key: file.key, hasThumbnail: true })),
    );
    throw error;
  }
}

/** Removes files from the store; a failure to remove leaves an orphan file, never a broken entry. */
export async function removeStored(store: FileStore, files: Array<{ key: string; hasThumbnail: boolean }>) {
  await Promise.allSettled(
    files.flatMap((file) => [
      store.remove(file.key),
      ...(file.hasThumbnail ? [store.remove(`${file.key}.thumb`)] : []),
    ]),
  );
}

/** A file in the store as a row records it. */
export interface FileRecord {
  key: string;
  hasThumbnail: boolean;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export const recordOf = (file: StoredUpload): FileRecord => ({
  key: file.key,
  hasThumbnail: file.hasThumbnail,
  name: file.name,
  mediaType: file.kind.mediaType,
  size: file.bytes.byteLength,
  sha256: file.sha256,
});

/** The entry's files after the write: the new ones recorded, the removed ones deleted; returns what left. */
export async function recordEvidence(
  trx: Transaction<Database>,
  principal: Principal,
  entry: { id: number; measureId: number },
  added: FileRecord[],
  removeIds: number[],
  limits: EvidenceLimits,
): Promise<Array<{ key: string; hasThumbnail: boolean }>> {
  const removed = removeIds.length
    ? await trx
        .deleteFrom("evidence_file")
        .where("entry_id", "=", entry.id)
        .where("id", "in", removeIds)
        .returning(["storage_key as key", "has_thumbnail as hasThumbnail"])
        .execute()
    : [];
  if (added.length) {
    await trx
      .insertInto("evidence_file")
      .values(
        added.map((file) => ({
          entry_id: entry.id,
          measure_id: entry.measureId,
          storage_key: file.key,
          has_thumbnail: file.hasThumbnail,
          file_name: file.name,
          media_type: file.mediaType,
          byte_size: file.size,
          sha256: file.sha256,
          uploaded_by: principal.id,
        })),
      )
      .execute();
  }
  const { count } = await trx
    .selectFrom("evidence_file")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("entry_id", "=", entry.id)
    .executeTakeFirstOrThrow();
  if (Number(count) > limits.count) {
    throw new RefusedWrite("evidenceFiles.tooMany", { count: limits.count }, EVIDENCE_FIELD);
  }
  return removed;
}

// Files sent with a form the server sent back with a question are held (evidence_pending) rather than
// removed, so that the answered post need not send them again. A day is long enough to answer.
const heldSince = () => sql<Date>`now() - interval '1 day'`;

/** Holds stored uploads for the user's answered post; returns what the form sends back. */
export async function holdUploads(
  db: Kysely<Database>,
  principal: Principal,
  stored: StoredUpload[],
): Promise<HeldFile[]> {
  if (stored.length === 0) return [];
  const rows = await db
    .insertInto("evidence_pending")
    .values(
      stored.map(recordOf).map((file) => ({
        uploaded_by: principal.id,
        storage_key: file.key,
        has_thumbnail: file.hasThumbnail,
        file_name: file.name,
        media_type: file.mediaType,
        byte_size: file.size,
        sha256: file.sha256,
      })),
    )
    .returning(["id", "file_name", "byte_size"])
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.file_name, size: row.byte_size }));
}

/** Of these ids, the files held for this user and not yet expired. */
export async function heldFilesOf(db: Kysely<Database>, principal: Principal, ids: number[]): Promise<HeldFile[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("evidence_pending")
    .select(["id", "file_name", "byte_size"])
    .where("id", "in", ids)
    .where("uploaded_by", "=", principal.id)
    .where("created_at", ">", heldSince())
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.file_name, size: row.byte_size }));
}

/**
 * Takes the user's held files for an entry, inside its transaction (they are attached by the caller);
 * refused when one is not held for this user or has expired, so a post cannot claim another's file.
 */
export async function takeHeldFiles(
  trx: Transaction<Database>,
  principal: Principal,
  ids: number[],
): Promise<FileRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await trx
    .deleteFrom("evidence_pending")
    .where("id", "in", unique)
    .where("uploaded_by", "=", principal.id)
    .where("created_at", ">", heldSince())
    .returning(["storage_key", "has_thumbnail", "file_name", "media_type", "byte_size", "sha256"])
    .execute();
  if (rows.length !== unique.length) throw new RefusedWrite("heldFiles.gone", {}, EVIDENCE_FIELD);
  return rows.map((row) => ({
    key: row.storage_key,
    hasThumbnail: row.has_thumbnail,
    name: row.file_name,
    mediaType: row.media_type,
    size: row.byte_size,
    sha256: row.sha256,
  }));
}

/** Removes held files older than a day, rows and bytes; returns how many went. */
export async function removeExpiredHeld(db: Kysely<Database>, store: FileStore): Promise<number> {
  const gone = await db
    .deleteFrom("evidence_pending")
    .where("created_at", "<=", heldSince())
    .returning(["storage_key as key", "has_thumbnail as hasThumbnail"])
    .execute();
  await removeStored(store, gone);
  return gone.length;
}

/** The files of these entries, oldest first. */
export async function filesOfEntries(
  db: Kysely<Database>,
  entryIds: number[],
): Promise<Map<number, EvidenceFileView[]>> {
  const byEntry = new Map<number, EvidenceFileView[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = await db
    .selectFrom("evidence_file")
    .select(["id", "entry_id", "file_name", "media_type", "byte_size", "has_thumbnail"])
    .where("entry_id", "in", entryIds)
    .orderBy("id")
    .execute();
  for (const row of rows) {
    const list = byEntry.get(row.entry_id) ?? [];
    list.push({
      id: row.id,
      name: row.file_name,
      mediaType: row.media_type,
      size: row.byte_size,
      hasThumbnail: row.has_thumbnail,
    });
    byEntry.set(row.entry_id, list);
  }
  return byEntry;
}

/**
 * A file the user may see: its entry is one the measure page shows them (road map visible, the
 * measure's section in their view, the entry's territory in their slice); a 404 otherwise.
 */
export async function requireVisibleEvidence(db: Kysely<Database>, principal: Principal, fileId: number) {
  const file = await db
    .selectFrom("evidence_file as f")
    .innerJoin("progress_entry as e", "e.id", "f.entry_id")
    .innerJoin("measure as m", "m.id", "e.measure_id")
    .innerJoin("section as s", "s.id", "m.section_id")
    .select([
      "f.storage_key",
      "f.has_thumbnail",
      "f.file_name",
      "f.media_type",
      "m.road_map_id",
      "m.section_id",
      "s.parent_id as section_parent_id",
      "e.territory_id",
    ])
    .where("f.id", "=", fileId)
    .executeTakeFirst();
  if (!file) throw new Response("Not found", { status: 404 });
  const { view } = await requireVisibleRoadMap(db, principal, file.road_map_id);
  if (
    view.sectionIds &&
    !view.sectionIds.includes(file.section_id) &&
    !view.sectionIds.includes(file.section_parent_id ?? -1)
  ) {
    throw new Response("Not found", { status: 404 });
  }
  if (view.territoryIds && !(await subtreeTerritoryIds(db, view.territoryIds)).includes(file.territory_id)) {
    throw new Response("Not found", { status: 404 });
  }
  return file;
}
