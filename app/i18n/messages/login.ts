import { defineMessages } from "./define";

export const login = defineMessages(
  {
    login: {
      title: "Жүйеге кіру",
      intro: "Бағдарламалар мен жол карталарының орындалуын бақылау жүйесі",
      login: "Логин",
      password: "Құпиясөз",
      submit: "Кіру",
      invalid: "Логин немесе құпиясөз қате",
      required: "Логин мен құпиясөзді енгізіңіз",
    },
  },
  {
    login: {
      title: "Вход в систему",
      intro: "Система контроля исполнения программ и дорожных карт",
      login: "Логин",
      password: "Пароль",
      submit: "Войти",
      invalid: "Неверный логин или пароль",
      required: "Введите логин и пароль",
    },
  },
  {
    login: {
      title: "Sign in",
      intro: "Tracking how programmes and road maps are carried out",
      login: "Login",
      password: "Password",
      submit: "Sign in",
      invalid: "Wrong login or password",
      required: "Enter your login and password",
    },
  },
);
