import type { Page } from "@playwright/test";
import { formatExecution } from "~/i18n/figures";
import { translator } from "~/i18n/i18n";
import { readExpectedFigures } from "./expected";
import { expect, seriousAccessibilityViolations, signIn, test } from "./fixtures";

// The dashboard of the Shymkent road map as of 2024-10-31 («10 months of 2024», what the «Miras»
// council reviewed), against figures the reference calculator computed from the seeded rows.

const expected = readExpectedFigures();
const shymkent = expected.roadMaps.find((roadMap) => /Шымкент/.test(`${roadMap.title.kk} ${roadMap.title.ru}`))!;
const abay = shymkent.territories.find((t) => t.name.kk === "Абай ауданы")!;
const ASOF = "2024-10-31";
const percent = (ratio: number | null) => formatExecution(translator("kk"), "kk", ratio);

function figuresOf(territory: number | null) {
  const rows = shymkent.figures.find((f) => f.asOf === ASOF && f.territory === territory)!.rows;
  return {
    total: rows.find((row) => row.topSectionId === null)!,
    sections: rows.filter((row) => row.topSectionId !== null && row.sectionId === null),
  };
}

async function expectFigures(page: Page, territory: number | null) {
  const { total, sections } = figuresOf(territory);
  await expect(page.getByTestId("total-execution")).toHaveText(percent(total.execution));
  await expect(page.getByTestId("year-execution")).toHaveText(percent(total.yearExecution));
  const table = page.getByTestId("section-table");
  for (const row of sections) {
    const section = shymkent.sections.find((s) => s.id === row.topSectionId)!;
    const line = table
      .getByRole("row")
      .filter({ hasText: `${section.number}. ${section.title.kk}` })
      .first();
    await expect(line).toContainText(percent(row.execution));
  }
}

test("the council member sees the figures of the seeded road map as of 10 months of 2024", async ({ page }) => {
  await signIn(page, "miras.secretary");
  await page.goto(`/roadmaps/${shymkent.id}`);
  await page.getByLabel("Күйі бойынша").fill(ASOF);
  await page.getByRole("button", { name: "Көрсету" }).click();
  await expect(page).toHaveURL(new RegExp(`asOf=${ASOF}`));
  await expect(page.getByTestId("as-of")).toContainText("2024 ж. 31 қазан");
  await expectFigures(page, null);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // A filter narrows every figure and shows in the URL, so a colleague opening the link sees the same.
  const youth = shymkent.sections.find((s) => s.number === "2")!;
  await page
    .getByTestId("section-table")
    .getByRole("link", { name: `2. ${youth.title.kk}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`section=${youth.id}`));
  const youthRow = figuresOf(null).sections.find((row) => row.topSectionId === youth.id)!;
  await expect(page.getByTestId("total-execution")).toHaveText(percent(youthRow.execution));
  const shared = page.url();
  const colleague = await (await page.context().browser()!.newContext()).newPage();
  await signIn(colleague, "abdiakimuly");
  await colleague.goto(shared);
  await expect(colleague.getByTestId("total-execution")).toHaveText(percent(youthRow.execution));

  // Statuses filter the list of measures too.
  await page.goto(`/roadmaps/${shymkent.id}?asOf=${ASOF}&status=behind`);
  const behind = figuresOf(null).total.statusCounts.behind;
  await expect(page.getByTestId("measure-table").getByRole("row")).toHaveCount(behind + 1);
});

test("an akim of one district sees that district's figures only, on the page, in its data and on paper", async ({
  page,
}) => {
  await signIn(page, "akim.abay");
  await page.goto(`/roadmaps/${shymkent.id}?asOf=${ASOF}`);
  await expectFigures(page, abay.id);
  const territories = page.getByTestId("territory-table").getByRole("row");
  await expect(territories).toHaveCount(2); // the header and Abay district's own row
  // The data sent to the browser names no other district.
  const html = await page.content();
  for (const other of shymkent.territories.filter((t) => t.id !== abay.id)) {
    expect(html).not.toContain(other.name.kk!);
  }
  // Another district is out of reach, whatever the URL says.
  const other = shymkent.territories.find((t) => t.id !== abay.id)!;
  const response = await page.goto(`/roadmaps/${shymkent.id}?asOf=${ASOF}&territory=${other.id}`);
  expect(response?.status()).toBe(404);

  await page.goto(`/roadmaps/${shymkent.id}/print?asOf=${ASOF}`);
  await expect(page.getByTestId("total-execution")).toHaveText(percent(figuresOf(abay.id).total.execution));
  const printed = await page.content();
  for (const otherDistrict of shymkent.territories.filter((t) => t.id !== abay.id)) {
    expect(printed).not.toContain(otherDistrict.name.kk!);
  }
});

test("the print view fits A4 and prints the as-of date and the filters", async ({ page }) => {
  await signIn(page, "miras.secretary");
  const youth = shymkent.sections.find((s) => s.number === "2")!;
  // A4 is 210 mm wide: 794 CSS pixels, of which the page's margins leave 703.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: "print" });
  await page.goto(`/roadmaps/${shymkent.id}/print?asOf=${ASOF}&section=${youth.id}`);
  await expect(page.getByText("2024 ж. 31 қазан", { exact: false }).first()).toBeVisible();
  await expect(page.getByTestId("printed-filters")).toContainText(youth.title.kk!);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(794);
  const pdf = await page.pdf({ format: "A4", margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
});
