import { describe, expect, it } from "vitest";
import { FiguresCache } from "~/domain/execution/figures-cache.server";

// The figures of a road map are computed once per revision, however many requests ask at the same
// time, and the cache gives its memory back when it holds more than its bound.

/** A computation that finishes when told to, counting how often it was started. */
function gate<T>(value: T) {
  let release: (value: T) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const calls = { count: 0 };
  const compute = () => {
    calls.count += 1;
    return new Promise<T>((resolve, reject) => {
      release = resolve;
      fail = reject;
    });
  };
  return { compute, calls, release: () => release(value), fail: (error: Error) => fail(error) };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("figures cache", () => {
  it("lets concurrent requests for the same figures wait for one computation", async () => {
    const cache = new FiguresCache(1_000_000);
    const figures = gate({ execution: 0.5 });
    const first = cache.get("1:overview", 7, figures.compute);
    const second = cache.get("1:overview", 7, figures.compute);
    await settled();
    figures.release();
    expect(await first).toEqual({ execution: 0.5 });
    expect(await second).toBe(await first);
    expect(figures.calls.count).toBe(1);
    // Later requests at the same revision reuse it; a new revision computes afresh.
    await cache.get("1:overview", 7, figures.compute);
    expect(figures.calls.count).toBe(1);
    const next = cache.get("1:overview", 8, figures.compute);
    await settled();
    figures.release();
    await next;
    expect(figures.calls.count).toBe(2);
  });

  it("does not keep a failed computation: everyone waiting sees the failure, the next request tries again", async () => {
    const cache = new FiguresCache(1_000_000);
    const failing = gate({ execution: 1 });
    const first = cache.get("1:overview", 3, failing.compute);
    const second = cache.get("1:overview", 3, failing.compute);
    await settled();
    failing.fail(new Error("statement timeout"));
    await expect(first).rejects.toThrow("statement timeout");
    await expect(second).rejects.toThrow("statement timeout");
    expect(failing.calls.count).toBe(1);
    await settled();
    expect(cache.size).toBe(0);

    const retry = cache.get("1:overview", 3, () => Promise.resolve({ execution: 0.25 }));
    expect(await retry).toEqual({ execution: 0.25 });
    expect(await cache.get("1:overview", 3, () => Promise.resolve({ execution: 0 }))).toEqual({ execution: 0.25 });
  });

  it("gives memory back: what it holds stays under its bound in bytes, the least recently used leaving first", async () => {
    const page = (n: number) => ({ rows: "x".repeat(1_000), n });
    const cache = new FiguresCache(3_500);
    for (const key of ["a", "b", "c"]) await cache.get(key, 1, () => Promise.resolve(page(1)));
    await settled();
    expect(cache.size).toBe(3);
    // «a» is used again, so «b» is the oldest when «d» comes in.
    await cache.get("a", 1, () => Promise.resolve(page(2)));
    await cache.get("d", 1, () => Promise.resolve(page(1)));
    await settled();
    expect(cache.bytes).toBeLessThanOrEqual(3_500);
    expect(cache.size).toBe(3);
    expect(await cache.get("a", 1, () => Promise.resolve(page(3)))).toEqual(page(1));
    expect(await cache.get("b", 1, () => Promise.resolve(page(3)))).toEqual(page(3));

    // One large value pushes out as many small ones as it needs.
    await cache.get("big", 1, () => Promise.resolve({ rows: "y".repeat(3_000) }));
    await settled();
    expect(cache.bytes).toBeLessThanOrEqual(3_500);
    expect(cache.size).toBe(1);
  });

  it("never lets a request that read an older revision replace newer figures", async () => {
    const cache = new FiguresCache(1_000_000);
    await cache.get("1:overview", 5, () => Promise.resolve("revision 5"));
    expect(await cache.get("1:overview", 4, () => Promise.resolve("revision 4"))).toBe("revision 4");
    expect(await cache.get("1:overview", 5, () => Promise.resolve("again"))).toBe("revision 5");
  });
});
