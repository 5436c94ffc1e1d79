import type { Browser, Page } from "@playwright/test";
import sharp from "sharp";
import { readExpectedFigures } from "./expected";
import { expect, signIn, test } from "./fixtures";

// Evidence files through the entry form: held across the server's question, downloaded by a reviewer,
// refused to an editor of another department, and refused when the content is not what the name says.
// The entry is deleted at the end, so the figures other specs expect are unchanged.

const expected = readExpectedFigures();
const shymkent = expected.roadMaps.find((roadMap) => /Шымкент/.test(`${roadMap.title.kk} ${roadMap.title.ru}`))!;
const trainings = shymkent.measures.find((measure) => measure.number === "2.5")!;
const PDF = Buffer.from("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");

async function asUser(browser: Browser, login: string, javaScriptEnabled = true): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signIn(page, login);
  return page;
}

const newEntryForm = (page: Page) => page.locator("form#new-entry");

test.describe.configure({ mode: "serial", timeout: 180_000 });
// A save with files (thumbnails made, files written) can take a while on a loaded machine.
const SLOW = 30_000;

for (const javaScriptEnabled of [true, false]) {
  test(`files chosen before the server's question are kept, then a reviewer downloads them and another department cannot (${
    javaScriptEnabled ? "with" : "without"
  } scripts)`, async ({ browser }) => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#2a7" } })
      .png()
      .toBuffer();
    const editor = await asUser(browser, "zhumakulova", javaScriptEnabled);
    await editor.goto(`/measures/${trainings.id}`);
    const form = newEntryForm(editor);
    // Far past the quarter's plan of trainings: the server asks to confirm before it saves.
    await form.getByLabel("Орындалды").fill("700");
    await form.locator('input[type="file"][name="evidenceFiles"]').setInputFiles([
      { name: "акт.pdf", mimeType: "application/pdf", buffer: PDF },
      { name: "фото.png", mimeType: "image/png", buffer: png },
    ]);
    await form.getByRole("button", { name: "Жазба қосу" }).click();
    const confirm = form.getByTestId("confirm-figure");
    await expect(confirm).toContainText("Сақталатын сан: 700", { timeout: SLOW });
    const held = form.getByTestId("held-files");
    await expect(held.getByRole("checkbox", { name: "Қалдыру: акт.pdf" })).toBeChecked();
    await expect(held.getByRole("checkbox", { name: "Қалдыру: фото.png" })).toBeChecked();

    // The answer sends no file again: the held ones are attached.
    await confirm.getByRole("checkbox").check();
    await form.getByRole("button", { name: "Жазба қосу" }).click();
    // Saved: the form is a new, empty one.
    await expect(form.getByTestId("held-files")).toHaveCount(0, { timeout: SLOW });
    const card = editor.getByTestId("evidence-files").first();
    const pdfLink = card.getByRole("link", { name: "Жүктеп алу: акт.pdf" });
    await expect(pdfLink).toBeVisible();
    await expect(card.getByRole("link", { name: "Жүктеп алу: фото.png" }).locator("img")).toHaveCount(1);
    const href = (await pdfLink.getAttribute("href"))!;
    const pngHref = (await card.getByRole("link", { name: "Жүктеп алу: фото.png" }).getAttribute("href"))!;

    // The council's secretary reviews this department: the file is theirs to read, bytes as sent.
    const reviewer = await asUser(browser, "miras.secretary");
    await reviewer.goto(`/measures/${trainings.id}`);
    await expect(reviewer.getByRole("link", { name: "Жүктеп алу: акт.pdf" }).first()).toHaveAttribute("href", href);
    const download = await reviewer.request.get(href);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toBe(
      `inline; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent("акт.pdf")}`,
    );
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
    const photo = await reviewer.request.get(pngHref);
    expect(photo.headers()["content-type"]).toBe("image/png");
    expect(Buffer.from(await photo.body()).equals(png)).toBe(true);
    const thumbnail = await reviewer.request.get(`${pngHref}?thumbnail=1`);
    expect(thumbnail.headers()["content-type"]).toBe("image/webp");

    // An editor of a Karaganda department sees nothing of it.
    const stranger = await asUser(browser, "ernyiazova");
    expect((await stranger.request.get(href)).status()).toBe(404);

    // The entry goes, and its files with it.
    editor.once("dialog", (dialog) => void dialog.accept());
    const entry = editor
      .getByTestId("entry")
      .filter({ has: editor.getByRole("link", { name: "Жүктеп алу: акт.pdf" }) });
    await entry.getByRole("button", { name: "Жою" }).click();
    await expect(editor.getByRole("link", { name: "Жүктеп алу: акт.pdf" })).toHaveCount(0, { timeout: SLOW });
    expect((await reviewer.request.get(href)).status()).toBe(404);
  });
}

test("a file whose content is not what its name says is refused with a translated message, nothing saved", async ({
  browser,
}) => {
  const editor = await asUser(browser, "zhumakulova");
  await editor.goto(`/measures/${trainings.id}`);
  const entriesBefore = await editor.getByTestId("entry").count();
  const form = newEntryForm(editor);
  await form.getByLabel("Орындалды").fill("1");
  await form
    .locator('input[type="file"][name="evidenceFiles"]')
    .setInputFiles([{ name: "фото.jpg", mimeType: "image/jpeg", buffer: PDF }]);
  await form.getByRole("button", { name: "Жазба қосу" }).click();
  await expect(form).toContainText(
    "«фото.jpg» файлының ішіндегісі атауына сәйкес емес (атауы JPG, ішіндегісі PDF). Ешнәрсе сақталмады.",
    { timeout: SLOW },
  );
  await editor.goto(`/measures/${trainings.id}`);
  expect(await editor.getByTestId("entry").count()).toBe(entriesBefore);

  // HTML named as a PDF is no kind of evidence at all.
  await form.getByLabel("Орындалды").fill("1");
  await form
    .locator('input[type="file"][name="evidenceFiles"]')
    .setInputFiles([
      { name: "есеп.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>1</script>") },
    ]);
  await form.getByRole("button", { name: "Жазба қосу" }).click();
  await expect(form).toContainText("«есеп.pdf» файлының ішіндегісі рұқсат етілген түрге жатпайды", { timeout: SLOW });
  await editor.goto(`/measures/${trainings.id}`);
  expect(await editor.getByTestId("entry").count()).toBe(entriesBefore);
});
