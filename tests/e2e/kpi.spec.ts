import type { Browser, Page } from "@playwright/test";
import { periodParamOf } from "~/components/kpi/period-label";
import { previousPeriod } from "~/domain/kpi/scoring";
import { readExpectedFigures } from "./expected";
import { expect, seriousAccessibilityViolations, signIn, test } from "./fixtures";

// The Karaganda youth-policy KPI: the ranking the seed gives (worked out by the reference calculator
// in prepare.ts), and the akim of Temirtau entering an actual.

const { kpi } = readExpectedFigures();
const period = periodParamOf(kpi.period);
const lockedPeriod = periodParamOf(previousPeriod(kpi.period));
const temirtau = kpi.ranking.find((row) => row.name.en === "Temirtau")!;
const saran = kpi.ranking.find((row) => row.name.en === "Saran")!;

async function asUser(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, login);
  return page;
}

async function rankAndScore(page: Page) {
  await page.goto(`/kpi/scorecard/${temirtau.territoryId}?period=${period}`);
  return {
    rank: Number(await page.getByTestId("scorecard-rank").textContent()),
    score: parseFloat(((await page.getByTestId("scorecard-score").textContent()) ?? "").replace(",", ".")),
  };
}

test.describe.configure({ mode: "serial" });

test("the Karaganda ranking shows the seeded order, with its heatmap", async ({ page }) => {
  await signIn(page, "akim.karaganda");
  await page.getByRole("link", { name: "KPI" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/kpi/${kpi.parentId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Қарағанды облысы");
  const rows = page.getByTestId("kpi-ranking").locator("tbody tr");
  await expect(rows).toHaveCount(kpi.ranking.length);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({ id: Number(tr.getAttribute("data-territory")), rank: tr.querySelector("td")?.textContent })),
  );
  expect(shown).toEqual(kpi.ranking.map((row) => ({ id: row.territoryId, rank: String(row.rank ?? "—") })));
  await expect(page.getByTestId("kpi-heatmap").locator("tbody tr")).toHaveCount(kpi.ranking.length);

  // Sorted by the change of rank, the URL keeps the order.
  await page.getByRole("link", { name: /Өзгеріс бойынша сұрыптау/ }).click();
  await expect(page).toHaveURL(/sort=change&dir=desc/);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test("the akim of Temirtau enters an actual and sees the score and rank move", async ({ browser }) => {
  const akim = await asUser(browser, "akim.temirtau");
  const before = await rankAndScore(akim);
  expect(before.rank).toBeGreaterThan(1);

  // No NEET youth left at all: lower is better, so the indicator reaches its cap.
  const neet = akim.getByRole("row").filter({ hasText: /NEET/ });
  const previous = (await neet.getByTestId("actual").textContent())!.replace(/\s*%$/, "").trim();
  await neet.getByRole("link", { name: /Изменить/ }).click();
  await akim.getByLabel(/^Факт/).fill("0");
  await akim.getByLabel(/Комментарий \(на русском\)/).fill("Уточнённые данные центра занятости");
  await akim.getByRole("button", { name: "Сохранить" }).click();
  await expect(neet.getByTestId("actual")).toHaveText(/^0\s*%$/);
  const after = await rankAndScore(akim);
  expect(after.score).toBeGreaterThan(before.score);
  expect(after.rank).toBeLessThan(before.rank);

  // The ranking shows the move too.
  await akim.goto(`/kpi/${kpi.parentId}?period=${period}`);
  await expect(
    akim.getByTestId("kpi-ranking").locator(`tr[data-territory="${temirtau.territoryId}"] td`).first(),
  ).toHaveText(String(after.rank));

  // Put the seeded figure back.
  await akim.goto(`/kpi/scorecard/${temirtau.territoryId}?period=${period}`);
  await akim
    .getByRole("row")
    .filter({ hasText: /NEET/ })
    .getByRole("link", { name: /Изменить/ })
    .click();
  await akim.getByLabel(/^Факт/).fill(previous);
  await akim.getByRole("button", { name: "Сохранить" }).click();
  expect(await rankAndScore(akim)).toEqual(before);
});

test("the akim of Temirtau cannot enter an actual for Saran, nor into a closed year", async ({ browser }) => {
  const akim = await asUser(browser, "akim.temirtau");
  const neetId = async () => {
    await akim.goto(`/kpi/scorecard/${temirtau.territoryId}?period=${period}`);
    return Number(await akim.getByRole("row").filter({ hasText: /NEET/ }).getAttribute("data-indicator"));
  };
  const indicatorId = await neetId();
  // Posted as the form would be, with a key of its own render (a save happens once).
  const form = (year: number) => ({
    intent: "actual",
    indicatorId: String(indicatorId),
    year: String(year),
    actual: "1",
    submissionKey: `e2e-kpi-${year}-${Math.random().toString(36).slice(2)}`,
  });

  // A neighbour's scorecard is readable, but offers no entry, even when asked for.
  await akim.goto(`/kpi/scorecard/${saran.territoryId}?period=${period}&edit=${indicatorId}`);
  await expect(akim.getByTestId("scorecard")).toBeVisible();
  await expect(akim.getByRole("link", { name: /Изменить|Внести/ })).toHaveCount(0);
  await expect(akim.locator("#actual-form")).toHaveCount(0);
  const foreign = await akim.request.post(`/kpi/scorecard/${saran.territoryId}?period=${period}`, {
    form: form(kpi.period.year),
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);

  // The previous year was closed by the region: shown as locked, refused when posted anyway.
  await akim.goto(`/kpi/scorecard/${temirtau.territoryId}?period=${lockedPeriod}`);
  await expect(akim.getByText("Период закрыт")).toBeVisible();
  await expect(akim.getByRole("link", { name: /Изменить|Внести/ })).toHaveCount(0);
  const locked = await akim.request.post(`/kpi/scorecard/${temirtau.territoryId}?period=${lockedPeriod}`, {
    form: form(kpi.period.year - 1),
    maxRedirects: 0,
  });
  expect(locked.status()).toBe(422);
  expect(await locked.text()).toContain("kpi.periodClosed");
});
