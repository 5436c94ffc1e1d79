import { defineMessages } from "./define";

// Forms whose submission key the server signs (ADR 20).
export const fastViews = defineMessages(
  {
    submissionKeys: {
      unknown: "Бұл форманы сервер бермеген немесе ол басқа пайдаланушыға арналған. Бетті жаңартып, қайта жіберіңіз.",
    },
  },
  {
    submissionKeys: {
      unknown:
        "Эту форму выдал не сервер, или она предназначена другому пользователю. Обновите страницу и отправьте ещё раз.",
    },
  },
  {
    submissionKeys: {
      unknown:
        "This form was not issued by the server, or it was issued to another user. Reload the page and send it again.",
    },
  },
);
