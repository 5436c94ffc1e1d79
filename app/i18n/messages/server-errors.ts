import { defineMessages } from "./define";

// Answers given before a page can be rendered: the database is down, or the request itself is refused.
export const serverErrors = defineMessages(
  {
    serverErrors: {
      unavailableTitle: "Дерекқор қолжетімсіз",
      unavailable: "Дерекқор қазір жауап бермей тұр. Бірнеше секундтан кейін қайталап көріңіз.",
      tryAgain: "Қайталау",
      refusedTitle: "Сұрау қабылданбады",
      badText:
        "Жіберілген мәтінде рұқсат етілмеген таңбалар бар (NUL байты немесе қате UTF-8). Мәтінді түзетіп, қайта жіберіңіз.",
      tooLarge: "Жіберілген деректер тым үлкен: ең көбі {{limit}}.",
      unsupportedType: "Бұл мекенжай тек веб-форманы қабылдайды.",
      methodNotAllowed: "Бұл мекенжай мұндай сұрауды қабылдамайды.",
      crossSite: "Басқа сайттан жіберілген форма қабылданбайды. Бетті қайта ашып, қайталап көріңіз.",
      backHome: "Басты бетке",
    },
  },
  {
    serverErrors: {
      unavailableTitle: "База данных недоступна",
      unavailable: "База данных сейчас не отвечает. Повторите попытку через несколько секунд.",
      tryAgain: "Повторить",
      refusedTitle: "Запрос отклонён",
      badText:
        "В отправленном тексте есть недопустимые символы (байт NUL или неверный UTF-8). Исправьте текст и отправьте снова.",
      tooLarge: "Отправлено слишком много данных: не больше {{limit}}.",
      unsupportedType: "Этот адрес принимает только веб-формы.",
      methodNotAllowed: "Этот адрес не принимает такой запрос.",
      crossSite: "Форма, отправленная с другого сайта, не принимается. Откройте страницу заново и повторите.",
      backHome: "На главную",
    },
  },
  {
    serverErrors: {
      unavailableTitle: "The database is unavailable",
      unavailable: "The database is not answering right now. Try again in a few seconds.",
      tryAgain: "Try again",
      refusedTitle: "Request refused",
      badText:
        "The text sent contains characters that are not allowed (a NUL byte or invalid UTF-8). Correct it and send it again.",
      tooLarge: "Too much data was sent: at most {{limit}}.",
      unsupportedType: "This address accepts web forms only.",
      methodNotAllowed: "This address does not accept this kind of request.",
      crossSite: "A form sent from another site is not accepted. Open the page again and retry.",
      backHome: "Home page",
    },
  },
);
