import { createHash } from "node:crypto";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { sql, type Kysely } from "kysely";
import type { Database, UploadPurpose } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { UPLOAD_MAX_BYTES } from "./upload-limit";

// A file a user uploads is read once from the request, kept in the database while its preview is
// looked at, and read again when the user saves it: any instance of the app can save what another
// one previewed, and nothing of it lives in a process.

export { UPLOAD_MAX_BYTES };
/** A preview older than this cannot be saved; the file is removed with the next upload. */
const UPLOAD_KEPT_HOURS = 24;
const FILE_NAME_MAX = 255;

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A file name safe to show and store: its last path segment, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (base || "file").slice(0, FILE_NAME_MAX);
}

/**
 * The fields of a multipart form and its one file field. A file over the limit is refused with a
 * translated message before more of it is read; a form with no file gives `file: null`.
 */
export async function readUploadForm(
  request: Request,
  options: { field?: string; maxBytes?: number } = {},
): Promise<{ form: FormData; file: UploadedFile | null }> {
  const field = options.field ?? "file";
  const maxBytes = options.maxBytes ?? UPLOAD_MAX_BYTES;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes + 64 * 1024)
    throw new RefusedWrite("upload.tooLarge", { megabytes: maxBytes / 2 ** 20 }, field);
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new RefusedWrite("upload.notMultipart", {}, field);
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      throw new RefusedWrite("upload.tooLarge", { megabytes: maxBytes / 2 ** 20 }, field);
    }
    throw new RefusedWrite("upload.unreadable", {}, field);
  }
  const value = form.get(field);
  if (!value || typeof value === "string" || value.size === 0) return { form, file: null };
  const bytes = new Uint8Array(await value.arrayBuffer());
  return { form, file: { name: cleanFileName(value.name), bytes, sha256: sha256Of(bytes) } };
}

/** Keeps a file for its preview; returns the id the preview's form posts back to save it. */
export async function keepUpload(
  db: Kysely<Database>,
  principal: Principal,
  purpose: UploadPurpose,
  file: UploadedFile,
): Promise<number> {
  await db
    .deleteFrom("uploaded_file")
    .where("created_at", "<", sql<Date>`now() - make_interval(hours => ${UPLOAD_KEPT_HOURS})`)
    .execute();
  const { id } = await db
    .insertInto("uploaded_file")
    .values({
      purpose,
      file_name: file.name,
      content: file.bytes,
      sha256: file.sha256,
      uploaded_by: principal.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A kept file, only to the user who uploaded it and only while it is kept; otherwise the upload must be repeated. */
export async function keptUpload(
  db: Kysely<Database>,
  principal: Principal,
  purpose: UploadPurpose,
  id: number,
): Promise<UploadedFile> {
  const row = await db
    .selectFrom("uploaded_file")
    .select(["file_name", "content", "sha256"])
    .where("id", "=", id)
    .where("purpose", "=", purpose)
    .where("uploaded_by", "=", principal.id)
    .where("created_at", ">=", sql<Date>`now() - make_interval(hours => ${UPLOAD_KEPT_HOURS})`)
    .executeTakeFirst();
  if (!row) throw new RefusedWrite("upload.expired");
  return { name: row.file_name, bytes: new Uint8Array(row.content), sha256: row.sha256 };
}

/** Forgets a kept file once it is saved. */
export async function dropUpload(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom("uploaded_file").where("id", "=", id).execute();
}
