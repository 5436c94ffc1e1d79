import { Badge, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PreviewView } from "~/domain/import/import-view.server";

/** Every problem with its cell, errors apart from warnings. */
export function ImportProblems({ problems }: { problems: PreviewView["problems"] }) {
  const { t } = useTranslation();
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const list = (items: typeof problems, testId: string) => (
    <List size="sm" spacing={4} data-testid={testId} className="import-problems">
      {items.map((problem, index) => (
        <List.Item key={index}>
          <b className="tabular">{problem.cell ?? t("roadMapImport.problems.wholeFile")}</b>: {problem.message}
        </List.Item>
      ))}
    </List>
  );
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h4">
          {t("roadMapImport.problems.title")}
        </Title>
        <Group gap={6}>
          <Badge color={errors.length ? "red" : "gray"} variant="light" c="dark.8" style={{ textTransform: "none" }}>
            {t("roadMapImport.problems.errors", { count: errors.length })}
          </Badge>
          <Badge
            color={warnings.length ? "yellow" : "gray"}
            variant="light"
            c="dark.8"
            style={{ textTransform: "none" }}
          >
            {t("roadMapImport.problems.warnings", { count: warnings.length })}
          </Badge>
        </Group>
      </Group>
      {problems.length === 0 && <Text size="sm">{t("roadMapImport.problems.none")}</Text>}
      <Stack gap="sm">
        {errors.length > 0 && (
          <div>
            <Text fw={600} c="red.8" size="sm" mb={4}>
              {t("roadMapImport.problems.errors", { count: errors.length })}
            </Text>
            {list(errors, "import-errors")}
          </div>
        )}
        {warnings.length > 0 && (
          <div>
            <Text fw={600} c="dark.6" size="sm" mb={4}>
              {t("roadMapImport.problems.warnings", { count: warnings.length })}
            </Text>
            {list(warnings, "import-warnings")}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
