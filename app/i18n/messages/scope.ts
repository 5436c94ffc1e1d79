import { defineMessages } from "./define";

// Paging of long lists (a measure's entries and history).
export const scope = defineMessages(
  {
    paging: {
      newer: "Жаңарақтары",
      older: "Ескілері",
      pages: "Беттер",
      entriesShown: "{{pages}} беттің {{page}}-беті, барлығы {{total}} жазба",
    },
  },
  {
    paging: {
      newer: "Более новые",
      older: "Более ранние",
      pages: "Страницы",
      entriesShown: "Страница {{page}} из {{pages}}, всего записей: {{total}}",
    },
  },
  {
    paging: {
      newer: "Newer",
      older: "Older",
      pages: "Pages",
      entriesShown: "Page {{page}} of {{pages}}, {{total}} entries in all",
    },
  },
);
