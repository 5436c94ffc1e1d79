import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "~db/schema";
import { jsonSize } from "./json-size";

// Computed figures of a road map, reused until its revision moves. Every write that can change a
// road map's figures bumps road_map_revision in the same transaction (triggers of migration
// 2026-11-22T1400), so a request that starts after the write commits sees the new revision and
// recomputes: figures are never shown stale. Each instance keeps its own cache; correctness does not
// depend on it, so instances stay interchangeable.

/** A road map's revision as a scalar subquery (0 when it has none yet), to read alone or inside another statement. */
export function roadMapRevisionValue(roadMapId: number): RawBuilder<number> {
  return sql<number>`coalesce((SELECT revision FROM road_map_revision WHERE road_map_id = ${roadMapId}), 0)`;
}

export async function roadMapRevision(db: Kysely<Database>, roadMapId: number): Promise<number> {
  const row = await db.selectNoFrom(roadMapRevisionValue(roadMapId).as("revision")).executeTakeFirstOrThrow();
  return Number(row.revision);
}

interface Entry {
  revision: number;
  value: Promise<unknown>;
  /** The value's approximate size once computed; 0 while it is in flight. */
  bytes: number;
}

/**
 * A revision-keyed cache bounded by the approximate size of what it holds (about the length of each
 * value's JSON, json-size.ts: for a road map's figures within 5 % of the heap they take, measured with heap
 * statistics in docs/decisions/0022), least recently used evicted first. A computation in flight is shared: requests for the same key and revision wait for
 * it rather than start their own, and one that fails is forgotten, so the next request tries again.
 */
export class FiguresCache {
  private readonly entries = new Map<string, Entry>();
  private heldBytes = 0;

  constructor(readonly maxBytes: number) {}

  /** What the cache holds, approximately. */
  get bytes(): number {
    return this.heldBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  get<T>(key: string, revision: number, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.revision === revision) {
      // Most recently used last: the first entry of the map is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    // A request that read the revision before a newer one was cached computes for itself alone.
    if (hit && hit.revision > revision) return compute();
    const entry: Entry = { revision, value: Promise.resolve().then(compute), bytes: 0 };
    this.remove(key);
    this.entries.set(key, entry);
    entry.value.then(
      // Measured after the callers have their value, not on their way.
      (value) => setImmediate(() => this.measure(key, entry, value)),
      () => {
        if (this.entries.get(key) === entry) this.remove(key);
      },
    );
    return entry.value as Promise<T>;
  }

  private measure(key: string, entry: Entry, value: unknown) {
    if (this.entries.get(key) !== entry) return;
    entry.bytes = key.length + jsonSize(value);
    this.heldBytes += entry.bytes;
    for (const [oldest] of this.entries) {
      if (this.heldBytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.heldBytes -= entry.bytes;
    this.entries.delete(key);
  }
}

/**
 * 32 MB a process unless `FIGURES_CACHE_MB` says otherwise (set at start, entry.server's prepare): some
 * thirty cold views of a 5 000-measure road map (≈ 1 MB each), a fifth of a worker's old generation
 * (docs/decisions/0022).
 */
let cache = new FiguresCache(32 * 1024 * 1024);

/** A new, empty cache of that many MB. */
export function sizeFiguresCache(megabytes: number): void {
  cache = new FiguresCache(megabytes * 1024 * 1024);
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
  return cache.get(`${roadMapId}:${JSON.stringify(key)}`, revision, compute);
}
