// The HTTP server: static files (with the compressed copies the build made), then every other request
// through the app's checks (app/http/) to Remix, compressed cheaply unless it comes compressed already (a
// page from the page cache). Settings are checked, the database migrated and (when empty) seeded before it listens.
// With PostgreSQL it runs one worker per core under Node's cluster and restarts a worker that dies;
// the embedded PGlite belongs to one process, so it runs one. SIGTERM drains requests, closes the
// database and exits within 10 s.
import cluster from "node:cluster";
import os from "node:os";
import zlib from "node:zlib";
import { workerHeapFlags } from "./server/worker-heap.mjs";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";

const STOP_WITHIN_MS = 10_000;
const DRAIN_MS = 5_000;
const RESTART_DELAY_MS = 1_000;

const workerCount =
  !dev && process.env.DATABASE_URL ? Number(process.env.WEB_CONCURRENCY) || os.availableParallelism() : 1;

if (cluster.isPrimary && workerCount > 1) supervise(workerCount);
else await serve();

function supervise(count) {
  let stopping = false;
  // Each worker's heap has a ceiling that fits the machine (server/worker-heap.mjs).
  const heapFlags = workerHeapFlags({
    workers: count,
    totalBytes: os.totalmem(),
    env: process.env,
    execArgv: process.execArgv,
  });
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...heapFlags] });
  // glibc gives each thread that allocates its own arena (zlib and brotli run on several); two keep a
  // worker's native memory from growing with every busy moment. Fixed mmap and trim thresholds keep glibc
  // from raising them as blocks are freed (its dynamic threshold reaches 32 MB): large buffers go back to
  // the system when freed, not into a heap that never shrinks (ADR 38: 30 MB less after the benchmark).
  const fork = () => {
    const worker = cluster.fork({
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
      MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? "131072",
      MALLOC_TRIM_THRESHOLD_: process.env.MALLOC_TRIM_THRESHOLD_ ?? "131072",
    });
    worker.once("listening", () => (worker.listened = true));
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that never listened stopped on a bad setting or an unreachable database at start:
    // starting it again would only repeat that.
    if (!worker.listened && code !== 0) {
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill("SIGTERM");
      process.exitCode = code ?? 1;
      return;
    }
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another`);
    setTimeout(fork, RESTART_DELAY_MS);
  });
  for (let index = 0; index < count; index++) fork();
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      setTimeout(() => process.exit(1), STOP_WITHIN_MS).unref();
    });
  }
}

async function serve() {
  // Loaded here, not by the primary of a cluster, which only supervises: it stays small.
  const [{ default: compression }, { default: express }, { default: remixExpress }, { createRequestHandler }] =
    await Promise.all([
      import("compression"),
      import("express"),
      // The adapter's own request and response conversion (exported by its dist/server.js, not its index).
      import("@remix-run/express/dist/server.js"),
      import("@remix-run/node"),
    ]);
  const { staticFiles } = await import("./server/static-files.mjs");
  const { createRemixRequest, sendRemixResponse } = remixExpress;
  // A driver's promise rejected with no one to catch it must not take every request down with it.
  process.on("unhandledRejection", (reason) => console.error("Unhandled rejection:", reason));
  const vite = dev
    ? await import("vite").then((module) => module.createServer({ server: { middlewareMode: true } }))
    : undefined;
  const loadBuild = () => (vite ? vite.ssrLoadModule("virtual:remix/server-build") : import("./build/server/index.js"));

  const build = await loadBuild();
  let settings;
  try {
    settings = await build.entry.module.prepare();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }

  let stopping = false;
  const app = express();
  app.disable("x-powered-by");
  // X-Forwarded-Proto (https) and -For are believed only from a proxy the operator says is there.
  app.set("trust proxy", settings.trustProxy ? "loopback, linklocal, uniquelocal" : false);
  app.use((_request, response, next) => {
    // While stopping, each connection closes after its answer instead of waiting for another request.
    if (stopping) response.set("Connection", "close");
    next();
  });
  const staticHeaders = (response) => {
    response.set("X-Content-Type-Options", "nosniff");
    response.set("X-Frame-Options", "DENY");
  };
  // Browsers ask for /favicon.ico whatever the page declares.
  app.get("/favicon.ico", (_request, response) => {
    staticHeaders(response);
    response.redirect(301, "/favicon.svg");
  });
  if (vite) {
    app.use(vite.middlewares);
  } else {
    app.use(staticFiles("build/client", staticHeaders));
  }
  // Brotli 4 costs about what gzip 6 does and gives ≈ 10 % fewer bytes (docs/decisions/0019).
  app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }, level: 6 }));
  const remix = createRequestHandler(vite ? loadBuild : build, process.env.NODE_ENV);
  app.all("*", async (request, response, next) => {
    try {
      const current = vite ? await loadBuild() : build;
      const answer = await current.entry.module.handle(createRemixRequest(request, response), remix, {
        // Sign-in throttling counts failures per client address.
        clientAddress: request.ip,
      });
      await sendRemixResponse(response, answer);
    } catch (error) {
      next(error);
    }
  });

  const server = app.listen(settings.port, () => {
    if (cluster.isPrimary || cluster.worker?.id === 1)
      console.log(`Oryndau is listening on http://localhost:${settings.port}`);
  });

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), STOP_WITHIN_MS - 500).unref();
    const drained = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    let drainTimer;
    const drainDeadline = new Promise((resolve) => (drainTimer = setTimeout(resolve, DRAIN_MS)));
    await Promise.race([drained, drainDeadline]);
    clearTimeout(drainTimer);
    server.closeAllConnections();
    // PGlite keeps Node alive until it is closed; the PostgreSQL pool is closed with a deadline.
    await build.entry.module.shutdown().catch((error) => console.error(error));
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, stop);
}
