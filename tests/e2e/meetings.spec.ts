import { extractText, getDocumentProxy } from "unpdf";
import { formatPercent } from "~/i18n/format";
import { readExpectedFigures } from "./expected";
import { expect, seriousAccessibilityViolations, signIn, test } from "./fixtures";

// The «Miras» council's secretary prepares a meeting on the youth section as of 31 October 2024, holds
// it (its figures freeze), shows it on the projector, records a decision and exports the minutes.

const AS_OF = "2024-10-31";
const expected = readExpectedFigures();
const shymkent = expected.roadMaps.find((roadMap) => /Шымкент/.test(`${roadMap.title.kk} ${roadMap.title.ru}`))!;
const youth = shymkent.sections.find((section) => section.number === "2")!;
const youthRow = shymkent.figures
  .find((figures) => figures.asOf === AS_OF && figures.territory === null)!
  .rows.find((row) => row.topSectionId === youth.id && row.sectionId === null)!;
// The reference calculator's figure, as the Kazakh pages print it.
const youthExecution = formatPercent("kk", youthRow.execution);

test("the secretary prepares, holds and presents a meeting, records a decision and exports the minutes", async ({
  page,
}) => {
  await signIn(page, "miras.secretary");
  await page.getByRole("link", { name: "Кеңестер" }).first().click();
  await page.getByRole("link", { name: "«Miras» аймақтық кеңесі" }).click();
  await expect(page.getByRole("heading", { name: "«Miras» аймақтық кеңесі" })).toBeVisible();

  // A new meeting two weeks after the seeded one: the figures as of 31 October 2024.
  await page.getByLabel("Отырыс күні").fill("2024-11-28");
  await page.getByLabel("Көрсеткіштер қай күнге").fill(AS_OF);
  await page.getByLabel("Хаттама нөмірі").fill("5");
  await page.getByLabel("Өтетін орны (қазақша)").fill("Шымкент қ., партия филиалы");
  await page.getByRole("button", { name: "Отырысты құру" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  const meetingUrl = new URL(page.url()).pathname;

  // The agenda: one report on the youth section, with its speaker.
  await page.getByLabel("Мәселе (қазақша)").fill("Жастар саясатының 10 айдағы орындалуы");
  await page.getByLabel("Баяндамашы", { exact: true }).fill("Айгерім Жұмақұлова");
  await page.getByRole("checkbox", { name: /^Бөлім 2 Жастар саясаты$/ }).check();
  await page.getByRole("button", { name: "Мәселені қосу" }).click();
  const item = page.getByTestId("agenda-item");
  await expect(item).toHaveCount(1);
  await expect(item.getByRole("row", { name: /Жастар саясаты/ })).toContainText(youthExecution);

  // A bad link is refused and nothing is added: an item needs at least one link.
  await page.getByLabel("Мәселе (қазақша)").fill("Сілтемесіз мәселе");
  await page.getByRole("button", { name: "Мәселені қосу" }).click();
  await expect(page.getByText("Ең болмағанда бір бөлімді, іс-шараны немесе индикаторды таңдаңыз")).toBeVisible();
  await expect(item).toHaveCount(1);

  // Held: it asks first — without the confirmation nothing freezes — then the figures freeze and the page
  // says as of when, and since when.
  const hold = page.getByRole("button", { name: "Отырыс өтті — көрсеткіштерді бекіту" });
  await hold.click();
  await expect(page.getByRole("button", { name: "Мәселені қосу" })).toBeVisible();
  await page
    .getByRole("checkbox", { name: /көрсеткіштер 2024 ж\. 31 қазан жағдай бойынша біржола бекітіледі/ })
    .check();
  await hold.click();
  await expect(page.getByTestId("figures-note")).toContainText("2024 ж. 31 қазан жағдай бойынша");
  await expect(page.getByTestId("figures-note")).toContainText("бекітілген");
  await expect(page.getByRole("button", { name: "Мәселені қосу" })).toHaveCount(0);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // The projector: slides paged with the keyboard.
  await page.getByRole("link", { name: "Көрсетілім режимі" }).click();
  const counter = page.getByTestId("slide-counter");
  await expect(counter).toHaveText(/^1 \/ \d+$/);
  const total = Number((await counter.textContent())!.split("/")[1]);
  await page.keyboard.press("ArrowRight");
  await expect(counter).toHaveText(`2 / ${total}`);
  await page.keyboard.press("PageDown");
  await expect(counter).toHaveText(`3 / ${total}`);
  await expect(page.getByTestId("slide")).toContainText("Жастар саясатының 10 айдағы орындалуы");
  await expect(page.getByTestId("slide")).toContainText(youthExecution);
  await page.keyboard.press("PageUp");
  await expect(counter).toHaveText(`2 / ${total}`);
  await page.keyboard.press("End");
  await expect(counter).toHaveText(`${total} / ${total}`);
  await page.keyboard.press("Home");
  await expect(counter).toHaveText(`1 / ${total}`);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // A decision, with its responsible department and deadline.
  await page.goto(meetingUrl);
  await page
    .getByLabel("Жауапты басқарма")
    .selectOption({ label: "Шымкент қаласының Ішкі саясат және жастар істері басқармасы" });
  await page.getByLabel("Мерзімі").fill("2025-03-31");
  await page.getByLabel("Мәтіні (қазақша)").fill("Колледждерде жастармен ашық кездесулер өткізу");
  await page.getByRole("button", { name: "Шешімді жазу" }).click();
  const decision = page.getByTestId("decision").filter({ hasText: "Колледждерде жастармен ашық кездесулер" });
  // Its deadline has passed by now: open and overdue.
  await expect(decision).toContainText("Мерзімі өтті");
  // The seeded meeting's decisions are followed up here, the overdue one marked so.
  await expect(page.getByTestId("decision").filter({ hasText: "4 мәдени-ағартушылық нысанның" })).toContainText(
    "Мерзімі өтті",
  );

  // The minutes as a PDF: Kazakh text and the frozen percentage come back out of it.
  const response = await page.request.get(`${meetingUrl}/protocol.pdf`);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pdf = await getDocumentProxy(new Uint8Array(await response.body()));
  // Lines wrap where the page ends them: compare with the spaces normalised.
  const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " ");
  expect(text).toContain("ХАТТАМА № 5");
  expect(text).toContain("«Miras» аймақтық кеңесі");
  expect(text).toContain("Жастар саясатының 10 айдағы орындалуы");
  expect(text).toContain(youthExecution);
  expect(text).toContain("Колледждерде жастармен ашық кездесулер өткізу");
});

test("a meeting whose day has not come cannot be marked held", async ({ page }) => {
  await signIn(page, "miras.secretary");
  await page.getByRole("link", { name: "Кеңестер" }).first().click();
  await page.getByRole("link", { name: "«Miras» аймақтық кеңесі" }).click();
  await page.getByLabel("Отырыс күні").fill("2099-03-02");
  await page.getByLabel("Көрсеткіштер қай күнге").fill("2024-12-31");
  await page.getByRole("button", { name: "Отырысты құру" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await expect(
    page.getByText("Отырыс 2099 ж. 2 наурыз өтеді: оны сол күні «өтті» деп белгілеуге болады."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Отырыс өтті — көрсеткіштерді бекіту" })).toHaveCount(0);

  // Posted anyway, with the confirmation, it is refused on the server and nothing freezes.
  const response = await page.request.post(page.url(), {
    form: { intent: "hold", version: "1", confirmFreeze: "on" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(422);
  await page.reload();
  await expect(page.getByRole("button", { name: "Мәселені қосу" })).toBeVisible();
});
