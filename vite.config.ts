import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { iconsPerFile } from "./vite/icons-per-file";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const alias = {
  "~db": fileURLToPath(new URL("./db", import.meta.url)),
  "~": fileURLToPath(new URL("./app", import.meta.url)),
};

export default defineConfig(({ mode }) => ({
  resolve: { alias },
  server: { port: 3000 },
  // Sizes are not gzipped a second time just to be printed: scripts/build.mjs writes the real copies.
  build: { reportCompressedSize: false },
  ssr: {
    // PGlite ships WASM and data files it loads relative to its own module.
    external: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
    // Bundled, so that the server draws charts with the same (ES) build of recharts and d3 as the
    // browser; Node would load the CommonJS build, whose paths round differently.
    noExternal: ["recharts", "victory-vendor"],
  },
  plugins:
    mode === "test"
      ? []
      : [
          iconsPerFile(),
          remix({
            future: {
              v3_fetcherPersist: true,
              v3_relativeSplatPath: true,
              v3_throwAbortReason: true,
              v3_singleFetch: true,
              v3_lazyRouteDiscovery: true,
            },
          }),
        ],
}));
