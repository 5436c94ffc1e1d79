import type { Browser, Page } from "@playwright/test";
import { formatQuarterParam, previousQuarter, quarterOf } from "~/domain/periods/quarter";
import { readExpectedFigures } from "./expected";
import { expect, signIn, test } from "./fixtures";

// A returned report reaches its department through the bell. The seed leaves the Shymkent religion
// department's last ended quarter returned, and no other test reads it; it has no editor of its own, so
// the test gives it one, as an administrator would. The editor submits again, the reviewer returns it
// with a comment; at the end it is returned once more with the seed's comment, as the other tests expect.

const expected = readExpectedFigures();
const lastEnded = previousQuarter(quarterOf(expected.today));
const quarterParam = formatQuarterParam(lastEnded);
const period = `${lastEnded.year} ж. ${lastEnded.quarter}-тоқсан`;
const religionDepartment = "Шымкент қаласының Дін істері басқармасы";
const comment = "Оңалту орталығының қол қойылған есебін тіркеңіз.";
const seedComment =
  "3.2-іс-шара бойынша қамтылған азаматтар саны растайтын құжаттарсыз көрсетілген. Оңалту орталығының есебін тіркеп, қайта жіберіңіз.";
const password = "religion-pass-2026";

async function asUser(browser: Browser, login: string, javaScriptEnabled = true, secret?: string): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signIn(page, login, secret);
  return page;
}

const unreadOf = async (page: Page) => {
  const count = page.getByTestId("notification-count");
  return (await count.isVisible()) ? Number(await count.textContent()) : 0;
};

async function returnReport(admin: Page, text: string) {
  await admin.goto("/reviews");
  const review = admin.getByTestId("report-review").filter({ hasText: religionDepartment });
  await review.getByLabel("Түсініктеме").fill(text);
  await review.getByRole("button", { name: "Қайтару" }).click();
  await expect(admin.getByTestId("report-review").filter({ hasText: religionDepartment })).toHaveCount(0);
}

async function submitAgain(editor: Page) {
  await editor.goto(`/my?quarter=${quarterParam}`);
  const card = editor.getByTestId("department-quarter").filter({ hasText: religionDepartment });
  await card.getByRole("button", { name: "Тоқсан есебін тапсыру" }).click();
  await expect(card.getByTestId("report-status")).toHaveText("Тапсырылды, қаралуда");
}

test("the department's editor is told of a returned report by the bell, with the reviewer's comment, also without JavaScript", async ({
  browser,
}) => {
  const login = `religion.${Date.now().toString(36)}`;
  const admin = await asUser(browser, "admin");
  await admin.goto("/admin/users");
  await admin.getByLabel("Логин").fill(login);
  await admin.getByLabel("Аты-жөні").fill("Дін Істері");
  await admin.getByLabel("Тілі").selectOption("kk");
  await admin.getByLabel(/^Құпиясөз\s*\*?$/).fill(password);
  await admin.getByLabel("Құпиясөзді қайталаңыз").fill(password);
  await admin.getByRole("button", { name: "Пайдаланушы құру" }).click();
  await expect(admin).toHaveURL(/\/admin\/users\/\d+$/);
  await admin.getByLabel("Рөл", { exact: true }).selectOption("editor");
  await admin.getByLabel("Басқарма", { exact: true }).selectOption({ label: religionDepartment });
  await admin.getByRole("button", { name: "Рөл беру" }).click();
  await expect(admin.getByRole("cell", { name: religionDepartment })).toBeVisible();

  const editor = await asUser(browser, login, true, password);
  const before = await unreadOf(editor);
  await submitAgain(editor);
  await returnReport(admin, comment);

  // Without JavaScript the bell is a plain link with the count, and the list is the server's page.
  const plain = await asUser(browser, login, false, password);
  await expect(plain.getByTestId("notification-count")).toHaveText(String(before + 1));
  await plain.getByTestId("notification-bell").click();
  await expect(plain).toHaveURL(/\/notifications$/);
  await expect(plain.getByTestId("notification").first()).toContainText(`${period} есебі түзетуге қайтарылды`);

  await editor.reload();
  await expect(editor.getByTestId("notification-count")).toHaveText(String(before + 1));
  await expect(editor.getByTestId("notification-bell")).toHaveAccessibleName(`Хабарламалар: ${before + 1} оқылмаған`);
  await editor.getByTestId("notification-bell").click();
  await expect(editor).toHaveURL(/\/notifications$/);
  const returned = editor.getByTestId("notification").filter({ hasText: "түзетуге қайтарылды" });
  await expect(returned).toHaveCount(1);
  await expect(returned).toHaveAttribute("data-read", "false");
  await expect(returned).toContainText(`${period} есебі түзетуге қайтарылды`);
  await expect(returned).toContainText(`Дәурен Сапарбеков: «${comment}»`);

  // Opening it marks it read and leads to the report, with the comment beside it.
  await returned.getByRole("button").click();
  await expect(editor).toHaveURL(new RegExp(`/my\\?quarter=${quarterParam}$`));
  const card = editor.getByTestId("department-quarter").filter({ hasText: religionDepartment });
  await expect(card).toContainText(comment);
  if (before === 0) await expect(editor.getByTestId("notification-count")).toBeHidden();
  else await expect(editor.getByTestId("notification-count")).toHaveText(String(before));
  await editor.goto("/notifications");
  await expect(editor.getByTestId("notification").filter({ hasText: comment })).toHaveAttribute("data-read", "true");

  // The demo data as it was: returned with the seed's comment.
  await submitAgain(editor);
  await returnReport(admin, seedComment);
});
