import { expect, seriousAccessibilityViolations, signIn, test } from "./fixtures";

// An admin makes a read-API token, sees it once, uses it, and revokes it.

test("an admin creates an API token shown once, and revokes it", async ({ page }) => {
  const name = `BI ${Math.random().toString(36).slice(2, 8)}`;
  await signIn(page, "admin");
  await page.goto("/admin/api-tokens");
  await expect(page.getByRole("heading", { name: "Оқу API токендері" })).toBeVisible();
  await page.getByLabel("Атауы").fill(name);
  await page.getByRole("button", { name: "Токен жасау" }).click();

  const secret = (await page.getByTestId("new-token").textContent())!.trim();
  expect(secret).toMatch(/^ory_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row).toContainText("Белсенді");
  await expect(row).toContainText(secret.slice(0, 10));
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const headers = { Authorization: `Bearer ${secret}` };
  const roadMaps = await page.request.get("/api/v1/roadmaps", { headers });
  expect(roadMaps.status()).toBe(200);
  expect(((await roadMaps.json()) as { total: number }).total).toBeGreaterThan(0);

  // Shown once: the page opened again has no secret, and the list says it was used.
  await page.goto("/admin/api-tokens");
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(secret);
  await expect(row).not.toContainText("Қолданылмаған");

  await row.getByRole("button", { name: `«${name}» токенін қайтарып алу` }).click();
  await expect(row).toContainText("Қайтарып алынған");
  await expect(row.getByRole("button", { name: "Қайтарып алу" })).toHaveCount(0);
  const refused = await page.request.get("/api/v1/roadmaps", { headers });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("revokedToken");
});

test("the OpenAPI document is served without a token", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(((await response.json()) as { openapi: string }).openapi).toBe("3.1.0");
});
