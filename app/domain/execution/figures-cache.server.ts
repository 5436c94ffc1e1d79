import type { Kysely } from "kysely";
import type { Database } from "~db/schema";

// Computed figures of a road map, reused until its revision moves. Every write that can change a
// road map's figures bumps road_map_revision in the same transaction (triggers of migration
// 2026-11-22T1400), so a request that starts after the write commits sees the new revision and
// recomputes: figures are never shown stale. Each instance keeps its own cache; correctness does not
// depend on it, so instances stay interchangeable.

const MAX_ENTRIES = 2000;
const cache = new Map<string, { revision: number; value: unknown }>();

export async function roadMapRevision(db: Kysely<Database>, roadMapId: number): Promise<number> {
  const row = await db
    .selectFrom("road_map_revision")
    .select("revision")
    .where("road_map_id", "=", roadMapId)
    .executeTakeFirst();
  return row?.revision ?? 0;
}

/**
 * The figures `compute` gives for a road map and a key (the scope and window they were asked for),
 * from the cache while the road map's revision has not moved. The revision must be read before
 * computing (pass it when a request asks for several figures), so that a value is never stored under
 * a revision older than the data it was computed from.
 */
export async function cachedFigures<T>(
  db: Kysely<Database>,
  roadMapId: number,
  key: unknown,
  compute: () => Promise<T>,
  knownRevision?: number,
): Promise<T> {
  const revision = knownRevision ?? (await roadMapRevision(db, roadMapId));
  const cacheKey = `${roadMapId}:${JSON.stringify(key)}`;
  const hit = cache.get(cacheKey);
  if (hit && hit.revision === revision) {
    // Most recently used last: the first entry of the map is the one to evict.
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    return hit.value as T;
  }
  const value = await compute();
  cache.delete(cacheKey);
  cache.set(cacheKey, { revision, value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
