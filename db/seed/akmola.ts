import { evidence, q, t, type SeedContext } from "./common";
import { insertReports, insertRoadMap, quarterlyReports, type MeasureSpec } from "./roadmap";
import { territoryName } from "./territories";

// Akmola Region, the party project «Кітапхана — заманауи білім орталығы» (article 000, a visit on
// 12 July, taken here as 2019, the project's first year). Figures from the article:
//   - coworking centres «Jas Otan Kitaphana» to open in 19 district and city libraries;
//   - more than 122 000 documents digitised, more than 35 000 of them in the state language,
//     = 35 % of the main fund and 60 % of the local-history fund;
//   - 279 rare books passed to the Kazakh National Electronic Library, 53 of them under copyright.
// The digitised funds and the libraries with a coworking centre are shares of a base, kept with
// their counts: 35 000 documents of a main fund of 100 000 (35 %); the same 35 000 are, as the article
// says, 60 % of the local-history fund, so that fund holds about 58 333; one library in each of 19
// districts and cities, so the region's share is Σ centres / Σ libraries.

const REGION = "akmola";
const LIBRARY = "akmola.library";
const CULTURE = "akmola.culture";
const AUTHOR = "admin"; // the results were entered by the administrator from the library's reports
const ARTICLE_DATE = "2019-07-12";
const MAIN_FUND = 100_000;
const LOCAL_HISTORY_FUND = 58_333;

// The 19 district and city libraries of 2019: the 17 districts' and those of Kokshetau and
// Stepnogorsk. (Kosshy, a city since 2021, was then a village of Tselinograd district.) The opening
// dates of their coworking centres.
const COWORKING_CENTRES: Array<[territory: string, openedOn: string]> = [
  ["akmola.kokshetau", "2019-08-30"],
  ["akmola.stepnogorsk", "2019-09-13"],
  ["akmola.burabay", "2019-09-20"],
  ["akmola.tselinograd", "2019-09-27"],
  ["akmola.atbasar", "2019-10-04"],
  ["akmola.akkol", "2019-10-11"],
  ["akmola.zerendi", "2019-10-18"],
  ["akmola.shortandy", "2019-10-25"],
  ["akmola.arshaly", "2019-11-08"],
  ["akmola.bulandy", "2019-11-15"],
  ["akmola.esil", "2019-11-29"],
  ["akmola.ereymentau", "2019-12-13"],
  ["akmola.sandyktau", "2020-01-24"],
  ["akmola.astrakhan", "2020-02-07"],
  ["akmola.birzhan-sal", "2020-02-21"],
  ["akmola.zharkain", "2020-02-28"],
  ["akmola.egindykol", "2020-06-12"],
  ["akmola.zhaksy", "2020-06-19"],
  ["akmola.korgalzhyn", "2020-06-26"],
];

const MEASURES: MeasureSpec[] = [
  {
    number: "1.1",
    section: "1",
    title: t(
      "19 аудандық және қалалық кітапхана базасында «Jas Otan Kitaphana» коворкинг-орталықтарын ашу",
      "Открытие коворкинг-центров «Жас Отан кітапханасы» («Jas Otan Kitaphana») на базе 19 районных и городских библиотек",
      "Opening «Jas Otan Kitaphana» coworking centres in 19 district and city libraries",
    ),
    completionForm: t("Облыс әкімдігіне ақпарат", "Информация в акимат области", "Report to the regional akimat"),
    unit: "centre",
    responsible: CULTURE,
    coExecutors: [LIBRARY],
    territory: REGION,
    deadline: "2020-12-25",
    fundingSource: t("Жергілікті бюджет", "Местный бюджет", "Local budget"),
    shareOfBase: {
      base: t("Аудандық және қалалық кітапханалар", "Районные и городские библиотеки", "District and city libraries"),
    },
    // One centre per library, planned for 2019: a share of the district's one library.
    plans: COWORKING_CENTRES.map(([territory]) => ({ territory, year: 2019, quarter: 4, planned: 1, base: 1 })),
    entries: COWORKING_CENTRES.map(([territory, openedOn], index) => ({
      territory,
      date: openedOn,
      value: 1,
      narrative: t(
        `${territoryName(territory).kk}: кітапхана базасында «Jas Otan Kitaphana» коворкинг-орталығы ашылды.` +
          (index === 0 ? " Облыстық кітапхананың өз коворкинг-орталығы бұған дейін ашылған." : ""),
        `${territoryName(territory).ru}: на базе библиотеки открыт коворкинг-центр «Jas Otan Kitaphana».` +
          (index === 0 ? " Коворкинг-центр областной библиотеки открыт ранее." : ""),
      ),
      evidence: evidence("akmola/1.1", territory),
      author: AUTHOR,
    })),
  },
  {
    number: "1.2",
    section: "1",
    title: t(
      "Кітапхананың негізгі қорын цифрландыру",
      "Оцифровка основного фонда библиотеки",
      "Digitising the library's main fund",
    ),
    completionForm: t("Облыс әкімдігіне ақпарат", "Информация в акимат области", "Report to the regional akimat"),
    unit: "document",
    responsible: LIBRARY,
    territory: REGION,
    deadline: "2019-12-25",
    fundingSource: t("Жергілікті бюджет", "Местный бюджет", "Local budget"),
    shareOfBase: { base: t("Негізгі қор, құжат", "Основной фонд, документов", "Main fund, documents") },
    plans: [{ territory: REGION, year: 2019, quarter: 4, planned: 35_000, base: MAIN_FUND }],
    entries: [
      {
        territory: REGION,
        date: ARTICLE_DATE,
        value: 35_000,
        narrative: t(
          "122 мыңнан астам құжат цифрландырылды, оның 35 мыңнан астамы мемлекеттік тілде — бұл негізгі қордың 35 %-ы.",
          "Оцифровано более 122 тыс. документов, из них на государственном языке свыше 35 тыс. документов, что составляет 35 % от основного фонда.",
        ),
        evidence: evidence("akmola/1.2", ARTICLE_DATE),
        author: AUTHOR,
      },
    ],
  },
  {
    number: "1.3",
    section: "1",
    title: t("Өлкетану қорын цифрландыру", "Оцифровка краеведческого фонда", "Digitising the local-history fund"),
    completionForm: t("Облыс әкімдігіне ақпарат", "Информация в акимат области", "Report to the regional akimat"),
    unit: "document",
    responsible: LIBRARY,
    territory: REGION,
    deadline: "2019-12-25",
    fundingSource: t("Жергілікті бюджет", "Местный бюджет", "Local budget"),
    shareOfBase: { base: t("Өлкетану қоры, құжат", "Краеведческий фонд, документов", "Local-history fund, documents") },
    plans: [{ territory: REGION, year: 2019, quarter: 4, planned: 35_000, base: LOCAL_HISTORY_FUND }],
    entries: [
      {
        territory: REGION,
        date: ARTICLE_DATE,
        value: 35_000,
        narrative: t("Өлкетану қорының 60 %-ы цифрландырылды.", "Оцифровано 60 % краеведческого фонда."),
        evidence: evidence("akmola/1.3", ARTICLE_DATE),
        author: AUTHOR,
      },
    ],
  },
  {
    number: "1.4",
    section: "1",
    title: t(
      "Сирек қордағы кітаптарды Қазақ ұлттық электрондық кітапханасына беру",
      "Передача книг из редкого фонда в Казахскую национальную электронную библиотеку",
      "Passing rare books to the Kazakh National Electronic Library",
    ),
    completionForm: t("Қабылдау-беру актісі", "Акт приёма-передачи", "Transfer certificate"),
    unit: "item",
    responsible: LIBRARY,
    territory: REGION,
    deadline: "2019-12-25",
    fundingSource: t("Қаржыландыруды қажет етпейді", "Не требует финансирования", "No funding required"),
    // The article gives only the result; the plan is set to it.
    plans: [{ territory: REGION, year: 2019, quarter: 4, planned: 279 }],
    entries: [
      {
        territory: REGION,
        date: ARTICLE_DATE,
        value: 279,
        narrative: t(
          "Қазақ ұлттық электрондық кітапханасына сирек қордан 279 кітап берілді, оның 53-і авторлық құқық бойынша.",
          "В Казахскую Национальную электронную библиотеку передано 279 книг из редкого фонда, из них 53 по авторскому праву.",
        ),
        evidence: evidence("akmola/1.4", ARTICLE_DATE),
        author: AUTHOR,
      },
    ],
  },
];

export async function seedAkmola(ctx: SeedContext, programmeId: number): Promise<{ roadMapId: number }> {
  const roadMap = await insertRoadMap(ctx, {
    programmeId,
    territory: REGION,
    title: t(
      "«Кітапхана — заманауи білім орталығы» жобасын Ақмола облысында іске асыру жөніндегі жол картасы",
      "Дорожная карта реализации проекта «Библиотека — современный центр знаний» в Акмолинской области",
      "Akmola Region road map for the project “The library as a modern centre of knowledge”",
    ),
    approvedOn: "2019-03-22",
    sections: [{ number: "1", title: t("Кітапханаларды жаңғырту", "Модернизация библиотек", "Modernising libraries") }],
    measures: MEASURES,
  });
  await insertReports(
    ctx,
    roadMap.id,
    quarterlyReports({
      departments: [
        { key: CULTURE, submittedBy: AUTHOR },
        { key: LIBRARY, submittedBy: AUTHOR },
      ],
      from: q(2019, 3),
      through: q(2020, 2),
      today: ctx.today,
    }),
  );
  return { roadMapId: roadMap.id };
}
