import { Badge, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PreviewView } from "~/domain/import/import-view.server";

/** Executors named in the file: found among the departments, or new ones the admin creates or maps. */
export function DepartmentMapping({
  executors,
  options,
}: {
  executors: PreviewView["executors"];
  options: PreviewView["departmentOptions"];
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4">
        {t("roadMapImport.departments.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("roadMapImport.departments.hint")}
      </Text>
      {executors.length === 0 && <Text size="sm">{t("roadMapImport.departments.none")}</Text>}
      <Stack gap="xs">
        {executors.map((executor, index) => (
          <SimpleGrid
            key={executor.key}
            cols={{ base: 1, sm: 2 }}
            spacing="xs"
            verticalSpacing={4}
            data-testid="import-executor"
          >
            <div>
              <input type="hidden" name={`executor.${index}`} value={executor.key} />
              <Text size="sm" fw={600}>
                {executor.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t("roadMapImport.departments.measures")}: {executor.measureCount} ·{" "}
                <Badge
                  size="xs"
                  variant="light"
                  color={executor.match ? "green" : "red"}
                  c="dark.8"
                  style={{ textTransform: "none" }}
                >
                  {executor.match === "exact"
                    ? t("roadMapImport.departments.matched")
                    : executor.match === "tolerant"
                      ? t("roadMapImport.departments.matchedTolerant")
                      : t("roadMapImport.departments.unknown")}
                </Badge>
              </Text>
            </div>
            <NativeSelect
              size="sm"
              name={`department.${index}`}
              aria-label={t("roadMapImport.departments.choice", { name: executor.name })}
              defaultValue={executor.choice}
              error={executor.choice === "" ? true : undefined}
              data={[
                { value: "", label: t("roadMapImport.departments.choose") },
                { value: "new", label: t("roadMapImport.departments.createNew") },
                ...options,
              ]}
            />
          </SimpleGrid>
        ))}
      </Stack>
    </Paper>
  );
}
