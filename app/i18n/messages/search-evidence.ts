import { defineMessages } from "./define";

// The header's search and its results page; evidence files of progress entries.
export const searchEvidence = defineMessages(
  {
    search: {
      label: "Іздеу",
      placeholder: "Іс-шара, бөлім, аудан…",
      submit: "Табу",
      title: "Іздеу",
      resultsFor: "«{{query}}» бойынша табылғаны",
      nothing: "Ештеңе табылмады. Сөздің түбірін не іс-шараның нөмірін жазып көріңіз.",
      tooShort: "Кемінде екі әріп жазыңыз.",
      hint: "Іс-шараның нөмірі не атауының сөздері, бөлім, басқарма, аумақ, отырыс, шешім.",
      loading: "Ізделуде…",
      kinds: {
        measure: "Іс-шаралар",
        section: "Бөлімдер",
        department: "Басқармалар",
        territory: "Аумақтар",
        meeting: "Отырыстар",
        decision: "Шешімдер",
      },
    },
    evidenceFiles: {
      label: "Дәлел файлдары",
      hint: "Фото, PDF, Word, Excel не PowerPoint; ең көбі {{count}} файл, әрқайсысы {{megabytes}} МБ-қа дейін.",
      linksHint: "Ең көбі {{count}} сілтеме, әр жолға біреуден",
      files: "Файлдар",
      remove: "Өшіру: {{name}}",
      download: "Жүктеп алу: {{name}}",
      wrongType:
        "«{{name}}» файлының ішіндегісі рұқсат етілген түрге жатпайды (фото, PDF, Word, Excel, PowerPoint). Ешнәрсе сақталмады.",
      mismatch:
        "«{{name}}» файлының ішіндегісі атауына сәйкес емес (атауы {{named}}, ішіндегісі {{found}}). Ешнәрсе сақталмады.",
      tooLarge: "«{{name}}» файлы {{megabytes}} МБ-тан үлкен. Ешнәрсе сақталмады.",
      tooMany: "Бір жазбаға ең көбі {{count}} файл. Ешнәрсе сақталмады.",
    },
  },
  {
    search: {
      label: "Поиск",
      placeholder: "Мероприятие, раздел, район…",
      submit: "Найти",
      title: "Поиск",
      resultsFor: "Найдено по запросу «{{query}}»",
      nothing: "Ничего не найдено. Попробуйте основу слова или номер мероприятия.",
      tooShort: "Введите хотя бы две буквы.",
      hint: "Номер мероприятия или слова его названия, раздел, управление, территория, заседание, решение.",
      loading: "Поиск…",
      kinds: {
        measure: "Мероприятия",
        section: "Разделы",
        department: "Управления",
        territory: "Территории",
        meeting: "Заседания",
        decision: "Решения",
      },
    },
    evidenceFiles: {
      label: "Файлы-подтверждения",
      hint: "Фото, PDF, Word, Excel или PowerPoint; не больше {{count}} файлов, каждый до {{megabytes}} МБ.",
      linksHint: "Не больше {{count}} ссылок, по одной в строке",
      files: "Файлы",
      remove: "Удалить: {{name}}",
      download: "Скачать: {{name}}",
      wrongType:
        "Содержимое файла «{{name}}» не относится к разрешённым видам (фото, PDF, Word, Excel, PowerPoint). Ничего не сохранено.",
      mismatch:
        "Содержимое файла «{{name}}» не соответствует его названию (по названию {{named}}, по содержимому {{found}}). Ничего не сохранено.",
      tooLarge: "Файл «{{name}}» больше {{megabytes}} МБ. Ничего не сохранено.",
      tooMany: "К записи можно приложить не больше {{count}} файлов. Ничего не сохранено.",
    },
  },
  {
    search: {
      label: "Search",
      placeholder: "Measure, section, district…",
      submit: "Find",
      title: "Search",
      resultsFor: "Found for «{{query}}»",
      nothing: "Nothing found. Try the stem of a word or a measure's number.",
      tooShort: "Type at least two letters.",
      hint: "A measure's number or words of its title, a section, department, territory, meeting, decision.",
      loading: "Searching…",
      kinds: {
        measure: "Measures",
        section: "Sections",
        department: "Departments",
        territory: "Territories",
        meeting: "Meetings",
        decision: "Decisions",
      },
    },
    evidenceFiles: {
      label: "Evidence files",
      hint: "Photos, PDF, Word, Excel or PowerPoint; up to {{count}} files, each up to {{megabytes}} MB.",
      linksHint: "Up to {{count}} links, one per line",
      files: "Files",
      remove: "Remove: {{name}}",
      download: "Download: {{name}}",
      wrongType:
        "The content of «{{name}}» is not an allowed kind (photo, PDF, Word, Excel, PowerPoint). Nothing was saved.",
      mismatch:
        "The content of «{{name}}» does not match its name (named {{named}}, content {{found}}). Nothing was saved.",
      tooLarge: "«{{name}}» is larger than {{megabytes}} MB. Nothing was saved.",
      tooMany: "An entry takes at most {{count}} files. Nothing was saved.",
    },
  },
);
