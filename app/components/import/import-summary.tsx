import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PreviewView } from "~/domain/import/import-view.server";

/** Added / changed / unchanged / not in the file, for sections, measures and facts. */
export function ImportSummary({ summary }: { summary: PreviewView["summary"] }) {
  const { t } = useTranslation();
  const nothing =
    summary.sections.added + summary.sections.changed + summary.measures.added + summary.measures.changed === 0 &&
    summary.facts.added + summary.facts.changed === 0 &&
    summary.newDepartments === 0;
  const block = (
    label: string,
    counts: { added: number; changed: number; unchanged: number; notInFile?: number },
    testId: string,
  ) => (
    <Stack gap={2} data-testid={testId}>
      <Text fw={700}>{label}</Text>
      <Text size="sm">
        <b className="tabular">{counts.added}</b> {t("roadMapImport.summary.added")}
      </Text>
      <Text size="sm">
        <b className="tabular">{counts.changed}</b> {t("roadMapImport.summary.changed")}
      </Text>
      <Text size="sm" c="dimmed">
        <b className="tabular">{counts.unchanged}</b> {t("roadMapImport.summary.unchanged")}
      </Text>
      {counts.notInFile !== undefined && counts.notInFile > 0 && (
        <Text size="sm" c="dimmed">
          <b className="tabular">{counts.notInFile}</b> {t("roadMapImport.summary.notInFile")}
        </Text>
      )}
    </Stack>
  );
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t("roadMapImport.summary.title")}
      </Title>
      {nothing && (
        <Text fw={600} mb="sm" data-testid="import-nothing">
          {t("roadMapImport.summary.nothing")}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        {block(t("roadMapImport.summary.sections"), summary.sections, "summary-sections")}
        {block(t("roadMapImport.summary.measures"), summary.measures, "summary-measures")}
        {block(t("roadMapImport.summary.facts"), summary.facts, "summary-facts")}
      </SimpleGrid>
      {summary.newDepartments > 0 && (
        <Text size="sm" mt="sm">
          {t("roadMapImport.summary.newDepartments", { count: summary.newDepartments })}
        </Text>
      )}
    </Paper>
  );
}
