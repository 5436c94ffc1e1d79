import { defineMessages } from "./define";

// The questions a progress entry asks before it is saved (a figure to confirm, a reason when behind),
// the reports waiting on /my, and what the reviewer reads on /reviews.

export const reportForms = defineMessages(
  {
    reportForms: {
      confirm: {
        title: "Санды тексеріңіз",
        stored: "Сақталатын сан: {{value}} {{unit}}",
        noPlan:
          "Бұл тоқсанға ештеңе жоспарланбаған (жылдық жоспар: {{yearPlan}}). Сан дұрыс енгізілгеніне көз жеткізіңіз.",
        farPastPlan:
          "Сонда тоқсанның орындалуы {{fact}} болады, ал жоспары — {{plan}}: жоспардан {{times}} есе көп. Сан дұрыс енгізілгеніне көз жеткізіңіз.",
        checkbox: "Иә, {{value}} {{unit}} — дұрыс",
        sheetTitle: "Тексеруді қажет ететін сандар: {{count}}",
        sheetCheckbox: "Белгіленген сандар дұрыс, оларды сақтау керек",
        sheetMissing: "Сақтау алдында белгіленген сандардың дұрыс екенін растаңыз",
      },
      reason: {
        title: "Себебін жазу қажет",
        behind:
          "Осы жазбамен {{date}} жағдай бойынша іс-шара жоспардан артта қалады: {{plan}} жоспардан {{fact}} орындалды ({{percent}}), бұл {{amber}}%-дан төмен. Себебін қазақша немесе орысша жазыңыз.",
        overdue:
          "Орындау мерзімі ({{deadline}}) өтті, ал іс-шара толық орындалмаған: {{date}} жағдай бойынша {{plan}} жоспардан {{fact}}. Себебін қазақша немесе орысша жазыңыз.",
      },
      waiting: {
        title: "Назар аударыңыз: кешіккен және қайтарылған есептер",
        lateBadge: "Мерзімі өтті",
        late: "{{quarter}}: есепті тапсыру мерзімі ({{date}}) өтті — есеп әлі тапсырылмаған",
        returned: "{{quarter}}: есеп пысықтауға қайтарылды",
        comment: "Тексерушінің түсініктемесі",
        open: "Тоқсанды ашу",
      },
      review: {
        narrative: "Не істелді",
        reason: "Артта қалу себебі",
        evidence: "Растайтын сілтемелер",
        noEntries: "Тоқсанда жазба жоқ",
      },
    },
  },
  {
    reportForms: {
      confirm: {
        title: "Проверьте число",
        stored: "Будет сохранено: {{value}} (единица: {{unit}})",
        noPlan:
          "На этот квартал ничего не запланировано (план на год: {{yearPlan}}). Убедитесь, что число введено верно.",
        farPastPlan:
          "Тогда факт квартала составит {{fact}} при плане {{plan}} — в {{times}} раза больше плана. Убедитесь, что число введено верно.",
        checkbox: "Да, {{value}} (единица: {{unit}}) — верно",
        sheetTitle: "Числа, которые нужно проверить: {{count}}",
        sheetCheckbox: "Отмеченные числа верны, их нужно сохранить",
        sheetMissing: "Перед сохранением подтвердите, что отмеченные числа верны",
      },
      reason: {
        title: "Нужна причина",
        behind:
          "С этой записью на {{date}} мероприятие отстаёт от плана: выполнено {{fact}} из {{plan}} ({{percent}}), это ниже {{amber}} %. Укажите причину на казахском или русском.",
        overdue:
          "Срок исполнения ({{deadline}}) прошёл, а мероприятие не выполнено полностью: на {{date}} выполнено {{fact}} из {{plan}}. Укажите причину на казахском или русском.",
      },
      waiting: {
        title: "Требуют внимания: просроченные и возвращённые отчёты",
        lateBadge: "Просрочен",
        late: "{{quarter}}: срок сдачи отчёта ({{date}}) прошёл — отчёт не сдан",
        returned: "{{quarter}}: отчёт возвращён на доработку",
        comment: "Комментарий проверяющего",
        open: "Открыть квартал",
      },
      review: {
        narrative: "Что сделано",
        reason: "Причина отставания",
        evidence: "Подтверждающие ссылки",
        noEntries: "За квартал записей нет",
      },
    },
  },
  {
    reportForms: {
      confirm: {
        title: "Check the figure",
        stored: "To be saved: {{value}} ({{unit}})",
        noPlan: "Nothing is planned for this quarter (the year's plan: {{yearPlan}}). Make sure the figure is right.",
        farPastPlan:
          "The quarter's fact would then be {{fact}} against a plan of {{plan}} — {{times}} times the plan. Make sure the figure is right.",
        checkbox: "Yes, {{value}} ({{unit}}) is right",
        sheetTitle: "Figures to check: {{count}}",
        sheetCheckbox: "The flagged figures are right; save them",
        sheetMissing: "Confirm that the flagged figures are right before saving",
      },
      reason: {
        title: "A reason is needed",
        behind:
          "With this entry the measure is behind plan as of {{date}}: {{fact}} of {{plan}} done ({{percent}}), below {{amber}}%. Give the reason in Kazakh or Russian.",
        overdue:
          "The deadline ({{deadline}}) has passed and the measure is not fully done: {{fact}} of {{plan}} as of {{date}}. Give the reason in Kazakh or Russian.",
      },
      waiting: {
        title: "Needs your attention: late and returned reports",
        lateBadge: "Late",
        late: "{{quarter}}: the report was due on {{date}} and has not been submitted",
        returned: "{{quarter}}: the report was returned for rework",
        comment: "Reviewer's comment",
        open: "Open the quarter",
      },
      review: {
        narrative: "What was done",
        reason: "Reason for the delay",
        evidence: "Evidence",
        noEntries: "No entries in the quarter",
      },
    },
  },
);
