import { defineMessages } from "./define";

// Forgotten passwords (a link mailed to the account's address) and the user's e-mail address: set by an
// administrator, changed by the user after confirming the new one.

export const passwordReset = defineMessages(
  {
    forgot: {
      link: "Құпиясөзді ұмыттыңыз ба?",
      title: "Құпиясөзді қалпына келтіру",
      intro:
        "Логиніңізді немесе электрондық поштаңызды енгізіңіз. Тіркелгіге пошта мекенжайы көрсетілген болса, соған жаңа құпиясөз орнату сілтемесін жібереміз.",
      identifier: "Логин немесе электрондық пошта",
      submit: "Сілтеме жіберу",
      sent: "Мұндай тіркелгі болса және оған пошта мекенжайы көрсетілсе, сілтеме жіберілді. Ол {{hours}} сағат жарамды. Хат келмесе, «Спам» қалтасын қараңыз немесе әкімшіге хабарласыңыз.",
      unavailable:
        "Бұл жүйеде құпиясөзді электрондық пошта арқылы қалпына келтіру қолжетімсіз. Жаңа құпиясөз алу үшін әкімшіге хабарласыңыз.",
      backToLogin: "Кіру бетіне оралу",
      done: "Жаңа құпиясөз орнатылды. Енді сонымен кіріңіз.",
      mail: {
        subject: "Oryndau: құпиясөзді қалпына келтіру",
        text: "Сәлеметсіз бе!\n\nOryndau жүйесінде тіркелгіңіздің құпиясөзін қалпына келтіру сұралды. Жаңа құпиясөз орнату үшін мына сілтемені ашыңыз ({{hours}} сағат жарамды, бір рет қана қолданылады):\n\n{{link}}\n\nЕгер мұны сіз сұрамасаңыз, бұл хатқа жауап бермеңіз: құпиясөзіңіз өзгермейді.",
      },
    },
    reset: {
      title: "Жаңа құпиясөз",
      intro: "{{login}} тіркелгісіне жаңа құпиясөз орнатыңыз. Одан кейін барлық құрылғыдағы сеанстар аяқталады.",
      submit: "Құпиясөзді орнату",
      invalidTitle: "Сілтеме жарамсыз",
      invalid:
        "Бұл сілтеме жарамсыз: ол бұрын қолданылған, мерзімі өтіп кеткен немесе толық көшірілмеген. Жаңа сілтеме сұраңыз.",
      requestNew: "Жаңа сілтеме сұрау",
    },
    email: {
      label: "Электрондық пошта",
      adminHint: "Хабарламалар мен құпиясөзді қалпына келтіру сілтемелері осы мекенжайға жіберіледі.",
      title: "Электрондық пошта",
      current: "Қазіргі мекенжай",
      none: "Көрсетілмеген",
      pending: "Растауды күтуде: {{email}}",
      pendingHint: "Осы мекенжайға жіберілген сілтемені {{when}} дейін ашыңыз.",
      newLabel: "Жаңа мекенжай",
      newHint: "Мекенжай осы поштаға жіберілген сілтеме ашылғанда ғана өзгереді.",
      currentPassword: "Қазіргі құпиясөз",
      submit: "Растау сілтемесін жіберу",
      sent: "Растау сілтемесі жаңа мекенжайға жіберілді. Ол ашылғанда мекенжай өзгереді.",
      noMail: "Бұл жүйеде пошта жіберілмейді: мекенжайды әкімші өзгертеді.",
      invalid: "Электрондық пошта мекенжайын дұрыс енгізіңіз, мысалы: aty@mysal.kz",
      taken: "Бұл мекенжай басқа тіркелгіде көрсетілген",
      same: "Бұл сіздің қазіргі мекенжайыңыз",
      sendFailed: "Хатты жіберу мүмкін болмады. Кейінірек қайталап көріңіз немесе әкімшіге хабарласыңыз.",
      invalidLink: "Бұл сілтеме жарамсыз: ол бұрын қолданылған немесе мерзімі өтіп кеткен.",
      confirmTitle: "Мекенжайды растау",
      confirmIntro: "{{login}} тіркелгісінің жаңа мекенжайы: {{email}}. Растау үшін батырманы басыңыз.",
      confirmSubmit: "Мекенжайды растау",
      confirmed: "Мекенжай расталды: {{email}}.",
      takenOnConfirm: "Бұл мекенжай енді басқа тіркелгіде көрсетілген, сондықтан өзгерген жоқ.",
      toAccount: "Тіркелгіге өту",
      mail: {
        confirmSubject: "Oryndau: жаңа мекенжайды растаңыз",
        confirmText:
          "Сәлеметсіз бе!\n\nOryndau жүйесіндегі {{login}} тіркелгісіне осы мекенжай көрсетілді. Растау үшін мына сілтемені ашыңыз ({{hours}} сағат жарамды):\n\n{{link}}\n\nЕгер мұны сіз сұрамасаңыз, бұл хатқа жауап бермеңіз.",
        changedSubject: "Oryndau: электрондық пошта мекенжайы өзгерді",
        changedText:
          "Сәлеметсіз бе!\n\nOryndau жүйесіндегі {{login}} тіркелгісінің мекенжайы {{email}} болып өзгерді. Бұл хаттар енді осы мекенжайға келмейді.\n\nЕгер мұны сіз жасамасаңыз, дереу әкімшіге хабарласыңыз.\n\n{{link}}",
      },
    },
  },
  {
    forgot: {
      link: "Забыли пароль?",
      title: "Восстановление пароля",
      intro:
        "Введите логин или адрес электронной почты. Если у учётной записи указан адрес почты, мы отправим на него ссылку для установки нового пароля.",
      identifier: "Логин или электронная почта",
      submit: "Отправить ссылку",
      sent: "Если такая учётная запись существует и у неё указан адрес почты, ссылка отправлена. Она действует {{hours}}\u00a0ч. Если письма нет, проверьте папку «Спам» или обратитесь к администратору.",
      unavailable:
        "Восстановление пароля по электронной почте здесь недоступно. Чтобы получить новый пароль, обратитесь к администратору.",
      backToLogin: "Вернуться ко входу",
      done: "Новый пароль установлен. Войдите с ним.",
      mail: {
        subject: "Oryndau: восстановление пароля",
        text: "Здравствуйте!\n\nДля вашей учётной записи в системе Oryndau запрошено восстановление пароля. Чтобы установить новый пароль, откройте ссылку (действует {{hours}}\u00a0ч, только один раз):\n\n{{link}}\n\nЕсли вы этого не запрашивали, не отвечайте на письмо: пароль не изменится.",
      },
    },
    reset: {
      title: "Новый пароль",
      intro:
        "Установите новый пароль для учётной записи {{login}}. После этого все сеансы на всех устройствах завершатся.",
      submit: "Установить пароль",
      invalidTitle: "Ссылка недействительна",
      invalid:
        "Эта ссылка недействительна: она уже использована, срок её действия истёк или она скопирована не полностью. Запросите новую ссылку.",
      requestNew: "Запросить новую ссылку",
    },
    email: {
      label: "Электронная почта",
      adminHint: "На этот адрес приходят уведомления и ссылки для восстановления пароля.",
      title: "Электронная почта",
      current: "Текущий адрес",
      none: "Не указан",
      pending: "Ожидает подтверждения: {{email}}",
      pendingHint: "Откройте ссылку, отправленную на этот адрес, до {{when}}.",
      newLabel: "Новый адрес",
      newHint: "Адрес изменится, только когда откроют ссылку, отправленную на эту почту.",
      currentPassword: "Текущий пароль",
      submit: "Отправить ссылку",
      sent: "Ссылка для подтверждения отправлена на новый адрес. Адрес изменится, когда её откроют.",
      noMail: "Эта система не отправляет почту: адрес меняет администратор.",
      invalid: "Введите правильный адрес электронной почты, например: imya@primer.kz",
      taken: "Этот адрес указан у другой учётной записи",
      same: "Это ваш текущий адрес",
      sendFailed: "Не удалось отправить письмо. Повторите позже или обратитесь к администратору.",
      invalidLink: "Эта ссылка недействительна: она уже использована или срок её действия истёк.",
      confirmTitle: "Подтверждение адреса",
      confirmIntro: "Новый адрес учётной записи {{login}}: {{email}}. Нажмите кнопку, чтобы подтвердить его.",
      confirmSubmit: "Подтвердить адрес",
      confirmed: "Адрес подтверждён: {{email}}.",
      takenOnConfirm: "Этот адрес теперь указан у другой учётной записи, поэтому он не изменён.",
      toAccount: "Перейти к учётной записи",
      mail: {
        confirmSubject: "Oryndau: подтвердите новый адрес",
        confirmText:
          "Здравствуйте!\n\nЭтот адрес указан для учётной записи {{login}} в системе Oryndau. Чтобы подтвердить его, откройте ссылку (действует {{hours}}\u00a0ч):\n\n{{link}}\n\nЕсли вы этого не запрашивали, не отвечайте на письмо.",
        changedSubject: "Oryndau: адрес электронной почты изменён",
        changedText:
          "Здравствуйте!\n\nАдрес учётной записи {{login}} в системе Oryndau изменён на {{email}}. На этот адрес письма больше приходить не будут.\n\nЕсли это сделали не вы, срочно обратитесь к администратору.\n\n{{link}}",
      },
    },
  },
  {
    forgot: {
      link: "Forgot your password?",
      title: "Reset your password",
      intro:
        "Enter your login or e-mail address. If the account has an e-mail address, we will send it a link to set a new password.",
      identifier: "Login or e-mail address",
      submit: "Send the link",
      sent: "If such an account exists and has an e-mail address, the link has been sent. It is valid for {{hours}}\u00a0h. If no mail arrives, look in the spam folder or ask an administrator.",
      unavailable:
        "Password resets by e-mail are not available here. Ask an administrator to set a new password for you.",
      backToLogin: "Back to sign-in",
      done: "Your new password is set. Sign in with it.",
      mail: {
        subject: "Oryndau: reset your password",
        text: "Hello,\n\nA password reset was asked for your Oryndau account. To set a new password, open this link (valid for {{hours}}\u00a0h, once):\n\n{{link}}\n\nIf you did not ask for this, ignore this mail: your password stays as it is.",
      },
    },
    reset: {
      title: "New password",
      intro: "Set a new password for the account {{login}}. Every session on every device will then end.",
      submit: "Set the password",
      invalidTitle: "The link is not valid",
      invalid:
        "This link is not valid: it was used already, it has expired, or it was not copied whole. Ask for a new link.",
      requestNew: "Ask for a new link",
    },
    email: {
      label: "E-mail address",
      adminHint: "Notifications and password-reset links are sent to this address.",
      title: "E-mail address",
      current: "Current address",
      none: "None",
      pending: "Waiting for confirmation: {{email}}",
      pendingHint: "Open the link sent to this address before {{when}}.",
      newLabel: "New address",
      newHint: "The address changes only once the link sent to it is opened.",
      currentPassword: "Current password",
      submit: "Send a confirmation link",
      sent: "A confirmation link was sent to the new address. The address changes once it is opened.",
      noMail: "This system sends no mail: an administrator changes the address.",
      invalid: "Enter a valid e-mail address, such as name@example.kz",
      taken: "Another account has this address",
      same: "This is your current address",
      sendFailed: "The mail could not be sent. Try again later or ask an administrator.",
      invalidLink: "This link is not valid: it was used already or it has expired.",
      confirmTitle: "Confirm the address",
      confirmIntro: "The new address of the account {{login}}: {{email}}. Press the button to confirm it.",
      confirmSubmit: "Confirm the address",
      confirmed: "The address is confirmed: {{email}}.",
      takenOnConfirm: "Another account has this address now, so it was not changed.",
      toAccount: "Go to your account",
      mail: {
        confirmSubject: "Oryndau: confirm your new address",
        confirmText:
          "Hello,\n\nThis address was given for the account {{login}} in Oryndau. To confirm it, open this link (valid for {{hours}}\u00a0h):\n\n{{link}}\n\nIf you did not ask for this, ignore this mail.",
        changedSubject: "Oryndau: your e-mail address was changed",
        changedText:
          "Hello,\n\nThe address of the account {{login}} in Oryndau was changed to {{email}}. Mail will no longer come to this address.\n\nIf you did not do this, tell an administrator at once.\n\n{{link}}",
      },
    },
  },
);
