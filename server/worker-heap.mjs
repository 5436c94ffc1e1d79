// The V8 heap of each worker of the cluster (docs/decisions/0022). V8 sizes a heap as if its process
// were alone on the machine: under load each worker's old generation grew to 130–190 MB, most of it
// garbage not yet collected, and kept it; its young generation takes 32 MB whatever the load. With a
// ceiling V8 collects sooner (the factor by which it lets the old generation grow between collections
// shrinks with the ceiling), and a young generation of 2 × 8 MB is scavenged twice as often.

// 320 MB: the largest one-request job, the import workbook of a 5 000-measure road map, keeps ≈ 180 MB live
// while it is built, over the ≈ 50 MB of the app's modules and up to 32 MB of cached figures; it died «out
// of memory» at 160. The DOCX report, which once needed more than 384 MB, keeps under 60 MB since its rows
// are written as text (docs/decisions/0036). A lower ceiling saved no RSS after the 64-connection run
// (462 MB at 256 and at 160 against 467 at 320) and cost CPU in collections.
export const DEFAULT_WORKER_HEAP_MB = 320;
/** Below this the app's own code, its caches and a few requests in flight no longer fit. */
export const MIN_WORKER_HEAP_MB = 96;
export const SEMI_SPACE_MB = 8;

/**
 * The flags a worker starts with: `WORKER_HEAP_MB` (320 MB) of old generation, never more than half of the
 * machine's memory shared by the workers, and semi-spaces of 8 MB. A size the operator gives
 * (NODE_OPTIONS or node's own flags) wins.
 * @param {{ workers: number, totalBytes: number, env: Record<string, string | undefined>, execArgv: string[] }} machine
 * @returns {string[]}
 */
export function workerHeapFlags({ workers, totalBytes, env, execArgv }) {
  const given = `${env.NODE_OPTIONS ?? ""} ${execArgv.join(" ")}`;
  const flags = [];
  if (!/--max-old-space-size/.test(given)) {
    const fitting = Math.floor(totalBytes / 2 / 2 ** 20 / workers);
    const wanted = Number(env.WORKER_HEAP_MB) || DEFAULT_WORKER_HEAP_MB;
    flags.push(`--max-old-space-size=${Math.max(MIN_WORKER_HEAP_MB, Math.min(wanted, fitting))}`);
  }
  if (!/--max-semi-space-size/.test(given)) flags.push(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  return flags;
}
