import type { Browser, Page } from "@playwright/test";
import { periodParamOf } from "~/components/kpi/period-label";
import { dictionaries } from "~/i18n/i18n";
import { readExpectedFigures } from "./expected";
import { expect, signIn, test } from "./fixtures";

// No dead ends: the KPI menu leads to the user's own figures or is not there, a save says what it did,
// and territories are compared side by side with their scorecards' own figures.

const kk = dictionaries.kk;
const { kpi } = readExpectedFigures();
const period = periodParamOf(kpi.period);
const temirtau = kpi.ranking.find((row) => row.name.en === "Temirtau")!;
const saran = kpi.ranking.find((row) => row.name.en === "Saran")!;

async function asUser(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, login);
  return page;
}

test.describe.configure({ mode: "serial" });

test("the compare page shows each chosen territory's score as its scorecard does", async ({ browser }) => {
  const akim = await asUser(browser, "akim.karaganda");
  await akim.goto(`/kpi/${kpi.parentId}?period=${period}`);
  await akim.getByRole("checkbox", { name: kk.compare.choose.replace("{{name}}", temirtau.name.kk ?? "") }).check();
  await akim.getByRole("checkbox", { name: kk.compare.choose.replace("{{name}}", saran.name.kk ?? "") }).check();
  await akim.getByRole("button", { name: kk.compare.submit }).first().click();
  await expect(akim).toHaveURL(
    new RegExp(`/kpi/compare\\?period=${period}&t=${temirtau.territoryId}&t=${saran.territoryId}`),
  );
  const compared: Record<number, string> = {};
  for (const row of [temirtau, saran]) {
    compared[row.territoryId] =
      (await akim.locator(`[data-territory="${row.territoryId}"] [data-testid="compare-score"]`).textContent()) ?? "";
  }
  for (const row of [temirtau, saran]) {
    await akim.goto(`/kpi/scorecard/${row.territoryId}?period=${period}`);
    await expect(akim.getByTestId("scorecard-score")).toHaveText(compared[row.territoryId]!);
  }
});

test("a territory out of the user's scope cannot be compared", async ({ browser }) => {
  const akim = await asUser(browser, "akim.abay");
  const response = await akim.goto(`/kpi/compare?t=${temirtau.territoryId}&t=${saran.territoryId}`);
  expect(response?.status()).toBe(403);
  await expect(akim.getByText(temirtau.name.kk ?? "")).toHaveCount(0);
});

test("akim.abay sees no KPI entry while Abay has no KPI, then the entry leads to Abay's own figures", async ({
  browser,
}) => {
  const akim = await asUser(browser, "akim.abay");
  const nav = akim.getByRole("navigation", { name: kk.nav.main }).first();
  await expect(nav.getByRole("link", { name: "KPI" })).toHaveCount(0);

  // The administrator sets Abay a target; the save says so.
  const admin = await asUser(browser, "admin");
  await admin.goto("/kpi/admin");
  await admin.getByLabel(kk.kpi.territory).first().selectOption({ label: "Шымкент қаласы" });
  await admin.getByRole("button", { name: kk.kpi.admin.show }).click();
  const form = admin.locator("form").filter({ has: admin.locator('input[name="intent"][value="target"]') });
  await form.getByLabel(kk.kpi.territory).selectOption({ label: "Абай ауданы" });
  await form.getByLabel(kk.kpi.admin.year).fill(String(kpi.period.year));
  await form.getByLabel(kk.kpi.target, { exact: true }).fill("10");
  await form.getByLabel(kk.kpi.weight).fill("1");
  await form.getByRole("button", { name: kk.kpi.save }).click();
  await expect(admin.getByTestId("flash")).toContainText(kk.flash.adminSaved);

  await akim.reload();
  await nav.getByRole("link", { name: "KPI" }).click();
  await expect(akim).toHaveURL(/\/kpi\/\d+$/);
  await expect(akim.getByRole("heading", { level: 1 })).toContainText("Шымкент қаласы");
  await expect(akim.getByTestId("kpi-ranking")).toContainText("Абай ауданы");
});
