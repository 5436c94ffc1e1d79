import { describe, expect, it } from "vitest";
import type { RoadMapRows } from "~/domain/execution/figure-base";
import { KeptRows, rowsBytes } from "~/domain/execution/kept-rows";

// A road map's rows are read once per revision and kept, but the rows of many road maps do not pile up:
// past the byte budget the least recently viewed road map is dropped and read again when next asked for.

/** Rows of a road map with `entries` entries and no plans, measures or reports: 8 × 4 + 8 × 8 … bytes an entry. */
function rowsOf(roadMapId: number, entries: number): RoadMapRows {
  return {
    roadMapId,
    measures: [],
    plans: {
      measure: new Int32Array(),
      territory: new Int32Array(),
      quarterCode: new Int32Array(),
      planned: new Float64Array(),
    },
    entries: {
      measure: new Int32Array(entries),
      territory: new Int32Array(entries),
      day: new Int32Array(entries),
      quarterCode: new Int32Array(entries),
      value: new Float64Array(entries),
      people: new Float64Array(entries),
    },
    reports: new Map(),
  };
}

// An entry's columns, and its place in the row index's two orders (by measure, by territory).
const ENTRY_BYTES = 4 * 4 + 2 * 8 + 2 * 4;
// The index's group starts: plans and entries by measure (no measures) and by territory (ids up to 0).
const INDEX_STARTS = 2 * 4 * (0 + 1) + 2 * 4 * (1 + 1);
const settled = () => new Promise((resolve) => setImmediate(resolve));

/** A read of one road map's rows, counting how often it ran. */
function reader(roadMapId: number, entries: number) {
  const reads = { count: 0 };
  const read = () => {
    reads.count += 1;
    return Promise.resolve(rowsOf(roadMapId, entries));
  };
  return { read, reads };
}

describe("kept road-map rows", () => {
  it("counts the typed arrays' bytes, their index, and the measures, terms and reports", () => {
    const rows = rowsOf(1, 1000);
    expect(rowsBytes(rows)).toBe(1000 * ENTRY_BYTES + INDEX_STARTS);
    rows.measures.push({
      id: 1,
      territoryId: 1,
      departmentId: 1,
      sectionId: 1,
      parentSectionId: null,
      topSectionId: 1,
      place: 0,
      terms: [{ from: "0001-01-01", until: "9999-12-31", deadline: "2026-12-31", weight: 1, removed: false }],
    });
    rows.reports.set(1, "accepted");
    expect(rowsBytes(rows)).toBeGreaterThan(1000 * ENTRY_BYTES);
  });

  it("reads a road map once per revision, however many ask at once", async () => {
    const kept = new KeptRows<number>(10_000_000);
    const one = reader(1, 100);
    const [first, second] = await Promise.all([kept.get(1, 5, one.read), kept.get(1, 5, one.read)]);
    expect(second).toBe(first);
    await kept.get(1, 5, one.read);
    expect(one.reads.count).toBe(1);
    await kept.get(1, 6, one.read);
    expect(one.reads.count).toBe(2);
    await settled();
    expect(kept.size).toBe(1);
    expect(kept.bytes).toBe(100 * ENTRY_BYTES + INDEX_STARTS);
  });

  it("drops the least recently used road map once the rows take more than the budget", async () => {
    // Room for two road maps of 1 000 entries, not three.
    const kept = new KeptRows<number>(2.5 * 1000 * ENTRY_BYTES);
    const [one, two, three] = [reader(1, 1000), reader(2, 1000), reader(3, 1000)];
    await kept.get(1, 1, one.read);
    await kept.get(2, 1, two.read);
    await settled();
    // Road map 1 viewed again: road map 2 is now the least recently used.
    await kept.get(1, 1, one.read);
    await kept.get(3, 1, three.read);
    await settled();
    expect(kept.size).toBe(2);
    expect(kept.bytes).toBeLessThanOrEqual(kept.maxBytes);
    await kept.get(1, 1, one.read);
    await kept.get(3, 1, three.read);
    expect([one.reads.count, three.reads.count]).toEqual([1, 1]);
    await kept.get(2, 1, two.read);
    expect(two.reads.count).toBe(2);
  });

  it("gives rows larger than the whole budget to those who waited, and keeps none of them", async () => {
    const kept = new KeptRows<number>(100 * ENTRY_BYTES);
    const large = reader(1, 1000);
    const [first, second] = await Promise.all([kept.get(1, 1, large.read), kept.get(1, 1, large.read)]);
    expect(first.entries.value.length).toBe(1000);
    expect(second).toBe(first);
    await settled();
    expect([kept.size, kept.bytes]).toEqual([0, 0]);
    await kept.get(1, 1, large.read);
    expect(large.reads.count).toBe(2);
  });

  it("forgets a failed read and does not keep rows read at an older revision than the kept ones", async () => {
    const kept = new KeptRows<number>(10_000_000);
    let fail = true;
    const read = () => (fail ? Promise.reject(new Error("connection lost")) : Promise.resolve(rowsOf(1, 10)));
    await expect(kept.get(1, 2, read)).rejects.toThrow("connection lost");
    await settled();
    expect(kept.size).toBe(0);
    fail = false;
    const current = await kept.get(1, 2, read);
    const older = await kept.get(1, 1, read);
    expect(older).not.toBe(current);
    expect(await kept.get(1, 2, read)).toBe(current);
  });
});
