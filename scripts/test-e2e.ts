// Runs the browser tests when a Chromium is installed. Without one they are skipped with a plain
// message, unless REQUIRE_BROWSER_TESTS is set (as in CI), where a missing browser fails the run.
import { spawnSync } from "node:child_process";
import { chromiumPath } from "../tests/e2e/chromium";

if (!chromiumPath()) {
  const message =
    "Browser tests were NOT run: no Chromium was found. Install it (Debian: `apt-get install chromium`) " +
    "or set CHROMIUM_PATH, then run `npm run test:e2e`.";
  if (process.env.REQUIRE_BROWSER_TESTS) {
    console.error(`${message} REQUIRE_BROWSER_TESTS is set, so this fails the run.`);
    process.exit(1);
  }
  console.warn(message);
  process.exit(0);
}
const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
