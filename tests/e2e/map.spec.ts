import type { Locator, Page } from "@playwright/test";
import { periodParamOf } from "~/components/kpi/period-label";
import { RAG_FILL } from "~/components/rag";
import { translator } from "~/i18n/i18n";
import { readExpectedFigures } from "./expected";
import { expect, signIn, test } from "./fixtures";

// The maps of territories: the Karaganda KPI ranking and the Shymkent dashboard, each against the table
// beside it, and an akim's map that draws no figures outside their district.

const expected = readExpectedFigures();
const { kpi } = expected;
const period = periodParamOf(kpi.period);
const shymkent = expected.roadMaps.find((roadMap) => /Шымкент/.test(`${roadMap.title.kk} ${roadMap.title.ru}`))!;
const ASOF = "2024-10-31";
const t = translator("kk");
const BAND_BY_WORDS = new Map<string, string>([
  ...(["green", "amber", "red"] as const).map((band) => [t(`rag.${band}`), band] as [string, string]),
  [t("rag.none"), "none"],
]);

/** Each drawn shape of the map: its territory, its band and its fill. */
async function shapesOf(map: Locator) {
  return map.locator(".choropleth-area").evaluateAll((areas) =>
    areas.map((area) => ({
      id: Number(area.getAttribute("data-territory")),
      band: area.getAttribute("data-rag"),
      state: area.getAttribute("data-state"),
      fill: area.querySelector("path")?.getAttribute("fill") ?? "",
      title: area.querySelector("title")?.textContent ?? "",
    })),
  );
}

const fillFor = (band: string | null) => (band === "green" ? RAG_FILL.green : `url(#`);

async function tableRows(page: Page, testId: string) {
  return page
    .getByTestId(testId)
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => ({
        id: Number(row.getAttribute("data-territory")),
        name: row.querySelector("a")?.textContent?.trim() ?? row.querySelector("td")?.textContent?.trim() ?? "",
        text: row.textContent ?? "",
        execution: row.querySelector("[data-testid=row-execution]")?.textContent ?? "",
      })),
    );
}

test("the Karaganda KPI ranking draws its 13 cities and districts in the RAG of the table's rows", async ({ page }) => {
  await signIn(page, "akim.karaganda");
  await page.goto(`/kpi/${kpi.parentId}?period=${period}`);
  const map = page.getByTestId("territory-map");
  await expect(map.locator("[data-shape]")).toHaveCount(13);
  const shapes = await shapesOf(map);
  const rows = await tableRows(page, "kpi-ranking");
  expect(rows).toHaveLength(13);
  for (const row of rows) {
    const badge = await page
      .getByTestId("kpi-ranking")
      .locator(`tbody tr[data-territory="${row.id}"] .mantine-Badge-label`)
      .textContent();
    const band = BAND_BY_WORDS.get(badge!.trim());
    const shape = shapes.find((s) => s.id === row.id);
    expect(shape, row.name).toBeDefined();
    expect(shape!.band, row.name).toBe(band);
    expect(shape!.fill.startsWith(fillFor(band ?? null)), row.name).toBe(true);
  }
  // Every band the ranking holds is there, so the comparison is not of one colour.
  expect(new Set(shapes.map((s) => s.band)).size).toBeGreaterThan(1);
  await expect(map.getByText(t("geoMap.attribution"))).toBeVisible();

  // A district drills down to its scorecard, like its row.
  const nura = kpi.ranking.find((row) => row.name.en === "Nura District")!;
  await map.locator(`a.choropleth-area[data-territory="${nura.territoryId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/kpi/scorecard/${nura.territoryId}\\?period=${period}`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Нұра");
});

test("the Shymkent dashboard's map shows the five districts with the territory table's execution", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto(`/roadmaps/${shymkent.id}?asOf=${ASOF}`);
  const map = page.getByTestId("territory-map");
  await expect(map.locator("[data-shape]")).toHaveCount(5);
  const rows = (await tableRows(page, "territory-table")).filter((row) =>
    shymkent.territories.some((d) => d.name.kk === row.name),
  );
  expect(rows).toHaveLength(5);
  for (const row of rows) {
    const item = map.locator(".choropleth-list li").filter({ hasText: row.name });
    await expect(item).toContainText(row.execution);
  }
  const shapes = await shapesOf(map);
  expect(shapes.every((shape) => shape.state === "figures")).toBe(true);
});

test("the akim of Abay district sees figures on the map for Abay district only", async ({ page }) => {
  await signIn(page, "akim.abay");
  await page.goto(`/roadmaps/${shymkent.id}?asOf=${ASOF}`);
  const map = page.getByTestId("territory-map");
  await expect(map.locator("[data-shape]")).toHaveCount(5);
  const shapes = await shapesOf(map);
  const withFigures = shapes.filter((shape) => shape.state === "figures");
  const abay = shymkent.territories.find((d) => d.name.kk === "Абай ауданы")!;
  expect(withFigures.map((shape) => shape.id)).toEqual([abay.id]);
  for (const shape of shapes.filter((s) => s.id !== abay.id)) {
    expect(shape.band).toBe("none");
    // Drawn for orientation only: neither a figure nor a name of a district outside the akim's scope.
    expect(shape.title).toBe(t("geoMap.outside"));
  }
  // Nor does the list beside the map name them.
  await expect(map.locator(".choropleth-list li")).toHaveCount(1);
  // The figure on Abay district is the territory table's.
  const execution = await page.getByTestId("territory-table").getByTestId("row-execution").first().textContent();
  await expect(map.locator(".choropleth-list li").filter({ hasText: "Абай" })).toContainText(execution!);
});

test("the map works without JavaScript and prints", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "admin");
  await page.goto(`/roadmaps/${shymkent.id}/print?asOf=${ASOF}`);
  const map = page.getByTestId("territory-map");
  await expect(map.locator("[data-shape]")).toHaveCount(5);
  await expect(map.getByText(t("geoMap.attribution"))).toBeVisible();
  await context.close();
});
