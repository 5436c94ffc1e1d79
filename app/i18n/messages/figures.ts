import { defineMessages } from "./define";

// The names of the road map's percentages, each with one meaning everywhere (DESIGN.md «The numbers,
// defined once»), their short explanations, and shares of a base shown with their counts.
export const figures = defineMessages(
  {
    figures: {
      dueToDate: "Мерзімі жеткен жоспардың орындалуы",
      dueToDateHint:
        "{{date}} дейін мерзімі жеткен жоспарға (аяқталған тоқсандар) қарағанда {{date}} дейінгі факт: әр іс-шара бойынша min(факт / жоспар, 1), іс-шаралардың салмағы бойынша орташа.",
      yearPlan: "{{year}} жылдық жоспардың орындалуы",
      yearPlanHint:
        "{{year}} жылдың бүкіл жоспарына қарағанда {{date}} дейінгі факт: әр іс-шара бойынша min(факт / жылдық жоспар, 1), салмақ бойынша орташа. Жыл соңына дейін 100 %-ға жетпеуі қалыпты.",
      wholePlan: "Бүкіл жоспар бойынша жол",
      wholePlanValue: "болуы тиіс: {{planned}} · орындалғаны: {{actual}}",
      wholePlanHint:
        "Іс-шаралардың бүкіл жоспарының (барлық жылдары) қанша бөлігі {{date}} дейін орындалуы тиіс еді және қаншасы орындалды; салмақ бойынша орташа.",
      noPlan: "бұл кезеңде жоспар жоқ",
      explain: "«{{name}}» қалай есептеледі",
      legend: "Пайыздардың мағынасы",
      shareOfBase: "{{base}} ішінен {{part}} — {{percent}}",
      shareNoBase: "{{part}} (база көрсетілмеген)",
      shareMeasure: "Базаның үлесі",
      shareMeasureHint:
        "Жоспар мен факт база (қордың көлемі, кітапханалар саны) санымен бірге саналады; пайыз солардан шығады, бірнеше аумақ бойынша сандар мен базалар қосылады.",
      baseLabel: "База (неден үлес)",
      base: "База",
      baseHint: "Осы жоспар жолы сілтейтін база: қордың көлемі, бірліктер саны",
      entryBase: "Фактіні жазған кездегі база",
      entryBaseHint: "Бос қалса, жоспардағы база алынады",
      planShare: "Мерзімі жеткен жоспар",
      factShare: "Орындалғаны",
      targetShare: "Бүкіл жоспар",
      baseInvalid: "База — нөлден үлкен сан",
      baseNeeded: "Базаның үлесі болатын іс-шара жоспарының әр жолына база керек",
    },
  },
  {
    figures: {
      dueToDate: "Исполнение плана, срок которого наступил",
      dueToDateHint:
        "Факт на {{date}} к плану, срок которого наступил к {{date}} (завершённые кварталы): по каждому мероприятию min(факт / план, 1), среднее по весам мероприятий.",
      yearPlan: "Исполнение годового плана {{year}} года",
      yearPlanHint:
        "Факт на {{date}} ко всему плану {{year}} года: по каждому мероприятию min(факт / годовой план, 1), среднее по весам. До конца года меньше 100 % — это нормально.",
      wholePlan: "Продвижение по всему плану",
      wholePlanValue: "должно быть: {{planned}} · исполнено: {{actual}}",
      wholePlanHint:
        "Какая доля всего плана мероприятий (за все годы) должна была быть исполнена к {{date}} и какая исполнена; среднее по весам.",
      noPlan: "в этом периоде плана нет",
      explain: "Как считается «{{name}}»",
      legend: "Что означают проценты",
      shareOfBase: "{{part}} из {{base}} — {{percent}}",
      shareNoBase: "{{part}} (база не указана)",
      shareMeasure: "Доля от базы",
      shareMeasureHint:
        "План и факт считаются в единицах вместе с базой (объём фонда, число библиотек); процент вычисляется из них, по нескольким территориям суммируются количества и базы.",
      baseLabel: "База (доля от чего)",
      base: "База",
      baseHint: "База, к которой относится эта строка плана: объём фонда, число единиц",
      entryBase: "База на момент факта",
      entryBaseHint: "Если пусто, берётся база из плана",
      planShare: "План, срок которого наступил",
      factShare: "Исполнено",
      targetShare: "Весь план",
      baseInvalid: "База — число больше нуля",
      baseNeeded: "У мероприятия, которое считается долей от базы, у каждой строки плана нужна база",
    },
  },
  {
    figures: {
      dueToDate: "Execution of the plan due to date",
      dueToDateHint:
        "Facts up to {{date}} against the plan due by {{date}} (the quarters that have ended): min(fact / plan, 1) for each measure, averaged by the measures' weights.",
      yearPlan: "Execution of the {{year}} plan",
      yearPlanHint:
        "Facts up to {{date}} against the whole plan for {{year}}: min(fact / year's plan, 1) for each measure, averaged by weight. Below 100 % before the year ends is normal.",
      wholePlan: "Progress through the whole plan",
      wholePlanValue: "should be: {{planned}} · done: {{actual}}",
      wholePlanHint:
        "How much of the measures' whole plan (every year) should have been done by {{date}}, and how much was; averaged by weight.",
      noPlan: "no plan in this period",
      explain: "How «{{name}}» is worked out",
      legend: "What the percentages mean",
      shareOfBase: "{{part}} of {{base}} — {{percent}}",
      shareNoBase: "{{part}} (no base given)",
      shareMeasure: "Share of a base",
      shareMeasureHint:
        "Plan and fact are counted together with their base (the fund's size, the number of libraries); the percentage is computed from them, and over several territories counts and bases are summed.",
      baseLabel: "Base (a share of what)",
      base: "Base",
      baseHint: "The base this plan row refers to: the fund's size, the number of units",
      entryBase: "Base when the fact was recorded",
      entryBaseHint: "Left empty, the plan's base is used",
      planShare: "Plan due to date",
      factShare: "Done",
      targetShare: "Whole plan",
      baseInvalid: "The base is a number above zero",
      baseNeeded: "A measure counted as a share of a base needs a base on every plan row",
    },
  },
);
