import type { Browser, Page } from "@playwright/test";
import { formatExecution } from "~/i18n/figures";
import { translator } from "~/i18n/i18n";
import { readExpectedFigures } from "./expected";
import { expect, signIn, test } from "./fixtures";

// A dashboard viewed again is answered from the view cache, before Remix (ADR 20). A kept view is only
// ever shown to a reader with the same roles and scopes: readers of one URL who differ in scope each
// get their own page, in whichever order they come. (A write giving the next view a fresh page is
// progress.spec.ts's overview before and after the quarter's entries, the same URL for the same admin.)

const expected = readExpectedFigures();
const shymkent = expected.roadMaps.find((roadMap) => /Шымкент/.test(`${roadMap.title.kk} ${roadMap.title.ru}`))!;
const abay = shymkent.territories.find((t) => t.name.kk === "Абай ауданы")!;
const ASOF = "2024-10-31";
const url = `/roadmaps/${shymkent.id}?asOf=${ASOF}`;
const percent = (ratio: number | null) => formatExecution(translator("kk"), "kk", ratio);
const totalOf = (territory: number | null) =>
  shymkent.figures
    .find((f) => f.asOf === ASOF && f.territory === territory)!
    .rows.find((row) => row.topSectionId === null)!;

async function asUser(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, login);
  return page;
}

/** The page as its reader gets it, with the answer's validator (the same for the same kept page). */
async function view(page: Page): Promise<string | undefined> {
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  return response?.headers()["etag"];
}

test("readers of one dashboard URL with other scopes never get each other's kept page", async ({ browser }) => {
  const admin = await asUser(browser, "admin");
  const akim = await asUser(browser, "akim.abay");
  const others = shymkent.territories.filter((t) => t.id !== abay.id);

  const adminFirst = await view(admin);
  // Seen again by the same reader: the same kept page.
  expect(await view(admin)).toBe(adminFirst);
  await expect(admin.getByTestId("total-execution")).toHaveText(percent(totalOf(null).execution));

  // The akim of one district asks for the same URL after it: the district's figures, and no other district's name.
  const akimFirst = await view(akim);
  expect(akimFirst).not.toBe(adminFirst);
  expect(await view(akim)).toBe(akimFirst);
  await expect(akim.getByTestId("total-execution")).toHaveText(percent(totalOf(abay.id).execution));
  await expect(akim.getByTestId("territory-table").getByRole("row")).toHaveCount(2);
  const html = await akim.content();
  for (const other of others) expect(html).not.toContain(other.name.kk!);

  // And the admin, coming back after the akim, still has the whole road map.
  expect(await view(admin)).toBe(adminFirst);
  await expect(admin.getByTestId("total-execution")).toHaveText(percent(totalOf(null).execution));
  expect(await admin.content()).toContain(others[0]!.name.kk!);
});

test("a reader whose session ended gets no kept page, but the sign-in", async ({ browser }) => {
  const admin = await asUser(browser, "admin");
  await view(admin);
  await view(admin);
  await admin.context().clearCookies();
  await admin.goto(url);
  await expect(admin).toHaveURL(/\/login\?redirectTo=/);
});
