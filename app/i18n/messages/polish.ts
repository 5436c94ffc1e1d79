import type { MeasureUnit } from "~db/schema";
import { defineMessages, type Translation } from "./define";

// Amounts with their unit («2 мероприятия», «1 537 документов»): the unit agrees with the number.

/** i18next's plural suffixes: Russian has four forms, English two; Kazakh nouns do not change after a number. */
type Plurals<Form extends string> = { [Key in `${MeasureUnit}_${Form}`]: string };

/**
 * The plural forms of a language in the place of the Kazakh key. The dictionaries' type follows Kazakh,
 * which has no suffixed keys; i18next picks `key_few` etc. at run time, so the shapes differ on purpose.
 */
function pluralForms<Form extends string>(forms: Plurals<Form>): Record<MeasureUnit, string> {
  return forms as unknown as Record<MeasureUnit, string>;
}

const kk = {
  polish: {
    amounts: {
      event: "{{value}} іс-шара",
      meeting: "{{value}} кездесу",
      object: "{{value}} нысан",
      person: "{{value}} адам",
      document: "{{value}} құжат",
      percent: "{{value}} %",
      tenge: "{{value}} теңге",
      item: "{{value}} дана",
      centre: "{{value}} орталық",
      project: "{{value}} жоба",
    } satisfies Record<MeasureUnit, string>,
  },
};

/** The Russian forms of a unit after 1, 2–4, 5–20 and a fraction. */
const ru4 = (unit: MeasureUnit, one: string, few: string, many: string) => ({
  [`${unit}_one`]: `{{value}} ${one}`,
  [`${unit}_few`]: `{{value}} ${few}`,
  [`${unit}_many`]: `{{value}} ${many}`,
  [`${unit}_other`]: `{{value}} ${few}`,
});

const ru: Translation<typeof kk> = {
  polish: {
    amounts: pluralForms({
      ...ru4("event", "мероприятие", "мероприятия", "мероприятий"),
      ...ru4("meeting", "встреча", "встречи", "встреч"),
      ...ru4("object", "объект", "объекта", "объектов"),
      ...ru4("person", "человек", "человека", "человек"),
      ...ru4("document", "документ", "документа", "документов"),
      ...ru4("percent", "%", "%", "%"),
      ...ru4("tenge", "тенге", "тенге", "тенге"),
      ...ru4("item", "шт.", "шт.", "шт."),
      ...ru4("centre", "центр", "центра", "центров"),
      ...ru4("project", "проект", "проекта", "проектов"),
    } as Plurals<"one" | "few" | "many" | "other">),
  },
};

/** The English forms of a unit after 1 and after any other number. */
const en2 = (unit: MeasureUnit, one: string, other: string) => ({
  [`${unit}_one`]: `{{value}} ${one}`,
  [`${unit}_other`]: `{{value}} ${other}`,
});

const en: Translation<typeof kk> = {
  polish: {
    amounts: pluralForms({
      ...en2("event", "event", "events"),
      ...en2("meeting", "meeting", "meetings"),
      ...en2("object", "object", "objects"),
      ...en2("person", "person", "people"),
      ...en2("document", "document", "documents"),
      ...en2("percent", "%", "%"),
      ...en2("tenge", "tenge", "tenge"),
      ...en2("item", "item", "items"),
      ...en2("centre", "centre", "centres"),
      ...en2("project", "project", "projects"),
    } as Plurals<"one" | "other">),
  },
};

export const polish = defineMessages(kk, ru, en);
