import type { Page } from "@playwright/test";
import { expect, seriousAccessibilityViolations, signIn, test } from "./fixtures";

// The seeded «Miras» meeting compared the youth and culture sections across Shymkent's five districts
// when it was held: each comparison has a slide of its own after its agenda item, where the map draws
// the five districts in the band the list beside it gives each one, from the frozen figures.

async function meetingId(page: Page): Promise<string> {
  await page.getByRole("link", { name: "Кеңестер" }).first().click();
  await page.getByRole("link", { name: "«Miras» аймақтық кеңесі" }).click();
  await page.getByRole("link", { name: "2024 ж. 14 қараша" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("the presentation shows each territory comparison as a map of the five districts in the list's bands", async ({
  page,
}) => {
  await signIn(page, "miras.secretary");
  const id = await meetingId(page);
  await page.goto(`/meetings/${id}/present`);
  const counter = page.getByTestId("slide-counter");
  await expect(counter).toHaveText(/^1 \/ \d+$/);
  const total = Number((await counter.textContent())!.split("/")[1]);

  const maps: string[] = [];
  for (let slide = 1; slide <= total; slide++) {
    await page.goto(`/meetings/${id}/present?slide=${slide}`);
    const map = page.getByTestId("slide").getByTestId("meeting-map");
    if ((await map.count()) === 0) continue;
    maps.push((await map.locator("figcaption").textContent()) ?? "");
    await expect(map.locator("[data-shape]")).toHaveCount(5);
    const shapes = await map
      .locator(".choropleth-area")
      .evaluateAll((areas) =>
        areas.map((area) => [Number(area.getAttribute("data-territory")), area.getAttribute("data-rag")] as const),
      );
    const listed = await map
      .locator(".choropleth-list li")
      .evaluateAll((items) =>
        items.map(
          (item) =>
            [
              Number(item.getAttribute("data-territory")),
              item.querySelector(".rag")?.className.replace(/^rag rag-/, "") ?? "",
            ] as const,
        ),
      );
    expect(new Map(shapes)).toEqual(new Map(listed));
    // Every district had figures at the meeting: none is drawn grey.
    expect(shapes.map(([, band]) => band)).not.toContain("none");
    await expect(map).toContainText("CC BY 4.0");
    // The slide before it is its agenda item's.
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByTestId("slide").getByTestId("meeting-map")).toHaveCount(0);
  }
  expect(maps).toEqual([expect.stringMatching(/2\. Жастар саясаты/), expect.stringMatching(/1\. Мәдениет/)]);
  await page.goto(`/meetings/${id}/present?slide=4`);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});
