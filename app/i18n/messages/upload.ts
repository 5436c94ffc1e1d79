import { defineMessages } from "./define";

export const upload = defineMessages(
  {
    upload: {
      tooLarge: "Файл тым үлкен: ең көбі {{megabytes}} МБ",
      notMultipart: "Файлды пішін арқылы жүктеңіз",
      unreadable: "Файлды оқу мүмкін болмады: қайта жүктеп көріңіз",
      missing: "Файлды таңдаңыз",
      expired: "Алдын ала қарау ескірді: файлды қайта жүктеңіз",
    },
  },
  {
    upload: {
      tooLarge: "Файл слишком большой: не более {{megabytes}} МБ",
      notMultipart: "Загрузите файл через форму",
      unreadable: "Не удалось прочитать файл: загрузите его ещё раз",
      missing: "Выберите файл",
      expired: "Предпросмотр устарел: загрузите файл ещё раз",
    },
  },
  {
    upload: {
      tooLarge: "The file is too large: {{megabytes}} MB at most",
      notMultipart: "Upload the file through the form",
      unreadable: "The file could not be read: upload it again",
      missing: "Choose a file",
      expired: "The preview has expired: upload the file again",
    },
  },
);
