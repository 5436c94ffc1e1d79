import { redirect } from "@remix-run/node";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { idSchema } from "~/domain/ids";
import { MAX_BOUNDARY_BYTES, readBoundary, type BoundaryError } from "./boundary-upload";
import { saveBoundary } from "./boundary-save.server";

export type BoundaryReply = { boundaryError: { error: BoundaryError | "stale"; count?: number } };

const fields = z.object({ territoryId: idSchema, replaces: z.coerce.number().int().min(0) });

const refuse = (error: BoundaryError | "stale", count?: number) =>
  Response.json({ boundaryError: { error, count } } satisfies BoundaryReply, { status: 400 });

/** The admin territories page's upload of a boundary: checked whole before anything is written. */
export async function uploadBoundary(db: Kysely<Database>, principal: Principal, formData: FormData) {
  const parsed = fields.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const exists = await db
    .selectFrom("territory")
    .select("id")
    .where("id", "=", parsed.data.territoryId)
    .executeTakeFirst();
  if (!exists) throw new Response("Not found", { status: 404 });
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse("missing");
  if (file.size > MAX_BOUNDARY_BYTES) return refuse("tooLarge");
  const read = readBoundary(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return refuse(read.error, read.count);
  try {
    await saveBoundary(db, principal, {
      territoryId: parsed.data.territoryId,
      replaces: parsed.data.replaces,
      fileName: file.name,
      geometry: read.geometry,
      vertexCount: read.vertexCount,
    });
  } catch (error) {
    if (error instanceof RefusedWrite) return refuse("stale");
    throw error;
  }
  return redirect(`/admin/territories?edit=${parsed.data.territoryId}#boundary`);
}
