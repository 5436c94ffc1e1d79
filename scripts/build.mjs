// `npm run build`: the Remix build, then a brotli and a gzip copy of every compressible client file (served
// by server/static-files.mjs without compressing anything at request time), then a hash of the build's
// inputs written beside it. `npm start` runs this with --if-changed: when the inputs hash to what the last
// build recorded and its output is there, it does not build again.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildIsCurrent, inputsHash, precompress, writeInputsHash } from "./build-steps.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

if (process.argv.includes("--if-changed") && buildIsCurrent(root)) {
  console.log("The build is up to date with its sources; not building again (`npm run build` forces it).");
  process.exit(0);
}

const hash = inputsHash(root);
const remix = spawnSync(
  process.execPath,
  [fileURLToPath(import.meta.resolve("@remix-run/dev/dist/cli.js")), "vite:build"],
  {
    cwd: root,
    stdio: "inherit",
  },
);
if (remix.status !== 0) process.exit(remix.status ?? 1);
if (!existsSync(`${root}/build/client`)) {
  console.error("The Remix build wrote no build/client folder.");
  process.exit(1);
}
const written = await precompress(`${root}/build/client`);
console.log(
  `Compressed ${written.files} client files: ${written.from} bytes → brotli ${written.brotli}, gzip ${written.gzip}.`,
);
writeInputsHash(root, hash);
