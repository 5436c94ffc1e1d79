import type { Page } from "@playwright/test";
import { readExpectedFigures } from "./expected";
import { expect, signIn, test } from "./fixtures";

// Paper and projector: the print views fit A4 with every column whole, the projector's chart labels
// are never cut, status marks are drawn (not emoji), and the slides keep clear of their controls and
// page without JavaScript.

const expected = readExpectedFigures();
const shymkent = expected.roadMaps.find((roadMap) => /Шымкент/.test(`${roadMap.title.kk} ${roadMap.title.ru}`))!;
// A4 is 210 mm wide; the print style's 12 mm margins leave 186 mm: 703 CSS pixels to print on.
const A4_CONTENT_WIDTH = 703;
const LANGUAGES = { kk: "Қазақша", ru: "Русский" } as const;

/** The first link on the page to `/<area>/<id>`, by id: the seeded record comes before those tests add. */
async function firstRecord(page: Page, area: string): Promise<string> {
  const hrefs = await page
    .locator(`a[href^='/${area}/']`)
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const records = hrefs.filter((href) => new RegExp(`^/${area}/\\d+$`).test(href));
  return records.sort((a, b) => Number(a.split("/")[2]) - Number(b.split("/")[2]))[0]!;
}

/** The seeded meeting of the «Miras» council (the first one it held). */
async function seededMeeting(page: Page): Promise<string> {
  await page.goto("/councils");
  await page.goto(await firstRecord(page, "councils"));
  return firstRecord(page, "meetings");
}

/** What sticks out of the printed width: elements past its right edge, tables wider than their box. */
function outOfPaper(page: Page) {
  return page.evaluate((width) => {
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} «${(element.textContent ?? "").trim().slice(0, 40)}»`;
    const beyond = [...document.querySelectorAll(".print-page *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => `beyond the page: ${name(element)}`);
    const cut = [...document.querySelectorAll(".print-page table, .print-page .table-scroll")]
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => `wider than its box: ${name(element)}`);
    return [...beyond, ...cut];
  }, A4_CONTENT_WIDTH);
}

for (const [locale, language] of Object.entries(LANGUAGES)) {
  test(`the print views fit A4 in ${locale}: no column cut off, marks drawn as icons`, async ({ page }) => {
    await signIn(page, "miras.secretary");
    await page.getByRole("button", { name: language, exact: true }).click();
    const meeting = await seededMeeting(page);
    await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1000 });
    await page.emulateMedia({ media: "print" });
    for (const path of [`/roadmaps/${shymkent.id}/print?asOf=2024-10-31`, `${meeting}/protocol`]) {
      await page.goto(path);
      expect(await outOfPaper(page), path).toEqual([]);
      // The deadline column, the rightmost, is on the paper.
      if (path.includes("/print")) {
        const deadline = page.locator(".print-page td.date").first();
        await expect(deadline).toBeVisible();
        const box = (await deadline.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
        await expect(page.locator(".status-mark svg").first()).toBeVisible();
        expect(await page.locator(".print-page").textContent()).not.toMatch(/\p{Extended_Pictographic}/u);
      }
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    }
  });
}

test("the projector's chart keeps its axis labels whole, on a wall and on a phone", async ({ page }) => {
  await signIn(page, "miras.secretary");
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/roadmaps/${shymkent.id}?large=1&asOf=2024-10-31`);
    const cut = await page.locator(".chart").evaluateAll((charts) =>
      charts.flatMap((chart) => {
        const box = chart.getBoundingClientRect();
        return [...chart.querySelectorAll("svg text")]
          .filter((text) => {
            const r = text.getBoundingClientRect();
            return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
          })
          .map((text) => text.textContent);
      }),
    );
    expect(cut, `at ${width} px`).toEqual([]);
    await expect(page.locator(".chart svg text", { hasText: /^100\s?%$/ }).first()).toBeVisible();
  }
});

test("the slides keep clear of their controls on a phone and page with links when JavaScript is off", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 700 } });
  const page = await context.newPage();
  await signIn(page, "miras.secretary");
  await page.goto(`${await seededMeeting(page)}/present`);
  const counter = page.getByTestId("slide-counter");
  await expect(counter).toHaveText(/^1 \/ \d+$/);
  const total = Number((await counter.textContent())!.split("/")[1]);
  for (let slide = 1; slide < Math.min(total, 4); slide++) {
    const slideBox = (await page.getByTestId("slide").boundingBox())!;
    const controls = (await page.locator(".presentation-controls").boundingBox())!;
    expect(slideBox.y + slideBox.height, `slide ${slide}`).toBeLessThanOrEqual(controls.y + 0.5);
    await page.getByRole("link", { name: /Келесі|Следующий|Next/ }).click();
    await expect(counter).toHaveText(`${slide + 1} / ${total}`);
    await expect(page).toHaveURL(new RegExp(`slide=${slide + 1}$`));
  }
  await page.getByRole("link", { name: /Алдыңғы|Предыдущий|Previous/ }).click();
  await expect(counter).toHaveText(`${Math.min(total, 4) - 1} / ${total}`);
  await context.close();
});
