import { expect, signIn, test } from "./fixtures";
import { mailsTo, waitForMail } from "./mailbox";

// A forgotten password, end to end: the sign-in page's link, the request, the mail as the SMTP server
// beside the app received it, the link from it, a new password, and the link refused the second time.

test("a user who forgot their password gets a link by mail, sets a new one with it, once", async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const login = `reset.${stamp}`;
  const address = `Reset.${stamp}@example.kz`;
  await signIn(page, "admin");
  await page.goto("/admin/users");
  await page.getByLabel("Логин").fill(login);
  await page.getByLabel("Аты-жөні").fill("Қалпына Келтіруші");
  await page.getByLabel("Тілі").selectOption("ru");
  await page.getByLabel("Электрондық пошта").fill(address);
  await page.getByLabel(/^Құпиясөз\s*\*?$/).fill("first-pass-1");
  await page.getByLabel("Құпиясөзді қайталаңыз").fill("first-pass-1");
  await page.getByRole("button", { name: "Пайдаланушы құру" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
  await expect(page.getByLabel("Электрондық пошта")).toHaveValue(address);

  const user = await (await browser.newContext({ locale: "ru-RU" })).newPage();
  await user.goto("/login");
  await user.getByRole("link", { name: "Забыли пароль?" }).click();
  await expect(user).toHaveURL(/\/forgot-password$/);
  await user.getByLabel("Логин или электронная почта").fill(address.toUpperCase());
  await user.getByRole("button", { name: "Отправить ссылку" }).click();
  await expect(user.getByTestId("reset-sent")).toContainText("ссылка отправлена");

  const mail = await waitForMail(address);
  expect(mail.subject).toBe("Oryndau: восстановление пароля");
  const link = mail.text.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, mail.text).toBeDefined();
  const path = new URL(link!).pathname;

  await user.goto(path);
  await expect(user.getByRole("heading", { name: "Новый пароль" })).toBeVisible();
  await expect(user.getByText(login)).toBeVisible();
  await user.getByLabel(/^Новый пароль\s*\*?$/).fill("password123");
  await user.getByLabel(/^Повторите пароль\s*\*?$/).fill("password123");
  await user.getByRole("button", { name: "Установить пароль" }).click();
  await expect(user.getByText("Этот пароль слишком распространён")).toBeVisible();
  await user.getByLabel(/^Новый пароль\s*\*?$/).fill("Жаңа-құпиясөз-2026");
  await user.getByLabel(/^Повторите пароль\s*\*?$/).fill("Жаңа-құпиясөз-2026");
  await user.getByRole("button", { name: "Установить пароль" }).click();
  await expect(user).toHaveURL(/\/login\?reset=1$/);
  await expect(user.getByTestId("password-reset-done")).toHaveText("Новый пароль установлен. Войдите с ним.");
  await signIn(user, login, "Жаңа-құпиясөз-2026");

  const again = await (await browser.newContext({ locale: "ru-RU" })).newPage();
  await again.goto(path);
  await expect(again.getByTestId("reset-invalid")).toContainText("Эта ссылка недействительна");
  expect(mailsTo(address)).toHaveLength(1);
});
