import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./tests/e2e/chromium";
import { e2eMailDir, e2ePort, e2eSmtpPort } from "./tests/e2e/mail-settings";

const port = e2ePort();
const dataDir = process.env.E2E_DATA_DIR ?? "./data/e2e";
const MUTATING = /(fuzz|long-measure|large-department)\.spec\.ts$/;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    // Chromium sends Accept-Language from this: a Kazakh browser, as most users here have.
    locale: "kk-KZ",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath() ?? undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: MUTATING },
    // Tests that pile data into the shared demo database run after every other one, so that nothing
    // they leave changes what the others see: a measure with thousands of entries, a department of 500
    // measures, then the fuzz test (whose failed sign-ins may slow further ones). `--no-deps` runs one of them alone.
    { name: "long-pages", testMatch: /long-measure\.spec\.ts$/, dependencies: ["chromium"] },
    // A department of 500 measures imported into the Shymkent road map: after every test that reads it.
    { name: "large-department", testMatch: /large-department\.spec\.ts$/, dependencies: ["long-pages"] },
    { name: "hostile-input", testMatch: /fuzz\.spec\.ts$/, dependencies: ["large-department"] },
  ],
  webServer: [
    // A real SMTP server the app sends to; each mail lands as a file the tests read (tests/e2e/mailbox.ts).
    {
      command: "npx tsx tests/e2e/mail-sink.ts",
      port: e2eSmtpPort(),
      reuseExistingServer: false,
      timeout: 60_000,
      env: { SMTP_PORT: String(e2eSmtpPort()), MAIL_DIR: e2eMailDir() },
    },
    {
      // A fresh demo database for the run: seeded, and the expected figures computed from it, before the server starts.
      command: `npx tsx tests/e2e/prepare.ts && node server.mjs`,
      url: `http://localhost:${port}/login`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        PORT: String(port),
        DATA_DIR: dataDir,
        NODE_ENV: "production",
        SEED_DEMO_DATA: "true",
        SMTP_URL: `smtp://127.0.0.1:${e2eSmtpPort()}`,
        MAIL_FROM: "Oryndau <no-reply@oryndau.test>",
      },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
