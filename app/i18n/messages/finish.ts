import { defineMessages } from "./define";

// Evidence files held while an entry form asks a question.

export const finish = defineMessages(
  {
    heldFiles: {
      legend: "Бұрын жіберілген файлдар сақтаулы (алып тастау үшін белгіні алыңыз)",
      keep: "Қалдыру: {{name}}",
      gone: "Бұрын жіберілген файл енді сақталмаған (бір тәуліктен асты). Файлды қайта таңдаңыз. Ешнәрсе сақталмады.",
    },
  },
  {
    heldFiles: {
      legend: "Уже отправленные файлы сохранены (снимите отметку, чтобы убрать)",
      keep: "Оставить: {{name}}",
      gone: "Отправленный ранее файл больше не хранится (прошло больше суток). Выберите файл снова. Ничего не сохранено.",
    },
  },
  {
    heldFiles: {
      legend: "Files already sent are kept (untick to leave one out)",
      keep: "Keep: {{name}}",
      gone: "A file sent earlier is no longer kept (more than a day has passed). Choose it again. Nothing was saved.",
    },
  },
);
