import type { Kysely } from "kysely";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import type { MultiPolygon, Polygon } from "geojson";

/**
 * Stores an uploaded boundary as the territory's next version. The form carries the version it
 * replaces: when another admin uploaded one meanwhile, (territory_id, version) is taken and nothing is
 * written. The audit trigger records the row under the territory.
 */
export async function saveBoundary(
  db: Kysely<Database>,
  principal: Principal,
  input: {
    territoryId: number;
    replaces: number;
    fileName: string;
    geometry: Polygon | MultiPolygon;
    vertexCount: number;
  },
): Promise<number> {
  requireAdmin(principal);
  return withActor(db, principal.id, async (trx) => {
    const newest = await trx
      .selectFrom("territory_boundary")
      .select("version")
      .where("territory_id", "=", input.territoryId)
      .orderBy("version", "desc")
      .executeTakeFirst();
    if ((newest?.version ?? 0) !== input.replaces) throw new RefusedWrite("boundary.error.stale");
    const version = input.replaces + 1;
    await trx
      .insertInto("territory_boundary")
      .values({
        territory_id: input.territoryId,
        version,
        geometry: JSON.stringify(input.geometry),
        file_name: input.fileName.slice(0, 255) || "boundary.geojson",
        vertex_count: input.vertexCount,
        uploaded_by: principal.id,
      })
      .execute();
    return version;
  });
}
