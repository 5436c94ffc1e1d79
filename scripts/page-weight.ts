// What a page costs the browser: its HTML, the hydration data inside it and the JavaScript it loads.
//   npx tsx scripts/page-weight.ts <base-url> <login> <path> [<path> …]
// Signs in with the demo password (login "-" for none) and, for each path, prints the HTML bytes (and
// gzip -9), the inline hydration data (window.__remixContext and the streamed loader data), and the
// JavaScript the page loads — every /assets/*.js file it names, fetched from the server — gzipped at
// level 9, the largest listed. Run it against a production build (npm run build).
import { gzipSync } from "node:zlib";
import { DEMO_PASSWORD } from "~db/seed";

const [baseUrl = "http://localhost:3000", login = "admin", ...paths] = process.argv.slice(2);
const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

let cookie = "";
if (login !== "-") {
  const response = await fetch(new URL("/login", baseUrl), {
    method: "POST",
    body: new URLSearchParams({ login, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  if (response.status !== 302) throw new Error(`Sign-in answered ${response.status}`);
}

for (const path of paths.length ? paths : ["/"]) {
  const response = await fetch(new URL(path, baseUrl), { headers: { cookie } });
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  const hydration = scripts.filter((text) => text.includes("__remixContext")).join("");
  const files = [...new Set([...html.matchAll(/\/assets\/[^"'\s)]+\.js/g)].map((match) => match[0]))];
  const sizes = (
    await Promise.all(
      files.map(async (file) => {
        const asset = await fetch(new URL(file, baseUrl));
        return { file, bytes: gz(Buffer.from(await asset.arrayBuffer())) };
      }),
    )
  ).sort((a, b) => b.bytes - a.bytes);
  const js = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
  console.log(
    `${path} (${response.status}): HTML ${kB(Buffer.byteLength(html))} (gz ${kB(gz(html))}), hydration ${kB(Buffer.byteLength(hydration))} ` +
      `(gz ${kB(gz(hydration))}), JS ${sizes.length} files ${kB(js)} gz`,
  );
  for (const { file, bytes } of sizes.slice(0, 8)) console.log(`  ${kB(bytes).padStart(9)}  ${file}`);
}
