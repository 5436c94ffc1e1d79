import { Badge, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChangeMark } from "~/domain/import/import-plan";
import type { PreviewView } from "~/domain/import/import-view.server";

const MARK_COLOR: Record<ChangeMark, string> = { added: "green", changed: "orange", unchanged: "gray" };

export function ChangeBadge({ mark }: { mark: ChangeMark }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant="light"
      color={MARK_COLOR[mark]}
      c="dark.8"
      style={{ textTransform: "none" }}
      data-mark={mark}
    >
      {t(`roadMapImport.mark.${mark}`)}
    </Badge>
  );
}

type Measure = PreviewView["measures"][number];

function Changes({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  if (measure.changes.length === 0) return null;
  return (
    <List size="xs" mt={4} spacing={2} className="import-changes">
      {measure.changes.map((change) => (
        <List.Item key={change.field}>
          <b>{change.field}</b>: {change.after}{" "}
          <Text span size="xs" c="dimmed">
            ({t("roadMapImport.measures.was", { value: change.before })})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** Every section and measure as it will be stored, each with its change mark. */
export function PlannedMeasures({ preview }: { preview: PreviewView }) {
  const { t } = useTranslation();
  const bySection = (key: string) => preview.measures.filter((m) => m.sectionKey === key);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t("roadMapImport.measures.title")}
      </Title>
      {preview.measures.length < preview.measureTotal && (
        <Text size="sm" c="dimmed" mb="sm">
          {t("roadMapImport.measures.shownFirst", { shown: preview.measures.length, total: preview.measureTotal })}
        </Text>
      )}
      <Stack gap="md">
        {preview.sections.map((section) => {
          const measures = bySection(section.key);
          return (
            <div
              key={section.key}
              className={section.nested ? "admin-subsection" : undefined}
              data-testid="import-section"
            >
              <Text fw={700} size={section.nested ? "sm" : "md"} mb={4}>
                {section.label} <ChangeBadge mark={section.mark} />
              </Text>
              {measures.length > 0 && (
                <>
                  <Table.ScrollContainer minWidth={720} visibleFrom="sm">
                    <Table verticalSpacing={6} fz="sm" data-testid="import-measures">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th w={70}>{t("roadMapImport.measures.number")}</Table.Th>
                          <Table.Th>{t("roadMapImport.measures.measure")}</Table.Th>
                          <Table.Th>{t("roadMapImport.measures.responsible")}</Table.Th>
                          <Table.Th w={150}>{t("roadMapImport.measures.deadline")}</Table.Th>
                          <Table.Th w={140}>{t("roadMapImport.measures.plans")}</Table.Th>
                          <Table.Th w={80}>{t("roadMapImport.measures.facts")}</Table.Th>
                          <Table.Th w={110}>{t("roadMapImport.measures.mark")}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {measures.map((measure) => (
                          <Table.Tr key={measure.number} data-testid="import-measure">
                            <Table.Td className="tabular">{measure.number}</Table.Td>
                            <Table.Td>
                              {measure.title}
                              <Changes measure={measure} />
                            </Table.Td>
                            <Table.Td>{measure.responsible}</Table.Td>
                            <Table.Td>{measure.deadline}</Table.Td>
                            <Table.Td className="tabular">{measure.plans}</Table.Td>
                            <Table.Td className="tabular">{measure.facts}</Table.Td>
                            <Table.Td>
                              <ChangeBadge mark={measure.mark} />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  <Stack gap={0} hiddenFrom="sm" component="ul" className="admin-measure-list">
                    {measures.map((measure) => (
                      <li key={measure.number}>
                        <Text size="sm" fw={600}>
                          {measure.number}. {measure.title} <ChangeBadge mark={measure.mark} />
                        </Text>
                        <Text size="xs" c="dimmed">
                          {measure.responsible} · {measure.deadline}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t("roadMapImport.measures.plans")}: {measure.plans} · {t("roadMapImport.measures.facts")}:{" "}
                          {measure.facts}
                        </Text>
                        <Changes measure={measure} />
                      </li>
                    ))}
                  </Stack>
                </>
              )}
            </div>
          );
        })}
        {preview.notInFile.length > 0 && (
          <div data-testid="import-not-in-file">
            <Text fw={700} size="sm" mb={4}>
              {t("roadMapImport.measures.notInFile")}
            </Text>
            <List size="sm" spacing={2}>
              {preview.notInFile.map((m) => (
                <List.Item key={m.number}>
                  {m.number}. {m.title}
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
