import { evidence, q, t, type SeedContext } from "./common";
import { insertReports, insertRoadMap, quarterlyReports } from "./roadmap";

// Kostanay Region, Altynsarin district (article 003): the «Бірыңғай күн» / «Единый день» on the
// «Listening state» concept, held on 6 February (taken as 2020) in all rural libraries of the
// Altynsarin library system at once: one event, 238 people reached. The article gives the same
// report in Kazakh and in Russian; the entry holds both, shortened.

const DISTRICT = "kostanay.altynsarin";
const CLS = "kostanay.altynsarin-cls";
const AUTHOR = "admin";
const DAY = "2020-02-06";

export async function seedAltynsarin(ctx: SeedContext, programmeId: number): Promise<{ roadMapId: number }> {
  const roadMap = await insertRoadMap(ctx, {
    programmeId,
    territory: "kostanay",
    title: t(
      "Республикалық жалпы жоспарды Қостанай облысында орындау жөніндегі іс-шаралар жоспары",
      "План мероприятий по исполнению Республиканского общего плана в Костанайской области",
      "Kostanay Region plan for the national joint action plan",
    ),
    approvedOn: "2020-01-24",
    sections: [
      {
        number: "1",
        title: t(
          "«Еститін мемлекет» тұжырымдамасын түсіндіру",
          "Разъяснение концепции «Слышащее государство»",
          "Explaining the «Listening State» concept",
        ),
      },
    ],
    measures: [
      {
        number: "1.1",
        section: "1",
        title: t(
          "«Тыңдайтын мемлекет» тұжырымдамасын түсіндіру бойынша Бірыңғай күн өткізу",
          "Проведение Единого дня по разъяснению концепции «Слышащее государство»",
          "A Single Day explaining the «Listening State» concept",
        ),
        completionForm: t("Дөңгелек үстел", "Круглый стол", "Round table"),
        unit: "event",
        responsible: CLS,
        territory: DISTRICT,
        deadline: "2020-02-28",
        fundingSource: t("Қаржыландыруды қажет етпейді", "Не требует финансирования", "No funding required"),
        plans: [{ territory: DISTRICT, year: 2020, quarter: 1, planned: 1 }],
        entries: [
          {
            territory: DISTRICT,
            date: DAY,
            value: 1,
            people: 238,
            narrative: t(
              "6 ақпан күні Алтынсарин ОКЖ кітапханаларында «тыңдайтын мемлекет» тұжырымдамасын түсіндіру бойынша Бірыңғай күн өтті. " +
                "Алтынсарин ОКЖ-нің барлық ауылдық кітапханаларында «Еститін мемлекет — қоғам мен биліктің толыққанды диалогы» атты дөңгелек үстел ұйымдастырылды. " +
                "Іс-шараға мектеп мұғалімдері, жасөспірімдер, жастар және аудан кітапханаларын пайдаланушылардың басқа да санаттары қатысты; ауылдық округ әкімдері шақырылды. " +
                "Барлығы 238 адам қамтылды.",
              "6 февраля в библиотеках Алтынсаринской ЦБС прошёл Единый день по разъяснению концепции «Слышащее государство». " +
                "Во всех сельских библиотеках Алтынсаринской ЦБС был организован круглый стол «Слышащее государство — полноправный диалог общества и власти». " +
                "В мероприятии приняли участие учителя школ, юношество, молодёжь и другие категории пользователей библиотек района; были приглашены акимы сельских округов. " +
                "Охват составил 238 человек.",
            ),
            evidence: evidence("kostanay/1.1", DAY),
            author: AUTHOR,
          },
        ],
      },
    ],
  });
  await insertReports(
    ctx,
    roadMap.id,
    quarterlyReports({
      departments: [{ key: CLS, submittedBy: AUTHOR }],
      from: q(2020, 1),
      through: q(2020, 1),
      today: ctx.today,
    }),
  );
  return { roadMapId: roadMap.id };
}
