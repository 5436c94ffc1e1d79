import { defineMessages } from "./define";

// The notification centre (the header's bell, /notifications and its settings) and the words of each
// kind of notification, rendered when it is read or mailed, in the reader's language.

export const notifications = defineMessages(
  {
    notifications: {
      title: "Хабарламалар",
      bell: "Хабарламалар",
      bellUnread: "Хабарламалар: {{count}} оқылмаған",
      empty: "Әзірге хабарлама жоқ.",
      unread: "Жаңа",
      markAllRead: "Барлығын оқылды деп белгілеу",
      allRead: "Барлық хабарлама оқылды.",
      open: "Ашу",
      unreadCount: "Оқылмаған: {{count}}",
      newer: "Жаңалары",
      older: "Бұрынғылары",
      pageOf: "{{page}}-бет",
      settings: "Хабарлама баптаулары",
      settingsHint:
        "Хабарламалар әрқашан осы бетте көрсетіледі. Қайсысын электрондық поштаға да жіберу керегін таңдаңыз.",
      emailTo: "Хаттар жіберілетін мекенжай: {{email}}",
      noEmail: "Электрондық пошта мекенжайыңыз көрсетілмеген: хабарламалар тек осы бетте көрсетіледі.",
      byEmail: "Поштаға жіберу",
      save: "Сақтау",
      saved: "Хабарлама баптаулары сақталды.",
      back: "Хабарламаларға оралу",
      quarter: "{{year}} ж. {{quarter}}-тоқсан",
      year: "{{year}} жыл",
      mailFooter: "Бұл хатты Oryndau жіберді. Қай хабарламалар поштаға келетінін мына жерде өзгертуге болады: {{link}}",
      mailOpen: "Ашу: {{link}}",
      agenda: "Күн тәртібі:",
      kindNames: {
        report_due: "Тоқсандық есептің мерзімі жақындады",
        report_overdue: "Тоқсандық есеп кешікті",
        report_returned: "Есеп түзетуге қайтарылды",
        report_accepted: "Есеп қабылданды",
        decision_assigned: "Басқармаға тапсырма берілді",
        decision_due: "Тапсырманың мерзімі жақындады",
        decision_overdue: "Тапсырманың мерзімі өтті",
        meeting_planned: "Кеңес отырысы жоспарланды",
        meeting_moved: "Кеңес отырысы ауыстырылды",
        kpi_opened: "KPI нақты мәндерін енгізу ашылды",
        kpi_closing: "KPI кезеңі жабылуға жақын",
      },
      kinds: {
        report_due: {
          title: "{{period}} есебін тапсыру мерзімі — {{dueDate}}",
          body: "{{department}} · {{roadMap}}",
        },
        report_overdue: {
          title: "{{period}} есебі кешікті: мерзімі {{dueDate}} еді",
          body: "{{department}} · {{roadMap}}",
        },
        report_returned: {
          title: "{{period}} есебі түзетуге қайтарылды",
          body: "{{reviewer}}: «{{comment}}»\n{{department}} · {{roadMap}}",
        },
        report_accepted: {
          title: "{{period}} есебі қабылданды",
          body: "{{reviewer}} · {{department}} · {{roadMap}}",
        },
        decision_assigned: {
          title: "{{department}} басқармасына тапсырма: {{council}}, {{meetingDate}} отырысы",
          body: "{{decision}}",
        },
        decision_due: {
          title: "Тапсырманың мерзімі {{deadline}} аяқталады",
          body: "{{decision}}",
        },
        decision_overdue: {
          title: "Тапсырманың мерзімі {{deadline}} өтті",
          body: "{{decision}}",
        },
        meeting_planned: {
          title: "{{council}}: отырыс {{date}} жоспарланды",
          body: "{{place}}",
        },
        meeting_moved: {
          title: "{{council}}: отырыс {{previousDate}} орнына {{date}} өтеді",
          body: "{{place}}",
        },
        kpi_opened: {
          title: "{{territory}}: {{period}} KPI нақты мәндерін енгізуге болады",
          body: "Мерзімі — {{deadline}}.",
        },
        kpi_closing: {
          title: "{{territory}}: {{period}} KPI кезеңі {{deadline}} жабылады",
          body: "Енгізілмеген нақты мән 0 деп есептеледі.",
        },
      },
    },
  },
  {
    notifications: {
      title: "Уведомления",
      bell: "Уведомления",
      bellUnread: "Уведомления: непрочитанных — {{count}}",
      empty: "Уведомлений пока нет.",
      unread: "Новое",
      markAllRead: "Отметить все как прочитанные",
      allRead: "Все уведомления прочитаны.",
      open: "Открыть",
      unreadCount: "Непрочитанных: {{count}}",
      newer: "Новее",
      older: "Старше",
      pageOf: "Страница {{page}}",
      settings: "Настройки уведомлений",
      settingsHint:
        "Уведомления всегда видны на этой странице. Выберите, какие из них присылать и на электронную почту.",
      emailTo: "Письма приходят на адрес: {{email}}",
      noEmail: "Адрес электронной почты не указан: уведомления видны только на этой странице.",
      byEmail: "Присылать на почту",
      save: "Сохранить",
      saved: "Настройки уведомлений сохранены.",
      back: "К уведомлениям",
      quarter: "{{quarter}} квартал {{year}} г.",
      year: "{{year}} год",
      mailFooter:
        "Это письмо отправила система Oryndau. Какие уведомления приходят на почту, можно изменить здесь: {{link}}",
      mailOpen: "Открыть: {{link}}",
      agenda: "Повестка дня:",
      kindNames: {
        report_due: "Приближается срок квартального отчёта",
        report_overdue: "Квартальный отчёт просрочен",
        report_returned: "Отчёт возвращён на доработку",
        report_accepted: "Отчёт принят",
        decision_assigned: "Управлению дано поручение",
        decision_due: "Приближается срок поручения",
        decision_overdue: "Срок поручения истёк",
        meeting_planned: "Запланировано заседание совета",
        meeting_moved: "Заседание совета перенесено",
        kpi_opened: "Открыт ввод фактических значений KPI",
        kpi_closing: "Период KPI скоро закроется",
      },
      kinds: {
        report_due: {
          title: "Отчёт за {{period}} нужно сдать до {{dueDate}}",
          body: "{{department}} · {{roadMap}}",
        },
        report_overdue: {
          title: "Отчёт за {{period}} просрочен: срок был {{dueDate}}",
          body: "{{department}} · {{roadMap}}",
        },
        report_returned: {
          title: "Отчёт за {{period}} возвращён на доработку",
          body: "{{reviewer}}: «{{comment}}»\n{{department}} · {{roadMap}}",
        },
        report_accepted: {
          title: "Отчёт за {{period}} принят",
          body: "{{reviewer}} · {{department}} · {{roadMap}}",
        },
        decision_assigned: {
          title: "Поручение для «{{department}}»: {{council}}, заседание {{meetingDate}}",
          body: "{{decision}}",
        },
        decision_due: {
          title: "Срок поручения истекает {{deadline}}",
          body: "{{decision}}",
        },
        decision_overdue: {
          title: "Срок поручения истёк {{deadline}}",
          body: "{{decision}}",
        },
        meeting_planned: {
          title: "{{council}}: заседание запланировано на {{date}}",
          body: "{{place}}",
        },
        meeting_moved: {
          title: "{{council}}: заседание перенесено с {{previousDate}} на {{date}}",
          body: "{{place}}",
        },
        kpi_opened: {
          title: "{{territory}}: можно вводить фактические значения KPI за {{period}}",
          body: "Срок — {{deadline}}.",
        },
        kpi_closing: {
          title: "{{territory}}: период KPI за {{period}} закрывается {{deadline}}",
          body: "Не введённое фактическое значение считается равным 0.",
        },
      },
    },
  },
  {
    notifications: {
      title: "Notifications",
      bell: "Notifications",
      bellUnread: "Notifications: {{count}} unread",
      empty: "No notifications yet.",
      unread: "New",
      markAllRead: "Mark all as read",
      allRead: "All notifications are read.",
      open: "Open",
      unreadCount: "Unread: {{count}}",
      newer: "Newer",
      older: "Older",
      pageOf: "Page {{page}}",
      settings: "Notification settings",
      settingsHint: "Notifications always appear on this page. Choose which of them are also sent by e-mail.",
      emailTo: "Mail goes to: {{email}}",
      noEmail: "You have no e-mail address: notifications appear on this page only.",
      byEmail: "Send by e-mail",
      save: "Save",
      saved: "Notification settings saved.",
      back: "Back to notifications",
      quarter: "Q{{quarter}} {{year}}",
      year: "the year {{year}}",
      mailFooter: "This mail was sent by Oryndau. Choose which notifications reach you by e-mail here: {{link}}",
      mailOpen: "Open: {{link}}",
      agenda: "Agenda:",
      kindNames: {
        report_due: "A quarter report is due soon",
        report_overdue: "A quarter report is overdue",
        report_returned: "A report was returned",
        report_accepted: "A report was accepted",
        decision_assigned: "An instruction for your department",
        decision_due: "An instruction is due soon",
        decision_overdue: "An instruction is overdue",
        meeting_planned: "A council meeting was planned",
        meeting_moved: "A council meeting was moved",
        kpi_opened: "KPI actuals can be entered",
        kpi_closing: "A KPI period closes soon",
      },
      kinds: {
        report_due: {
          title: "The report for {{period}} is due by {{dueDate}}",
          body: "{{department}} · {{roadMap}}",
        },
        report_overdue: {
          title: "The report for {{period}} is overdue: it was due by {{dueDate}}",
          body: "{{department}} · {{roadMap}}",
        },
        report_returned: {
          title: "The report for {{period}} was returned for changes",
          body: "{{reviewer}}: “{{comment}}”\n{{department}} · {{roadMap}}",
        },
        report_accepted: {
          title: "The report for {{period}} was accepted",
          body: "{{reviewer}} · {{department}} · {{roadMap}}",
        },
        decision_assigned: {
          title: "An instruction for {{department}}: {{council}}, meeting of {{meetingDate}}",
          body: "{{decision}}",
        },
        decision_due: {
          title: "An instruction is due by {{deadline}}",
          body: "{{decision}}",
        },
        decision_overdue: {
          title: "An instruction was due by {{deadline}}",
          body: "{{decision}}",
        },
        meeting_planned: {
          title: "{{council}}: a meeting is planned for {{date}}",
          body: "{{place}}",
        },
        meeting_moved: {
          title: "{{council}}: the meeting moved from {{previousDate}} to {{date}}",
          body: "{{place}}",
        },
        kpi_opened: {
          title: "{{territory}}: KPI actuals for {{period}} can be entered",
          body: "Due by {{deadline}}.",
        },
        kpi_closing: {
          title: "{{territory}}: the KPI period {{period}} closes on {{deadline}}",
          body: "An actual not entered counts as 0.",
        },
      },
    },
  },
);
