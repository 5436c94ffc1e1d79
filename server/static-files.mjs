// Static files of the build (build/client), served from memory with the brotli and gzip copies the build
// wrote beside them (scripts/build.mjs): nothing here is compressed while a request waits. Hashed files
// under /assets/ never change under their name and are cached for a year; the rest (favicon) briefly.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chooseEncoding } from "./content-coding.mjs";

const TYPES = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
};
const IMMUTABLE = "public, max-age=31536000, immutable";
const SHORT = "public, max-age=3600";
/** The copies the build writes, in the order they are preferred when the client accepts both. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
];

/**
 * @param {string} root the build's client folder
 * @returns {Map<string, { file: string; type: string; cacheControl: string; encodings: string[] }>}
 */
function indexFiles(root) {
  const files = new Map();
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(full, true);
    }
  };
  walk(root);
  const index = new Map();
  for (const file of files.keys()) {
    if (ENCODINGS.some(({ suffix }) => file.endsWith(suffix))) continue;
    const urlPath = "/" + path.relative(root, file).split(path.sep).join("/");
    index.set(urlPath, {
      file,
      type: TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      cacheControl: urlPath.startsWith("/assets/") ? IMMUTABLE : SHORT,
      encodings: ENCODINGS.filter(({ suffix }) => files.has(file + suffix)).map(({ name }) => name),
    });
  }
  return index;
}

/**
 * Express middleware serving the files under `root`. Each file is read once, on its first request, with
 * its compressed copies; they are what the build made, so they stay as small as the build is.
 * @param {string} root
 * @param {(response: import("express").Response) => void} setHeaders headers every response carries
 */
export function staticFiles(root, setHeaders) {
  const index = indexFiles(root);
  /** @type {Map<string, { bodies: Map<string, Buffer>; etag: string }>} */
  const loaded = new Map();
  const load = (urlPath, entry) => {
    let files = loaded.get(urlPath);
    if (!files) {
      const identity = readFileSync(entry.file);
      const bodies = new Map([["identity", identity]]);
      for (const coding of entry.encodings) {
        const suffix = ENCODINGS.find(({ name }) => name === coding).suffix;
        bodies.set(coding, readFileSync(entry.file + suffix));
      }
      files = { bodies, etag: createHash("sha256").update(identity).digest("base64url").slice(0, 27) };
      loaded.set(urlPath, files);
    }
    return files;
  };

  return (request, response, next) => {
    if (request.method !== "GET" && request.method !== "HEAD") return next();
    let urlPath;
    try {
      urlPath = decodeURIComponent(request.path);
    } catch {
      return next();
    }
    const entry = index.get(urlPath);
    if (!entry) return next();
    const { bodies, etag } = load(urlPath, entry);
    const coding = chooseEncoding(request.headers["accept-encoding"], entry.encodings);
    setHeaders(response);
    response.setHeader("Cache-Control", entry.cacheControl);
    if (entry.encodings.length > 0) response.setHeader("Vary", "Accept-Encoding");
    // Each coding is a representation of its own, with its own validator.
    const tag = coding === "identity" ? `"${etag}"` : `"${etag}-${coding}"`;
    response.setHeader("ETag", tag);
    response.setHeader("Content-Type", entry.type);
    if (coding !== "identity") response.setHeader("Content-Encoding", coding);
    const match = request.headers["if-none-match"];
    if (match && match.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === tag)) {
      response.statusCode = 304;
      return response.end();
    }
    const body = bodies.get(coding);
    response.setHeader("Content-Length", body.length);
    response.statusCode = 200;
    response.end(request.method === "HEAD" ? undefined : body);
  };
}
