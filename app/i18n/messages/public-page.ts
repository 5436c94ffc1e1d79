import { defineMessages } from "./define";

// A programme's public transparency page (routes/p.*), and the admin's switches for it: publishing the
// page, choosing its blocks, marking a measure's narratives public.

export const publicPage = defineMessages(
  {
    publicPage: {
      kind: "Ашық есеп",
      asOf: "{{date}} жағдай бойынша",
      asOfNote:
        "Көрсеткіштер {{date}} жағдай бойынша есептелген: мерзімі жеткен тоқсандардың жоспары және қабылданған тоқсандық есептердің фактісі.",
      signIn: "Жүйеге кіру",
      roadMaps: "Жол карталары",
      roadMapsIntro: "Бағдарламаның әр жол картасының орындалуы, {{date}} жағдай бойынша.",
      total: "Жалпы орындалу",
      allRoadMaps: "Бағдарламаның барлық жол карталары",
      narrative: "Орындалу барысы",
      noMeasures: "Жол картасында іс-шара жоқ.",
      pages: "Іс-шаралар беттері",
      description: "{{programme}}: {{roadMap}} орындалуы, {{date}} жағдай бойынша.",
      footer: "Бұл бетте тек бағдарлама әкімшісі жариялаған көрсеткіштер берілген.",
      admin: {
        heading: "Ашық бет",
        intro: "Бағдарламаның ашық беті жүйеге кірмей ашылады: қазақ, орыс және ағылшын тілдерінде.",
        published: "Ашық бетті жариялау",
        blocks: "Ашық бетте көрсетілетіні",
        sections: "Бөлімдер бойынша орындалу",
        territories: "Аумақтар бойынша орындалу",
        measures: "Іс-шаралар тізімі: күйі мен мерзімі",
        save: "Сақтау",
        open: "Ашық бетті ашу",
        notPublished: "Ашық бет жарияланбаған.",
        narrativeHint:
          "Іс-шаралардың орындалу барысының мәтіндері тек іс-шара бетінде «ашық бетте көрсету» белгіленген жерде шығады.",
      },
      narrativeMark: {
        heading: "Ашық бет",
        label: "Орындалу барысының мәтінін бағдарламаның ашық бетінде көрсету",
        hint: "Соңғы қабылданған жазбаның мәтіні ғана көрсетіледі: авторы мен файлдары көрсетілмейді.",
        save: "Белгіні сақтау",
      },
      validation: {
        noBlock: "Ашық бетте көрсетілетін кемінде бір бөлікті таңдаңыз.",
      },
    },
  },
  {
    publicPage: {
      kind: "Открытый отчёт",
      asOf: "по состоянию на {{date}}",
      asOfNote:
        "Показатели рассчитаны по состоянию на {{date}}: план наступивших кварталов и факт принятых квартальных отчётов.",
      signIn: "Войти в систему",
      roadMaps: "Дорожные карты",
      roadMapsIntro: "Исполнение каждой дорожной карты программы по состоянию на {{date}}.",
      total: "Общее исполнение",
      allRoadMaps: "Все дорожные карты программы",
      narrative: "Ход исполнения",
      noMeasures: "В дорожной карте нет мероприятий.",
      pages: "Страницы мероприятий",
      description: "{{programme}}: исполнение — {{roadMap}}, по состоянию на {{date}}.",
      footer: "На этой странице только показатели, которые опубликовал администратор программы.",
      admin: {
        heading: "Открытая страница",
        intro: "Открытая страница программы открывается без входа в систему: на казахском, русском и английском.",
        published: "Опубликовать открытую страницу",
        blocks: "Что показывать на открытой странице",
        sections: "Исполнение по разделам",
        territories: "Исполнение по территориям",
        measures: "Список мероприятий: статус и срок",
        save: "Сохранить",
        open: "Открыть открытую страницу",
        notPublished: "Открытая страница не опубликована.",
        narrativeHint:
          "Тексты о ходе исполнения мероприятий показываются только там, где на странице мероприятия отмечено «показывать на открытой странице».",
      },
      narrativeMark: {
        heading: "Открытая страница",
        label: "Показывать текст о ходе исполнения на открытой странице программы",
        hint: "Показывается только текст последней принятой записи: без автора и файлов.",
        save: "Сохранить отметку",
      },
      validation: {
        noBlock: "Выберите хотя бы один блок для открытой страницы.",
      },
    },
  },
  {
    publicPage: {
      kind: "Public report",
      asOf: "as of {{date}}",
      asOfNote:
        "Figures as of {{date}}: the plan of the quarters due by then and the facts of accepted quarterly reports.",
      signIn: "Sign in",
      roadMaps: "Road maps",
      roadMapsIntro: "Execution of each road map of the programme, as of {{date}}.",
      total: "Overall execution",
      allRoadMaps: "All road maps of the programme",
      narrative: "Progress",
      noMeasures: "The road map has no measures.",
      pages: "Pages of measures",
      description: "{{programme}}: execution of {{roadMap}}, as of {{date}}.",
      footer: "This page shows only the figures the programme's administrator has published.",
      admin: {
        heading: "Public page",
        intro: "The programme's public page opens without signing in, in Kazakh, Russian and English.",
        published: "Publish the public page",
        blocks: "What the public page shows",
        sections: "Execution by section",
        territories: "Execution by territory",
        measures: "List of measures: status and deadline",
        save: "Save",
        open: "Open the public page",
        notPublished: "The public page is not published.",
        narrativeHint:
          "Measures' progress narratives appear only where the measure's page marks them «shown on the public page».",
      },
      narrativeMark: {
        heading: "Public page",
        label: "Show the progress narrative on the programme's public page",
        hint: "Only the text of the latest accepted entry is shown: not its author, not its files.",
        save: "Save the mark",
      },
      validation: {
        noBlock: "Choose at least one block for the public page.",
      },
    },
  },
);
