import { defineMessages } from "./define";

export const common = defineMessages(
  {
    app: {
      name: "Oryndau",
      tagline: "Жол карталарының орындалуын бақылау",
      skipToContent: "Негізгі мазмұнға өту",
    },
    language: {
      label: "Тіл",
      kk: "Қазақша",
      ru: "Русский",
      en: "English",
      shownInShort: {
        kk: "қаз.",
        ru: "орыс.",
        en: "ағыл.",
      },
    },
    nav: {
      roadMaps: "Жол карталары",
      myMeasures: "Менің іс-шараларым",
      reviews: "Есептерді қарау",
      main: "Негізгі мәзір",
    },
    user: {
      signOut: "Шығу",
      menu: "Пайдаланушы мәзірі",
    },
    roles: {
      admin: "Әкімші",
      editor: "Басқарма өкілі",
      council: "Кеңес мүшесі",
      akim: "Әкімдік",
      viewer: "Оқырман",
    },
    errors: {
      title: "Қате",
      notFound: "Сұралған бет табылмады.",
      forbidden: "Бұл деректерді көруге рұқсатыңыз жоқ.",
      unexpected: "Күтпеген қате орын алды. Кейінірек қайталап көріңіз.",
      backHome: "Басты бетке",
      invalidDate: "Күнді ЖЖЖЖ-АА-КК түрінде енгізіңіз",
    },
  },
  {
    app: {
      name: "Oryndau",
      tagline: "Контроль исполнения дорожных карт",
      skipToContent: "Перейти к содержимому",
    },
    language: {
      label: "Язык",
      kk: "Қазақша",
      ru: "Русский",
      en: "English",
      shownInShort: {
        kk: "каз.",
        ru: "рус.",
        en: "англ.",
      },
    },
    nav: {
      roadMaps: "Дорожные карты",
      myMeasures: "Мои мероприятия",
      reviews: "Рассмотрение отчётов",
      main: "Главное меню",
    },
    user: {
      signOut: "Выйти",
      menu: "Меню пользователя",
    },
    roles: {
      admin: "Администратор",
      editor: "Представитель управления",
      council: "Член совета",
      akim: "Акимат",
      viewer: "Читатель",
    },
    errors: {
      title: "Ошибка",
      notFound: "Запрошенная страница не найдена.",
      forbidden: "У вас нет доступа к этим данным.",
      unexpected: "Произошла непредвиденная ошибка. Повторите попытку позже.",
      backHome: "На главную",
      invalidDate: "Введите дату в формате ГГГГ-ММ-ДД",
    },
  },
  {
    app: {
      name: "Oryndau",
      tagline: "Tracking how road maps are carried out",
      skipToContent: "Skip to content",
    },
    language: {
      label: "Language",
      kk: "Қазақша",
      ru: "Русский",
      en: "English",
      shownInShort: {
        kk: "kk",
        ru: "ru",
        en: "en",
      },
    },
    nav: {
      roadMaps: "Road maps",
      myMeasures: "My measures",
      reviews: "Report reviews",
      main: "Main menu",
    },
    user: {
      signOut: "Sign out",
      menu: "User menu",
    },
    roles: {
      admin: "Administrator",
      editor: "Department officer",
      council: "Council member",
      akim: "Akimat",
      viewer: "Reader",
    },
    errors: {
      title: "Error",
      notFound: "The page you asked for was not found.",
      forbidden: "You may not see this data.",
      unexpected: "Something went wrong. Please try again later.",
      backHome: "Home",
      invalidDate: "Enter a date as YYYY-MM-DD",
    },
  },
);
