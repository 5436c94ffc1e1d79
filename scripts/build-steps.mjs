// The steps of scripts/build.mjs that tests call on their own: the compressed copies of the client files,
// and the hash of the build's inputs that tells `npm start` whether it must build again.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats compress; images and fonts of these days are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|map|txt|html|xml|wasm)$/i;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes FILE.br (brotli, best quality) and FILE.gz (gzip -9) beside each compressible file under `folder`,
 * unless the copy would not be smaller. Compression runs on libuv's thread pool, several files at a time.
 * @param {string} folder
 */
export async function precompress(folder) {
  const files = listFiles(folder).filter((file) => COMPRESSIBLE.test(file));
  const totals = { files: 0, from: 0, brotli: 0, gzip: 0 };
  await Promise.all(
    files.map(async (file) => {
      const content = await readFile(file);
      if (content.length < MIN_BYTES) return;
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      totals.files++;
      totals.from += content.length;
      if (br.length < content.length) {
        await writeFile(`${file}.br`, br);
        totals.brotli += br.length;
      }
      if (gz.length < content.length) {
        await writeFile(`${file}.gz`, gz);
        totals.gzip += gz.length;
      }
    }),
  );
  return totals;
}

/** What the build reads: change any of them and the build may differ. */
export const BUILD_INPUTS = [
  "app",
  "db",
  "public",
  "patches",
  "vite",
  "vite.config.ts",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
  "scripts/build.mjs",
  "scripts/build-steps.mjs",
];
/** Where the hash of the inputs of the build in `build/` is kept. */
export const INPUTS_HASH_FILE = "build/inputs.sha256";

/**
 * One hash over the paths and contents of every build input under `root` (contents, not times: a fresh
 * clone's files are all new but build the same). A missing input counts as part of the state.
 * @param {string} root
 */
export function inputsHash(root) {
  const hash = createHash("sha256");
  hash.update(`node ${process.versions.node.split(".")[0]}\n`);
  for (const input of BUILD_INPUTS) {
    const full = path.join(root, input);
    if (!existsSync(full)) {
      hash.update(`missing ${input}\n`);
      continue;
    }
    const files = listFiles(full).sort();
    for (const file of files) {
      hash.update(`${path.relative(root, file).split(path.sep).join("/")}\n`);
      hash.update(readFileSync(file));
      hash.update("\n");
    }
  }
  return hash.digest("hex");
}

/** True when `build/` holds a complete build of exactly the current inputs. */
export function buildIsCurrent(root) {
  const recorded = path.join(root, INPUTS_HASH_FILE);
  if (!existsSync(recorded) || !existsSync(path.join(root, "build/server/index.js"))) return false;
  if (!existsSync(path.join(root, "build/client/assets"))) return false;
  return readFileSync(recorded, "utf8").trim() === inputsHash(root);
}

/**
 * Recorded last, once everything else is written: a build stopped half way is never taken as current.
 * The hash is the one taken before building, so a source edited during the build is built next time.
 * @param {string} root
 * @param {string} hash
 */
export function writeInputsHash(root, hash) {
  writeFileSync(path.join(root, INPUTS_HASH_FILE), `${hash}\n`);
}

/** Every file under `target` (or `target` itself when it is a file). */
function listFiles(target) {
  let entries;
  try {
    entries = readdirSync(target, { withFileTypes: true });
  } catch (error) {
    if (error.code === "ENOTDIR") return [target];
    throw error;
  }
  return entries.flatMap((entry) => {
    const full = path.join(target, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}
