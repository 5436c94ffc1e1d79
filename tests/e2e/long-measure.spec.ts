import { expect, request as playwrightRequest, test } from "@playwright/test";
import { DEMO_PASSWORD } from "~db/seed";

// A measure with 2 500 entries: its page shows the newest entries and history a page at a time and
// stays small; older pages are links (no JavaScript needed). The entries are saved through the
// department's own quarter form, 500 rows a submit, each confirmed as the form asks for such figures.

const ENTRIES = 2_500;
const ROWS_PER_SUBMIT = 500;
const MAX_HTML_BYTES = 200 * 1024;

test("a measure with 2 500 entries renders its newest ones in under 200 KB, with links to the rest", async ({
  baseURL,
}) => {
  test.setTimeout(300_000);
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
  const login = await context.post("/login", {
    form: { login: "zhumakulova", password: DEMO_PASSWORD, redirectTo: "/my" },
    maxRedirects: 0,
  });
  expect(login.status()).toBe(302);

  const form = await (await context.get("/my")).text();
  const measureId = form.match(/name="rows\[0\]\.measureId" value="(\d+)"/)?.[1];
  const territoryId =
    form.match(/name="rows\[0\]\.territoryId"[^>]*>\s*<option value="(\d+)"/)?.[1] ??
    form.match(/name="rows\[0\]\.territoryId" value="(\d+)"/)?.[1];
  const entryDate =
    form.match(/name="rows\[0\]\.entryDate"[^>]*value="([\d-]+)"/)?.[1] ??
    form.match(/value="([\d-]{10})"[^>]*name="rows\[0\]\.entryDate"/)?.[1];
  expect({ measureId, territoryId, entryDate }, "the quarter form's first row").toEqual({
    measureId: expect.stringMatching(/^\d+$/),
    territoryId: expect.stringMatching(/^\d+$/),
    entryDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });

  // Values 1, 2, … in the order saved: the newest entry has the largest.
  for (let first = 0; first < ENTRIES; first += ROWS_PER_SUBMIT) {
    // Each save moves the road map's revision, so each submit sends the key of the page as it is now.
    const submissionKey = (await (await context.get("/my")).text()).match(/name="submissionKey" value="([^"]+)"/)?.[1];
    expect(submissionKey, "the quarter form's submission key").toBeTruthy();
    const body = new URLSearchParams({ intent: "save-quarter", submissionKey: submissionKey! });
    for (let row = 0; row < ROWS_PER_SUBMIT; row += 1) {
      body.set(`rows[${row}].measureId`, measureId!);
      body.set(`rows[${row}].territoryId`, territoryId!);
      body.set(`rows[${row}].entryDate`, entryDate!);
      const value = String(1_000_000 + first + row + 1);
      body.set(`rows[${row}].value`, value);
      // Far past 3× the quarter's plan: confirmed as the form would ask.
      body.set(`rows[${row}].confirmedValue`, value);
    }
    const saved = await context.post("/my", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      data: body.toString(),
      maxRedirects: 0,
    });
    expect(saved.status(), `rows ${first + 1}–${first + ROWS_PER_SUBMIT} saved`).toBe(302);
  }

  const page = await context.get(`/measures/${measureId}`);
  expect(page.status()).toBe(200);
  const html = await page.body();
  expect(html.length, "bytes of the measure page's HTML").toBeLessThan(MAX_HTML_BYTES);
  const text = html.toString("utf8");
  // Numbers are printed in the reader's format (kk: «1 002 500»); the newest is on the first page, the oldest not.
  const printed = (value: number) =>
    new RegExp(String(value).replace(/\B(?=(\d{3})+(?!\d))/g, "[\\s\\u00a0\\u202f,.]?"));
  expect(text).toMatch(printed(1_000_000 + ENTRIES));
  expect(text).not.toMatch(printed(1_000_001));
  const older = text.match(/href="([^"]*entriesPage=2[^"]*)"/)?.[1]?.replace(/&amp;/g, "&");
  expect(older, "a link to older entries").toBeTruthy();
  expect(text, "a link to older history").toMatch(/href="[^"]*historyPage=2/);

  // The link works without JavaScript: the next page holds the next entries.
  const next = (await (await context.get(older!)).body()).toString("utf8");
  const entries = next.slice(next.indexOf('id="entries"'), next.indexOf('id="history"'));
  expect(entries).toMatch(printed(1_000_000 + ENTRIES - 10));
  expect(entries).not.toMatch(printed(1_000_000 + ENTRIES));
  await context.dispose();
});
