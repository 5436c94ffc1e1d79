import { describe, expect, it } from "vitest";
import { workerHeapFlags } from "../../server/worker-heap.mjs";

// Each worker of the cluster starts with a heap that fits the machine, so that the workers together
// stay within the server's memory after a busy hour (docs/decisions/0022).

const GiB = 2 ** 30;
const machine = (overrides: Partial<Parameters<typeof workerHeapFlags>[0]> = {}) => ({
  workers: 2,
  totalBytes: 24 * GiB,
  env: {},
  execArgv: [],
  ...overrides,
});
const oldSpace = (flags: string[]) => flags.find((flag) => flag.startsWith("--max-old-space-size="));

describe("a worker's heap", () => {
  it("has 320 MB of old generation by default, or what WORKER_HEAP_MB says, and 8 MB semi-spaces", () => {
    expect(workerHeapFlags(machine())).toEqual(["--max-old-space-size=320", "--max-semi-space-size=8"]);
    expect(oldSpace(workerHeapFlags(machine({ env: { WORKER_HEAP_MB: "256" } })))).toBe("--max-old-space-size=256");
  });

  it("never takes more than half of a small machine's memory shared by its workers", () => {
    expect(oldSpace(workerHeapFlags(machine({ workers: 8, totalBytes: 2 * GiB })))).toBe("--max-old-space-size=128");
    // Nor so little that the app's own code does not fit.
    expect(oldSpace(workerHeapFlags(machine({ workers: 16, totalBytes: 1 * GiB })))).toBe("--max-old-space-size=96");
  });

  it("is left as the operator sizes it", () => {
    expect(workerHeapFlags(machine({ env: { NODE_OPTIONS: "--max-old-space-size=1024" } }))).toEqual([
      "--max-semi-space-size=8",
    ]);
    expect(workerHeapFlags(machine({ execArgv: ["--max-old-space-size=512", "--max-semi-space-size=16"] }))).toEqual(
      [],
    );
  });
});
