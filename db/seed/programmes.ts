import type { Transaction } from "kysely";
import type { Database, LocalizedText, ProgrammeStatus } from "../schema";
import { json, ru, t } from "./common";

// The four programmes of the articles, each with the history of its status. The dates of the
// steps are plausible ones (the articles give few); the final status is the one the article shows.

export type ProgrammeKey = "amanat" | "library" | "public-control" | "mibs-strategy";

interface StatusStep {
  to: ProgrammeStatus;
  on: string;
  note: LocalizedText | null;
}

interface ProgrammeRow {
  key: ProgrammeKey;
  title: LocalizedText;
  owner: LocalizedText;
  description: LocalizedText | null;
  startYear: number;
  endYear: number;
  /** In order; the programme's status is the last step's. */
  history: StatusStep[];
}

export const PROGRAMMES: ProgrammeRow[] = [
  // 001, 004: the party's election programme; one national and 20 regional road maps carry it out.
  {
    key: "amanat",
    title: t(
      "«AMANAT» партиясының 2023–2027 жылдарға арналған «Халықпен бірге!» сайлауалды бағдарламасы",
      "Предвыборная программа партии «AMANAT» «Вместе с народом!» на 2023–2027 годы",
      "AMANAT party election programme “Together with the People!” 2023–2027",
    ),
    owner: t("«AMANAT» партиясы", "Партия «AMANAT»", "AMANAT party"),
    description: t(
      "Бағдарламаны іске асыру үшін бір ұлттық және 20 өңірлік жол картасы бекітілді.",
      "Для реализации программы утверждены одна национальная и 20 региональных дорожных карт.",
      "One national and 20 regional road maps were approved to carry the programme out.",
    ),
    startYear: 2023,
    endYear: 2027,
    history: [
      { to: "draft", on: "2023-01-09", note: t("Бағдарлама жобасы әзірленді", "Разработан проект программы") },
      {
        to: "under_approval",
        on: "2023-01-20",
        note: t("Жоба партия съезінің талқылауына ұсынылды", "Проект вынесен на обсуждение съезда партии"),
      },
      {
        to: "approved",
        on: "2023-01-31",
        note: t("Партия съезі бағдарламаны қабылдады", "Съезд партии принял программу"),
      },
      {
        to: "in_force",
        on: "2023-03-29",
        note: t(
          "2023 жылғы 19 наурыздағы Мәжіліс сайлауынан кейін іске асыру басталды",
          "После выборов в Мажилис 19 марта 2023 года начата реализация",
        ),
      },
    ],
  },
  // 000: Nur Otan's project within «Рухани жаңғыру»; the article quotes its aim.
  {
    key: "library",
    title: t(
      "«Кітапхана — заманауи білім орталығы» партиялық жобасы",
      "Партийный проект «Библиотека — современный центр знаний»",
      "Party project “The library as a modern centre of knowledge”",
    ),
    owner: t("«Nur Otan» партиясы", "Партия «Nur Otan»", "Nur Otan party"),
    description: t(
      "«Рухани жаңғыру» бағдарламасы аясында кітапхана жүйесін жаңғырту: әдеттегі кітап қоймаларын білім таратудың заманауи орталықтарына айналдыру.",
      "Модернизация библиотечной системы страны в рамках программы «Рухани жаңғыру»: трансформировать привычные книгохранилища в современные центры распространения знаний.",
      "Modernising the country's libraries within «Rukhani Zhangyru»: turning book stores into modern centres of knowledge.",
    ),
    startYear: 2019,
    endYear: 2021,
    history: [
      { to: "draft", on: "2019-01-21", note: null },
      { to: "under_approval", on: "2019-02-11", note: null },
      { to: "approved", on: "2019-03-01", note: t("Партияның Саяси кеңесі мақұлдады", "Одобрен Политсоветом партии") },
      { to: "in_force", on: "2019-03-15", note: null },
      { to: "completed", on: "2021-12-28", note: t("Жоба аяқталды", "Проект завершён") },
    ],
  },
  // 003: the plan under which the «Бірыңғай күн» was held on 6 February 2020.
  {
    key: "public-control",
    title: t(
      "«Nur Otan» партиясы мен Қазақстан халқы Ассамблеясының қоғамдық бақылауды ұйымдастыру және қоғамдық кеңестер институтын нығайту жөніндегі іс-қимылының республикалық жалпы жоспары",
      "Республиканский общий план действий партии «Nur Otan» и Ассамблеи народа Казахстана по организации общественного контроля и укреплению института общественных советов",
      "National joint action plan of the Nur Otan party and the Assembly of People of Kazakhstan on public control and public councils",
    ),
    owner: t(
      "«Nur Otan» партиясы, Қазақстан халқы Ассамблеясы",
      "Партия «Nur Otan», Ассамблея народа Казахстана",
      "Nur Otan party, Assembly of People of Kazakhstan",
    ),
    description: null,
    startYear: 2020,
    endYear: 2020,
    history: [
      { to: "draft", on: "2019-12-16", note: null },
      { to: "under_approval", on: "2020-01-06", note: null },
      { to: "approved", on: "2020-01-17", note: null },
      { to: "in_force", on: "2020-01-20", note: null },
      { to: "completed", on: "2020-12-30", note: null },
    ],
  },
  // 002: drafted by the library system, then under approval by the public council (early 2021).
  {
    key: "mibs-strategy",
    title: ru(
      "Стратегия развития муниципальной информационной библиотечной системы г. Благовещенска",
      "Development strategy of the Blagoveshchensk municipal information library system",
    ),
    owner: ru("МБУК «МИБС»", "MIBS municipal library system"),
    description: ru(
      "Единое библиотечное информационно-культурное пространство: электронный каталог, единые электронные читательские билеты, работа с краеведческим сообществом, профориентация юных жителей.",
      "One library information and culture space: an electronic catalogue, one electronic reader card, local-history work, career guidance for the young.",
    ),
    startYear: 2021,
    endYear: 2025,
    history: [
      { to: "draft", on: "2020-12-01", note: ru("Проект стратегии разработан МИБС") },
      {
        to: "under_approval",
        on: "2021-02-15",
        note: ru("Направлена на согласование в общественный совет при управлении культуры администрации Благовещенска"),
      },
    ],
  },
];

export async function insertProgrammes(trx: Transaction<Database>): Promise<Map<ProgrammeKey, number>> {
  const ids = new Map<ProgrammeKey, number>();
  for (const row of PROGRAMMES) {
    const programme = await trx
      .insertInto("programme")
      .values({
        title: json(row.title),
        owner: json(row.owner),
        description: json(row.description),
        start_year: row.startYear,
        end_year: row.endYear,
        status: row.history[row.history.length - 1]!.to,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.set(row.key, programme.id);
    await trx
      .insertInto("programme_status_change")
      .values(
        row.history.map((step, index) => ({
          programme_id: programme.id,
          from_status: index === 0 ? null : row.history[index - 1]!.to,
          to_status: step.to,
          changed_on: step.on,
          changed_by: null,
          note: json(step.note),
        })),
      )
      .execute();
  }
  return ids;
}
