import { NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLE_KINDS } from "~/domain/import/import-form";
import type { PreviewView } from "~/domain/import/import-view.server";

type Sheet = PreviewView["sheets"][number];
type Column = Sheet["columns"][number];

/** Per sheet, what each column holds, as the reader guessed it; the admin may correct it. */
export function ColumnMapping({ sheets, years }: { sheets: PreviewView["sheets"]; years: PreviewView["years"] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4">
        {t("roadMapImport.columns.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("roadMapImport.columns.hint")}
      </Text>
      <Stack gap="md">
        {sheets.map((sheet, index) => (
          <div key={sheet.name} data-testid="import-sheet">
            <input type="hidden" name={`sheet.${index}`} value={sheet.name} />
            <Text fw={700} mb={6}>
              {t("roadMapImport.columns.sheet", { sheet: sheet.name })}
            </Text>
            {!sheet.found && (
              <Text size="sm" c="dimmed">
                {t("roadMapImport.columns.noHeader")}
              </Text>
            )}
            <Stack gap={6}>
              {sheet.columns.map((column) => (
                <ColumnRow key={column.letter} sheetIndex={index} column={column} years={years} />
              ))}
            </Stack>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

function ColumnRow({ sheetIndex, column, years }: { sheetIndex: number; column: Column; years: PreviewView["years"] }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(column.kind);
  const quantity = kind === "plan" || kind === "fact";
  const yearOptions = [];
  for (let year = years.start; year <= years.end; year++) yearOptions.push(String(year));
  if (column.year && !yearOptions.includes(column.year)) yearOptions.unshift(column.year);
  return (
    <SimpleGrid
      cols={{ base: 1, sm: quantity ? 4 : 2 }}
      spacing="xs"
      verticalSpacing={4}
      className="import-column"
      data-testid={`column-${column.letter}`}
    >
      <Text size="sm" className="import-column-header">
        <b className="tabular">{column.letter}</b> · {column.header || "—"}
      </Text>
      <NativeSelect
        size="xs"
        name={`role.${sheetIndex}.${column.letter}`}
        aria-label={t("roadMapImport.columns.role", { column: column.letter })}
        value={kind}
        onChange={(event) => setKind(event.currentTarget.value)}
        data={ROLE_KINDS.map((role) => ({ value: role, label: t(`roadMapSheet.role.${role}`) }))}
      />
      {quantity && (
        <NativeSelect
          size="xs"
          name={`year.${sheetIndex}.${column.letter}`}
          aria-label={t("roadMapImport.columns.year", { column: column.letter })}
          defaultValue={column.year || String(years.start)}
          data={yearOptions}
        />
      )}
      {quantity && (
        <NativeSelect
          size="xs"
          name={`quarter.${sheetIndex}.${column.letter}`}
          aria-label={t("roadMapImport.columns.quarter", { column: column.letter })}
          defaultValue={column.quarter}
          data={[
            { value: "", label: t("roadMapImport.columns.wholeYear") },
            ...[1, 2, 3, 4].map((q) => ({
              value: String(q),
              label: t("roadMapImport.columns.quarterN", { quarter: q }),
            })),
          ]}
        />
      )}
    </SimpleGrid>
  );
}
