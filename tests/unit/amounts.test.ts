import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n";

describe("an amount with its unit", () => {
  it("agrees with the number in Russian", () => {
    const t = translator("ru");
    expect(t("polish.amounts.event", { count: 2, value: "2" })).toBe("2 мероприятия");
    expect(t("polish.amounts.document", { count: 1537, value: "1 537" })).toBe("1 537 документов");
    expect(t("polish.amounts.person", { count: 21, value: "21" })).toBe("21 человек");
    expect(t("polish.amounts.object", { count: 1.5, value: "1,5" })).toBe("1,5 объекта");
  });

  it("has one form in Kazakh and two in English", () => {
    expect(translator("kk")("polish.amounts.document", { count: 5, value: "5" })).toBe("5 құжат");
    expect(translator("en")("polish.amounts.event", { count: 1, value: "1" })).toBe("1 event");
    expect(translator("en")("polish.amounts.person", { count: 3, value: "3" })).toBe("3 people");
  });
});
