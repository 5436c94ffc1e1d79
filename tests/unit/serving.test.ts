import { once } from "node:events";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chooseEncoding } from "../../server/content-coding.mjs";
import { staticFiles } from "../../server/static-files.mjs";
import { buildIsCurrent, inputsHash, precompress, writeInputsHash } from "../../scripts/build-steps.mjs";
import { bodyOf, inlineScriptHashes, keepable, matchesTag, PageCache } from "~/http/page-cache.server";
import { importIconsPerFile } from "../../vite/icons-per-file";

describe("content negotiation", () => {
  test("brotli first when both are accepted, gzip when brotli is refused or weighs less", () => {
    expect(chooseEncoding("gzip, deflate, br", ["br", "gzip"])).toBe("br");
    expect(chooseEncoding("gzip, deflate, br;q=0", ["br", "gzip"])).toBe("gzip");
    expect(chooseEncoding("br;q=0.5, gzip", ["br", "gzip"])).toBe("gzip");
    expect(chooseEncoding("*", ["br", "gzip"])).toBe("br");
  });

  test("no header, identity only, or every coding refused: the answer is not coded", () => {
    expect(chooseEncoding(undefined, ["br", "gzip"])).toBe("identity");
    expect(chooseEncoding("identity", ["br", "gzip"])).toBe("identity");
    expect(chooseEncoding("br;q=0, gzip;q=0", ["br", "gzip"])).toBe("identity");
    expect(chooseEncoding("gzip, deflate, br", [])).toBe("identity");
  });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(port: number, urlPath: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ port, path: urlPath, headers, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

describe("static files of a build, served by a real server", () => {
  const script = `export const words = ${JSON.stringify("Жол картасы ".repeat(400))};\n`;
  let port = 0;
  let close: () => void = () => {};
  let client = "";

  beforeAll(async () => {
    client = mkdtempSync(path.join(tmpdir(), "oryndau-static-"));
    mkdirSync(path.join(client, "assets"));
    writeFileSync(path.join(client, "assets/root-AbC123.js"), script);
    writeFileSync(path.join(client, "assets/tiny-X1.js"), "export {};\n");
    writeFileSync(
      path.join(client, "favicon.svg"),
      `<svg xmlns="http://www.w3.org/2000/svg">${" ".repeat(2000)}</svg>`,
    );
    await precompress(client);
    const app = express();
    app.use(staticFiles(client, (response) => response.set("X-Content-Type-Options", "nosniff")));
    app.use((_request, response) => response.status(404).send("not here"));
    const server = app.listen(0);
    await once(server, "listening");
    port = (server.address() as AddressInfo).port;
    close = () => server.close();
  });
  afterAll(() => close());

  test("the build wrote brotli and gzip copies that unpack to the file, and none for a tiny file", () => {
    const original = readFileSync(path.join(client, "assets/root-AbC123.js"));
    expect(zlib.brotliDecompressSync(readFileSync(path.join(client, "assets/root-AbC123.js.br")))).toEqual(original);
    expect(zlib.gunzipSync(readFileSync(path.join(client, "assets/root-AbC123.js.gz")))).toEqual(original);
    expect(() => readFileSync(path.join(client, "assets/tiny-X1.js.br"))).toThrow();
  });

  test("a browser gets the brotli copy, typed, sized and cached for a year", async () => {
    const answer = await get(port, "/assets/root-AbC123.js", { "Accept-Encoding": "gzip, deflate, br" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(answer.headers["content-length"]).toBe(String(answer.body.length));
    expect(answer.headers["vary"]).toBe("Accept-Encoding");
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(script);
  });

  test("gzip when brotli is refused, the plain file when both are", async () => {
    const gzipped = await get(port, "/assets/root-AbC123.js", { "Accept-Encoding": "gzip, br;q=0" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(script);
    const plain = await get(port, "/assets/root-AbC123.js", { "Accept-Encoding": "br;q=0, gzip;q=0" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers["content-length"]).toBe(String(Buffer.byteLength(script)));
  });

  test("each coding has its own ETag, and a matching If-None-Match gets 304 without a body", async () => {
    const br = await get(port, "/assets/root-AbC123.js", { "Accept-Encoding": "br" });
    const plain = await get(port, "/assets/root-AbC123.js");
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const again = await get(port, "/assets/root-AbC123.js", {
      "Accept-Encoding": "br",
      "If-None-Match": br.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const other = await get(port, "/assets/root-AbC123.js", { "If-None-Match": br.headers.etag! });
    expect(other.status).toBe(200);
  });

  test("files outside /assets are cached briefly; HEAD has the headers only; the rest passes on", async () => {
    const icon = await get(port, "/favicon.svg", { "Accept-Encoding": "br" });
    expect(icon.headers["cache-control"]).toBe("public, max-age=3600");
    expect(icon.headers["content-type"]).toBe("image/svg+xml");
    const head = await get(port, "/assets/root-AbC123.js", { "Accept-Encoding": "br" }, "HEAD");
    const full = await get(port, "/assets/root-AbC123.js", { "Accept-Encoding": "br" });
    expect(head.headers["content-length"]).toBe(full.headers["content-length"]);
    expect(head.body.length).toBe(0);
    expect((await get(port, "/assets/missing.js")).status).toBe(404);
    expect((await get(port, "/assets/root-AbC123.js.br")).status).toBe(404);
  });
});

describe("the page cache", () => {
  const page = (text: string) =>
    keepable(Buffer.from(`<html><script nonce="">${text}</script><script src="/a.js"></script></html>`), text);

  test("holds no more bytes than its budget, dropping the least recently used page", async () => {
    const pages = await Promise.all(
      Array.from({ length: 40 }, (_, index) => page(`page ${index} ${"x".repeat(index)}`)),
    );
    const budget = 12 * 1024;
    const cache = new PageCache(budget);
    pages.forEach((kept, index) => {
      cache.set(`key ${index}`, kept);
      cache.get("key 0");
      expect(cache.bytes).toBeLessThanOrEqual(budget);
    });
    expect(cache.get("key 0")).toBeDefined();
    expect(cache.get("key 1")).toBeUndefined();
    expect(cache.get("key 39")).toBeDefined();
    expect(cache.size).toBeLessThan(40);
  });

  test("a page bigger than an eighth of the budget is not kept; a gzip copy made later is counted", async () => {
    const big = await keepable(Buffer.from(`<p>${Math.random().toString(36).repeat(2000)}</p>`), "big");
    const cache = new PageCache(big.brotli.length * 4);
    cache.set("big", big);
    expect(cache.size).toBe(0);

    const kept = await page("small");
    const roomy = new PageCache(1024 * 1024);
    roomy.set("small", kept);
    const before = roomy.bytes;
    const gzipped = await bodyOf(roomy, "small", kept, "gzip");
    expect(zlib.gunzipSync(gzipped).toString()).toContain("small");
    expect(roomy.bytes).toBe(before + gzipped.length);
    expect((await bodyOf(roomy, "small", kept, "identity")).toString()).toContain('<script nonce="">small</script>');
  });

  test("the policy lists the hash of every inline script and of nothing else", () => {
    const hashes = inlineScriptHashes(
      `<script nonce="">window.a = 1;</script><script type="module" async="">import "/x.js";</script><script src="/y.js"></script>`,
    );
    expect(hashes).toEqual([
      "'sha256-" + createHash("sha256").update("window.a = 1;").digest("base64") + "'",
      "'sha256-" + createHash("sha256").update('import "/x.js";').digest("base64") + "'",
    ]);
  });

  test("If-None-Match matches the tag, weak or in a list, and nothing else", () => {
    expect(matchesTag('"abc-br"', '"abc-br"')).toBe(true);
    expect(matchesTag('W/"abc-br", "x"', '"abc-br"')).toBe(true);
    expect(matchesTag('"abc"', '"abc-br"')).toBe(false);
    expect(matchesTag(null, '"abc"')).toBe(false);
  });
});

describe("npm start builds only when the sources changed", () => {
  const project = () => {
    const root = mkdtempSync(path.join(tmpdir(), "oryndau-build-"));
    for (const folder of ["app", "db", "public", "build/server", "build/client/assets"])
      mkdirSync(path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, "app/root.tsx"), "export default 1;\n");
    writeFileSync(path.join(root, "package-lock.json"), "{}\n");
    writeFileSync(path.join(root, "build/server/index.js"), "export {};\n");
    return root;
  };

  test("a recorded build of the same inputs is current; an edit, a new file or a new lock file is not", () => {
    const root = project();
    expect(buildIsCurrent(root)).toBe(false);
    writeInputsHash(root, inputsHash(root));
    expect(buildIsCurrent(root)).toBe(true);
    writeFileSync(path.join(root, "app/root.tsx"), "export default 2;\n");
    expect(buildIsCurrent(root)).toBe(false);
    writeInputsHash(root, inputsHash(root));
    writeFileSync(path.join(root, "db/new.ts"), "export {};\n");
    expect(buildIsCurrent(root)).toBe(false);
    writeInputsHash(root, inputsHash(root));
    writeFileSync(path.join(root, "package-lock.json"), '{"lockfileVersion":3}\n');
    expect(buildIsCurrent(root)).toBe(false);
  });

  test("a build whose output is missing is not current, whatever it recorded", () => {
    const root = project();
    writeInputsHash(root, inputsHash(root));
    writeFileSync(path.join(root, "build/server/index.js"), "");
    expect(buildIsCurrent(root)).toBe(true);
    rmSync(path.join(root, "build/server/index.js"));
    expect(buildIsCurrent(root)).toBe(false);
  });
});

test("icons are imported from their own modules, other imports of the package are left alone", () => {
  expect(importIconsPerFile('import { IconX, IconCheck as Check } from "@tabler/icons-react";\nuse(IconX);')).toBe(
    'import IconX from "@tabler/icons-react/dist/esm/icons/IconX.mjs";\n' +
      'import Check from "@tabler/icons-react/dist/esm/icons/IconCheck.mjs";\nuse(IconX);',
  );
  expect(importIconsPerFile('import { IconX, createReactComponent } from "@tabler/icons-react";')).toBeNull();
  expect(importIconsPerFile('import { Button } from "@mantine/core";')).toBeNull();
});
