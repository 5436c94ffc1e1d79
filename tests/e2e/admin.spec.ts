import { readExpectedFigures } from "./expected";
import { expect, seriousAccessibilityViolations, signIn, signOut, test } from "./fixtures";

// The administrator keeps the road map: a new measure with its plans, a deadline moved with a reason,
// a measure taken off control; and every user changes their own password.

const expected = readExpectedFigures();
// The Blagoveshchensk library strategy (under approval) is edited here: no other browser test reads its figures.
const blagoveshchensk = expected.roadMaps.find((roadMap) => /Благовещенск/.test(roadMap.title.ru ?? ""))!;

test.describe.configure({ mode: "serial" });

test("an admin adds a measure with plans, moves its deadline and takes it off control; both are in its history", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Басқару" }).first().click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/roadmaps/${blagoveshchensk.id}`);
  await page.getByRole("link", { name: "Іс-шара қосу" }).first().click();
  await expect(page).toHaveURL(/\/measures\/new$/);
  await expect(page.getByRole("heading", { name: "Іс-шара қосу" })).toBeVisible();

  await page.getByRole("combobox", { name: "Бөлім", exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Нөмірі").fill("2.9");
  await page.getByLabel("Атауы (қаз.)").fill("«Болашақ» жастар форумы");
  await page.getByLabel("Атауы (орыс.)").fill("Молодёжный форум «Болашак»");
  await page
    .getByRole("combobox", { name: "Жауапты орындаушы", exact: true })
    .selectOption({ label: "МБУК «МИБС» г. Благовещенска" });
  await page.getByLabel("Орындау мерзімі").fill("2025-12-25");
  await page.getByRole("button", { name: "Іс-шараны құру" }).click();
  await expect(page).toHaveURL(/\/admin\/measures\/\d+/);
  const measureId = /\/admin\/measures\/(\d+)/.exec(page.url())![1];

  // The programme's first year is left empty; the second: 20 split evenly; the third: 8 held in Q4.
  await page.getByLabel("2-жол: Жылға").fill("20");
  await page.getByLabel("3-жол: Қалай бөлу").selectOption("q4");
  await page.getByLabel("3-жол: Жылға").fill("8");
  await page.getByRole("button", { name: "Жоспарды сақтау" }).click();
  await expect(page.getByTestId("saved")).toBeVisible();
  for (const quarter of [1, 2, 3, 4]) {
    await expect(page.getByLabel(`2-жол: ${quarter}-тоқсан`)).toHaveValue("5");
  }
  await expect(page.getByLabel("3-жол: 4-тоқсан")).toHaveValue("8");
  await expect(page.getByLabel("3-жол: 1-тоқсан")).toHaveValue("");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // A new deadline without a reason is refused, and what was typed stays.
  await page.getByLabel("Орындау мерзімі").fill("2026-06-30");
  await page.getByRole("button", { name: "Сақтау", exact: true }).click();
  await expect(page.getByText("Мерзім өзгерді: себебін жазыңыз")).toBeVisible();
  await expect(page.getByLabel("Орындау мерзімі")).toHaveValue("2026-06-30");
  await page.getByLabel("Мерзімді өзгерту себебі (қаз.)").fill("Форум алаңы жөндеуге жабылды");
  await page.getByRole("button", { name: "Сақтау", exact: true }).click();
  await expect(page.getByTestId("saved")).toBeVisible();
  await expect(page.getByTestId("measure-changes")).toContainText("Форум алаңы жөндеуге жабылды");

  await page.getByLabel("Себебі (қаз.)", { exact: true }).fill("Қаржыландыру тоқтатылды");
  await page.getByRole("button", { name: "Бақылаудан алу" }).click();
  await expect(page.getByTestId("saved")).toBeVisible();
  await expect(page.getByRole("button", { name: "Бақылауға қайтару" })).toBeVisible();

  await page.getByRole("link", { name: /Іс-шара бетін және тарихын көру/ }).click();
  await expect(page).toHaveURL(new RegExp(`/measures/${measureId}$`));
  await expect(page.getByText("2025 ж. 25 желтоқсан", { exact: false }).first()).toBeVisible();
  const history = page.locator(".mantine-Timeline-root");
  await expect(history.getByText("Мерзімнің өзгеруі").first()).toBeVisible();
  await expect(history).toContainText("Форум алаңы жөндеуге жабылды");
  await expect(history.getByText("Бақылау", { exact: true }).first()).toBeVisible();
  await expect(history).toContainText("Қаржыландыру тоқтатылды");
});

test("administration refuses anyone but an admin, direct requests included", async ({ page }) => {
  await signIn(page, "zhumakulova");
  await expect(page.getByRole("link", { name: "Басқару" })).toHaveCount(0);
  expect((await page.request.get("/admin/programmes")).status()).toBe(403);
  const post = await page.request.post("/admin/programmes", {
    form: {
      intent: "save-programme",
      titleKk: "Рұқсатсыз",
      startYear: "2025",
      endYear: "2026",
      ragGreen: "100",
      ragAmber: "80",
    },
  });
  expect(post.status()).toBe(403);
  const reset = await page.request.post("/admin/users/1", {
    form: { intent: "reset-password", version: "1", password: "hijacked-pass", confirm: "hijacked-pass" },
  });
  expect(reset.status()).toBe(403);
});

test("a user changes their own password and signs in with it; other sessions end", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.goto("/admin/users");
  await page.getByLabel("Логин").fill("test.officer");
  await page.getByLabel("Аты-жөні").fill("Сынақ Қызметкері");
  await page.getByLabel(/^Құпиясөз\s*\*?$/).fill("first-pass-1");
  await page.getByLabel("Құпиясөзді қайталаңыз").fill("first-pass-1");
  await page.getByRole("button", { name: "Пайдаланушы құру" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
  await page.getByLabel("Рөл", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Рөл беру" }).click();
  await expect(page.getByTestId("role-list")).toContainText("Оқырман");

  const user = await (await browser.newContext()).newPage();
  await signIn(user, "test.officer", "first-pass-1");
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, "test.officer", "first-pass-1");

  await user.getByRole("button", { name: "Пайдаланушы мәзірі" }).click();
  await user.getByRole("menuitem", { name: "Құпиясөзді өзгерту" }).click();
  await expect(user).toHaveURL(/\/account\/password$/);
  await user.getByLabel("Қазіргі құпиясөз").fill("wrong-password");
  await user.getByLabel("Жаңа құпиясөз").fill("second-pass-2");
  await user.getByLabel("Құпиясөзді қайталаңыз").fill("second-pass-2");
  await user.getByRole("button", { name: "Құпиясөзді өзгерту" }).click();
  await expect(user.getByText("Қазіргі құпиясөз дұрыс емес")).toBeVisible();
  await user.getByLabel("Қазіргі құпиясөз").fill("first-pass-1");
  await user.getByRole("button", { name: "Құпиясөзді өзгерту" }).click();
  await expect(user.getByTestId("password-changed")).toBeVisible();

  // This session goes on; the one opened elsewhere with the old password is over.
  await user.goto("/roadmaps");
  await expect(user).toHaveURL(/\/roadmaps$/);
  await elsewhere.goto("/roadmaps");
  await expect(elsewhere).toHaveURL(/\/login/);

  await signOut(user);
  await user.getByLabel("Логин").fill("test.officer");
  await user.getByLabel("Құпиясөз").fill("first-pass-1");
  await user.getByRole("button", { name: "Кіру" }).click();
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, "test.officer", "second-pass-2");
});
