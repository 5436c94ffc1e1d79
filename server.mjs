// The HTTP server: static files, then every other request to Remix. Settings are checked, the
// database migrated and (when empty) seeded before it listens; SIGTERM closes the database cleanly.
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";

const vite = dev
  ? await import("vite").then((module) => module.createServer({ server: { middlewareMode: true } }))
  : undefined;
const loadBuild = () => (vite ? vite.ssrLoadModule("virtual:remix/server-build") : import("./build/server/index.js"));

const build = await loadBuild();
let port;
try {
  ({ port } = await build.entry.module.prepare());
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", "loopback, linklocal, uniquelocal");
app.use(compression());
// Browsers ask for /favicon.ico whatever the page declares.
app.get("/favicon.ico", (_request, response) => response.redirect(301, "/favicon.svg"));
if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}
app.all(
  "*",
  createRequestHandler({
    build: vite ? loadBuild : build,
    mode: process.env.NODE_ENV,
    // Sign-in throttling counts failures per client address.
    getLoadContext: (request) => ({ clientAddress: request.ip }),
  }),
);

const server = app.listen(port, () => {
  console.log(`Oryndau is listening on http://localhost:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close();
    // PGlite keeps Node alive until it is closed.
    build.entry.module.shutdown().finally(() => process.exit(0));
  });
}
