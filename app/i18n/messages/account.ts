import { defineMessages } from "./define";

// Sessions, sign-in throttling and password rules.
export const accountMessages = defineMessages(
  {
    sessions: {
      menu: "Менің сеанстарым",
      title: "Ашық сеанстар",
      intro: "Сіз кірген құрылғылар. Танымайтын сеанс болса, оны аяқтап, құпиясөзді өзгертіңіз.",
      limits: "Сеанс {{idle}} сағат қолданылмаса аяқталады, әрі кірген сәттен бастап {{days}} күннен артық созылмайды.",
      device: "Құрылғы",
      unknownDevice: "Белгісіз құрылғы",
      thisDevice: "Осы құрылғы",
      opened: "Кірген уақыты",
      lastSeen: "Соңғы әрекет",
      end: "Бұл сеансты аяқтау",
      ended: "Сеанс аяқталды.",
      gone: "Бұл сеанс бұрын аяқталған.",
      admin: {
        title: "Сеанстар",
        open: "Ашық сеанстар: {{n}}",
        hint: "Аяқталған соң пайдаланушы барлық құрылғыда қайта кіруі керек.",
        end: "Сеанстарды аяқтау",
        ended: "Аяқталған сеанстар: {{n}}",
      },
    },
    signIn: {
      throttledSeconds: "Сәтсіз әрекеттер тым көп. {{n}}\u00a0сек өткен соң қайталап көріңіз.",
      throttledMinutes: "Сәтсіз әрекеттер тым көп. {{n}}\u00a0мин өткен соң қайталап көріңіз.",
    },
    passwordRule: {
      personal: "Құпиясөзде пайдаланушының логині немесе аты болмауы керек",
      common: "Бұл құпиясөз тым жиі кездеседі, оны оңай табуға болады",
      current: "Жаңа құпиясөз қазіргісінен өзгеше болуы керек",
    },
  },
  {
    sessions: {
      menu: "Мои сеансы",
      title: "Открытые сеансы",
      intro: "Устройства, с которых вы вошли. Если сеанс вам незнаком, завершите его и смените пароль.",
      limits:
        "Сеанс завершается, если им не пользоваться {{idle}}\u00a0ч, и в любом случае через {{days}}\u00a0сут. после входа.",
      device: "Устройство",
      unknownDevice: "Неизвестное устройство",
      thisDevice: "Это устройство",
      opened: "Вход",
      lastSeen: "Последняя активность",
      end: "Завершить этот сеанс",
      ended: "Сеанс завершён.",
      gone: "Этот сеанс уже завершён.",
      admin: {
        title: "Сеансы",
        open: "Открытых сеансов: {{n}}",
        hint: "После этого пользователю придётся снова войти на всех устройствах.",
        end: "Завершить сеансы",
        ended: "Завершено сеансов: {{n}}",
      },
    },
    signIn: {
      throttledSeconds: "Слишком много неудачных попыток. Повторите через {{n}}\u00a0с.",
      throttledMinutes: "Слишком много неудачных попыток. Повторите через {{n}}\u00a0мин.",
    },
    passwordRule: {
      personal: "Пароль не должен содержать логин или имя пользователя",
      common: "Этот пароль слишком распространён, его легко подобрать",
      current: "Новый пароль должен отличаться от текущего",
    },
  },
  {
    sessions: {
      menu: "My sessions",
      title: "Open sessions",
      intro: "The devices you are signed in on. If you do not recognise a session, end it and change your password.",
      limits: "A session ends after {{idle}}\u00a0h without use, and {{days}} days after signing in at the latest.",
      device: "Device",
      unknownDevice: "Unknown device",
      thisDevice: "This device",
      opened: "Signed in",
      lastSeen: "Last active",
      end: "End this session",
      ended: "The session was ended.",
      gone: "This session had already ended.",
      admin: {
        title: "Sessions",
        open: "Open sessions: {{n}}",
        hint: "The user will then have to sign in again on every device.",
        end: "End sessions",
        ended: "Sessions ended: {{n}}",
      },
    },
    signIn: {
      throttledSeconds: "Too many failed attempts. Try again in {{n}}\u00a0s.",
      throttledMinutes: "Too many failed attempts. Try again in {{n}}\u00a0min.",
    },
    passwordRule: {
      personal: "The password must not contain the user's login or name",
      common: "This password is too common and easy to guess",
      current: "The new password must differ from the current one",
    },
  },
);
