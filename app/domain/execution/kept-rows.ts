import { rowIndexBytes, type RoadMapRows } from "./figure-base";

// The road maps' rows kept per revision (road-map-rows.server.ts), bounded by the bytes they take:
// ≈ 5 MB for a national road map of 5 000 measures, so that a worker which served every road map of a
// large installation does not keep them all (docs/decisions/0034).

/** What a measure object, its terms and a report's map entry take on the heap, measured in ADR 0034. */
const MEASURE_BYTES = 250;
const TERM_BYTES = 180;
const REPORT_BYTES = 40;

/** The bytes a road map's rows take: the typed arrays and their index exactly, the objects as measured. */
export function rowsBytes(rows: RoadMapRows): number {
  let bytes = rows.reports.size * REPORT_BYTES + rowIndexBytes(rows);
  for (const column of [...Object.values(rows.plans), ...Object.values(rows.entries)]) bytes += column.byteLength;
  for (const measure of rows.measures) bytes += MEASURE_BYTES + measure.terms.length * TERM_BYTES;
  return bytes;
}

interface Kept {
  revision: number;
  rows: Promise<RoadMapRows>;
  /** 0 while the read is in flight. */
  bytes: number;
}

/**
 * The latest rows read of each road map, least recently used evicted first once they take more than
 * `maxBytes`. A read in flight is shared (single-flight) and counted when it ends; rows larger than the
 * whole budget are given to the requests that waited for them and not kept. A failed read is forgotten.
 */
export class KeptRows<Key> {
  private readonly entries = new Map<Key, Kept>();
  private heldBytes = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.heldBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The rows of `key` at `revision`: kept ones, the read in flight, or a new `read`. A request that read
   * a revision older than the one kept reads for itself and keeps nothing.
   */
  get(key: Key, revision: number, read: () => Promise<RoadMapRows>): Promise<RoadMapRows> {
    const hit = this.entries.get(key);
    if (hit && hit.revision === revision) {
      // Most recently used last: the first entry of the map is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.rows;
    }
    if (hit && hit.revision > revision) return read();
    const entry: Kept = { revision, rows: read(), bytes: 0 };
    this.remove(key);
    this.entries.set(key, entry);
    entry.rows.then(
      (rows) => this.measure(key, entry, rows),
      () => {
        if (this.entries.get(key) === entry) this.remove(key);
      },
    );
    return entry.rows;
  }

  private measure(key: Key, entry: Kept, rows: RoadMapRows) {
    if (this.entries.get(key) !== entry) return;
    entry.bytes = rowsBytes(rows);
    this.heldBytes += entry.bytes;
    for (const [oldest, kept] of this.entries) {
      if (this.heldBytes <= this.maxBytes) break;
      // Reads in flight hold nothing yet and are still awaited by someone.
      if (kept.bytes > 0) this.remove(oldest);
    }
  }

  private remove(key: Key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.heldBytes -= entry.bytes;
    this.entries.delete(key);
  }
}
