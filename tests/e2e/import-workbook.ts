import ExcelJS from "exceljs";

/**
 * The browser test's road map, as an office would send it: a title merged across, a numbering row, a
 * section row, no unit column (the reader guesses the units, and warns), and a column headed «Саны» that
 * the reader cannot place: the admin says it is the plan of 2020.
 */
export async function e2eRoadMapWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Жол картасы");
  const rows: Array<Array<string | number | Date>> = [
    ["Қостанай облысы кітапханаларының іс-шаралар жоспары"],
    ["№", "Іс-шараның атауы", "Жауапты орындаушылар", "Орындау мерзімі", "Саны"],
    [1, 2, 3, 4, 5],
    ["7. Оқырмандармен жұмыс"],
    ["7.1", "Оқырмандар конференциясы", "Е2Е кітапхана басқармасы", new Date(Date.UTC(2020, 10, 20)), 3],
    ["7.2", "Жаңа кітаптар көрмесі", "Е2Е кітапхана басқармасы", "2020 жылғы IV тоқсан", 5],
  ];
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = "dd.mm.yyyy";
    }),
  );
  sheet.mergeCells("A1:E1");
  sheet.mergeCells("A4:E4");
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
