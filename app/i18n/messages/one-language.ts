import { defineMessages, type Translation } from "./define";

// One language per page: counts with their plural forms, the fallback mark named in the page's own
// language, people's names and posts, the order of a meeting's agenda, KPI categories by name.

/** i18next's plural suffixes: Russian has four forms, English two; Kazakh nouns do not change after a number. */
type Plurals<K extends string, Form extends string> = { [Key in `${K}_${Form}`]: string };
type CountKey = "measures" | "entries" | "importErrors";

const kkCounts: Record<CountKey, string> = {
  measures: "{{count}} іс-шара",
  entries: "{{count}} жазба",
  importErrors: "Файлда {{count}} қате бар: оларды түзетпейінше ештеңе сақталмайды",
};
/**
 * The plural forms of a language in the place of the Kazakh key. The dictionaries' type follows Kazakh,
 * which has no suffixed keys; i18next picks `key_few` etc. at run time, so the shapes differ on purpose.
 */
function pluralForms<Form extends string>(forms: Plurals<CountKey, Form>): Record<CountKey, string> {
  return forms as unknown as Record<CountKey, string>;
}

const ruCounts: Plurals<CountKey, "one" | "few" | "many" | "other"> = {
  measures_one: "{{count}} мероприятие",
  measures_few: "{{count}} мероприятия",
  measures_many: "{{count}} мероприятий",
  measures_other: "{{count}} мероприятия",
  entries_one: "{{count}} запись",
  entries_few: "{{count}} записи",
  entries_many: "{{count}} записей",
  entries_other: "{{count}} записи",
  importErrors_one: "В файле {{count}} ошибка: пока она не исправлена, ничего не сохраняется",
  importErrors_few: "В файле {{count}} ошибки: пока они не исправлены, ничего не сохраняется",
  importErrors_many: "В файле {{count}} ошибок: пока они не исправлены, ничего не сохраняется",
  importErrors_other: "В файле {{count}} ошибки: пока они не исправлены, ничего не сохраняется",
};
const enCounts: Plurals<CountKey, "one" | "other"> = {
  measures_one: "{{count}} measure",
  measures_other: "{{count}} measures",
  entries_one: "{{count}} entry",
  entries_other: "{{count}} entries",
  importErrors_one: "The file has {{count}} error: nothing is saved until it is corrected",
  importErrors_other: "The file has {{count}} errors: nothing is saved until they are corrected",
};

const kk = {
  oneLanguage: {
    counts: kkCounts,
    // The whole sentence per language: the name of a language is declined differently in each.
    shownIn: {
      kk: "Қазақ тілінде көрсетілген: бұл тілде нұсқасы жоқ",
      ru: "Орыс тілінде көрсетілген: қазақша нұсқасы жоқ",
      en: "Ағылшын тілінде көрсетілген: қазақша нұсқасы жоқ",
    },
    user: {
      name: "Аты-жөні",
      nameHint: "Адамның өз аты-жөні: хаттамаларға осы атпен қол қойылады",
      title: "Лауазымы",
    },
    agenda: {
      moveUp: "Жоғары",
      moveDown: "Төмен",
      moveUpLabel: "«{{title}}» мәселесін бір орын жоғары жылжыту",
      moveDownLabel: "«{{title}}» мәселесін бір орын төмен жылжыту",
      cannotMove: "Мәселе тізімнің шетінде тұр: оны одан әрі жылжыту мүмкін емес",
    },
    kpiCategory: {
      youth: "Жастар саясаты",
      culture: "Мәдениет",
      religion: "Дін істері",
      education: "Білім",
      health: "Денсаулық",
      social: "Әлеуметтік сала",
      economy: "Экономика",
      other: "Басқа",
    },
  },
};

const ru: Translation<typeof kk> = {
  oneLanguage: {
    counts: pluralForms(ruCounts),
    shownIn: {
      kk: "Показано на казахском языке: русской версии нет",
      ru: "Показано на русском языке: версии на этом языке нет",
      en: "Показано на английском языке: русской версии нет",
    },
    user: {
      name: "Фамилия и имя",
      nameHint: "Имя человека, как он его пишет: им подписываются протоколы",
      title: "Должность",
    },
    agenda: {
      moveUp: "Выше",
      moveDown: "Ниже",
      moveUpLabel: "Переместить вопрос «{{title}}» на одно место выше",
      moveDownLabel: "Переместить вопрос «{{title}}» на одно место ниже",
      cannotMove: "Вопрос уже в начале или в конце списка: дальше его не переместить",
    },
    kpiCategory: {
      youth: "Молодёжная политика",
      culture: "Культура",
      religion: "Дела религий",
      education: "Образование",
      health: "Здравоохранение",
      social: "Социальная сфера",
      economy: "Экономика",
      other: "Другое",
    },
  },
};

const en: Translation<typeof kk> = {
  oneLanguage: {
    counts: pluralForms(enCounts),
    shownIn: {
      kk: "Shown in Kazakh: there is no English version",
      ru: "Shown in Russian: there is no English version",
      en: "Shown in English: there is no version in this language",
    },
    user: {
      name: "Full name",
      nameHint: "The person's own name: the minutes are signed with it",
      title: "Post",
    },
    agenda: {
      moveUp: "Up",
      moveDown: "Down",
      moveUpLabel: "Move «{{title}}» one place up",
      moveDownLabel: "Move «{{title}}» one place down",
      cannotMove: "The item is already at the end of the list: it cannot move further",
    },
    kpiCategory: {
      youth: "Youth policy",
      culture: "Culture",
      religion: "Religious affairs",
      education: "Education",
      health: "Health",
      social: "Social affairs",
      economy: "Economy",
      other: "Other",
    },
  },
};

export const oneLanguage = defineMessages(kk, ru, en);
