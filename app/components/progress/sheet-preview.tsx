import { Alert, Badge, Button, Card, Checkbox, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import { IconAlertTriangle, IconHelpCircle } from "@tabler/icons-react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import { decodeMessage } from "~/domain/editing/messages";
import type { EntryQuestion } from "~/domain/progress/entry-checks";
import { SUBMISSION_KEY_FIELD } from "~/domain/editing/submission-key";
import { isIsoDate } from "~/domain/periods/quarter";
import { formatDate } from "~/i18n/format";
import type { ShownText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";
import { useQuestionText } from "./entry-questions";

type RowAction = "add" | "change" | "same";
interface Problem {
  cell: string | null;
  message: string;
  question?: EntryQuestion;
}

/** A sheet's preview as the page shows it: texts already in the reader's language. */
export interface ShownSheetPreview {
  fileName: string;
  departmentName: ShownText | null;
  roadMapTitle: ShownText | null;
  quarter: { year: number; quarter: number };
  rows: Array<{
    row: number;
    number: string;
    title: ShownText | null;
    territory: string;
    unit: string;
    values: Partial<
      Record<
        | "entryDate"
        | "value"
        | "peopleReached"
        | "narrativeKk"
        | "narrativeRu"
        | "behindReasonKk"
        | "behindReasonRu"
        | "evidenceLinks",
        string
      >
    >;
    action: RowAction;
    problems: Problem[];
    /** Figures to confirm before saving. */
    warnings: Problem[];
  }>;
  problems: Problem[];
  counts: Record<RowAction, number>;
  problemCount: number;
  warningCount: number;
}

const ACTION_COLOR: Record<RowAction, string> = { add: "teal", change: "orange", same: "gray" };
type PreviewRow = ShownSheetPreview["rows"][number];

/** What becomes of a row: added, changed, unchanged, or its problems. */
function RowOutcome({ row }: { row: PreviewRow }) {
  const { t } = useTranslation();
  const problem = row.problems.length > 0;
  return (
    <Badge
      color={problem ? "red" : ACTION_COLOR[row.action]}
      variant="light"
      style={{ textTransform: "none", flexShrink: 0 }}
      styles={{ label: { overflow: "visible" } }}
    >
      {problem
        ? `${t("quarterSheet.columns.problems")}: ${row.problems.length}`
        : t(`quarterSheet.action.${row.action}`)}
    </Badge>
  );
}

/** The row's values as they will be stored: the date as a date, the fact with its unit. */
function useRowValues() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (row: PreviewRow) => ({
    date:
      row.values.entryDate && isIsoDate(row.values.entryDate)
        ? formatDate(locale, row.values.entryDate)
        : (row.values.entryDate ?? "—"),
    value: row.values.value ? `${row.values.value} ${row.unit ? t(`units.${row.unit}` as ParseKeys) : ""}` : "—",
    narrative: [row.values.narrativeKk, row.values.narrativeRu].filter(Boolean).join(" / "),
  });
}

/** One problem (or figure to confirm), with the cell it was found in: «H12: …». */
function useProblemText() {
  const { t } = useTranslation();
  const questionText = useQuestionText();
  return (problem: Problem, unit = "") => {
    const { key, values } = decodeMessage(problem.message);
    const { question } = problem;
    const message =
      question?.kind === "reason"
        ? questionText.reason(question)
        : question?.kind === "confirm"
          ? `${questionText.stored(question, unit)}. ${questionText.confirm(question)}`
          : t(key as ParseKeys, values);
    return problem.cell && !("cell" in values)
      ? t("quarterSheet.errors.cell", { cell: problem.cell, message })
      : message;
  };
}

/**
 * What an uploaded sheet will save, row by row, with every problem by its cell. Save is offered only
 * when there is no problem; it saves all rows or none.
 */
export function SheetPreviewView({
  preview,
  uploadId,
  submissionKey,
  unconfirmed,
  back,
}: {
  preview: ShownSheetPreview;
  uploadId: number | null;
  submissionKey: string;
  /** The save was posted without confirming the flagged figures. */
  unconfirmed: boolean;
  back: string;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const valuesOf = useRowValues();
  const location = useLocation();
  const navigation = useNavigation();
  const problems = [...preview.problems, ...preview.rows.flatMap((row) => row.problems)];
  const toSave = preview.counts.add + preview.counts.change;
  const warnings = preview.rows.flatMap((row) =>
    row.problems.length ? [] : row.warnings.map((warning) => ({ warning, unit: row.unit })),
  );

  return (
    <Stack gap="md" data-testid="sheet-preview">
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed">
          <Localized value={preview.roadMapTitle} />
        </Text>
        <Text fw={600}>
          {t("quarterSheet.previewIntro", {
            file: preview.fileName,
            department: preview.departmentName?.text ?? "",
            quarter: t("myMeasures.quarterLabel", { year: preview.quarter.year, quarter: preview.quarter.quarter }),
          })}
        </Text>
        <Group gap="xs" mt="sm">
          <Badge color="teal" variant="light" style={{ textTransform: "none" }} data-testid="count-add">
            {t("quarterSheet.willAdd", { count: preview.counts.add })}
          </Badge>
          <Badge color="orange" variant="light" style={{ textTransform: "none" }} data-testid="count-change">
            {t("quarterSheet.willChange", { count: preview.counts.change })}
          </Badge>
          <Badge color="gray" variant="light" style={{ textTransform: "none" }} data-testid="count-same">
            {t("quarterSheet.unchanged", { count: preview.counts.same })}
          </Badge>
        </Group>
      </Paper>

      {problems.length > 0 && (
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          title={t("quarterSheet.problemsFound", { count: problems.length })}
        >
          <Stack gap={2} component="ul" m={0} pl="md" data-testid="sheet-problems">
            {problems.map((problem, index) => (
              <Text key={index} component="li" size="sm">
                {problemText(problem)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      {warnings.length > 0 && (
        <Alert
          color="yellow"
          icon={<IconHelpCircle />}
          title={t("reportForms.confirm.sheetTitle", { count: warnings.length })}
          data-testid="sheet-warnings"
        >
          <Stack gap={2} component="ul" m={0} pl="md">
            {warnings.map(({ warning, unit }, index) => (
              <Text key={index} component="li" size="sm">
                {problemText(warning, unit)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      {preview.rows.length > 0 && (
        <>
          <Table striped withTableBorder verticalSpacing="xs" visibleFrom="sm" data-testid="sheet-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("quarterSheet.columns.row")}</Table.Th>
                <Table.Th>{t("quarterSheet.columns.title")}</Table.Th>
                <Table.Th>{t("quarterSheet.columns.entryDate")}</Table.Th>
                <Table.Th ta="right">{t("quarterSheet.columns.value")}</Table.Th>
                <Table.Th ta="right">{t("quarterSheet.columns.peopleReached")}</Table.Th>
                <Table.Th>
                  {t("quarterSheet.columns.narrativeKk")} / {t("quarterSheet.columns.narrativeRu")}
                </Table.Th>
                <Table.Th>{t("quarterSheet.columns.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => {
                const shown = valuesOf(row);
                return (
                  <Table.Tr key={row.row} data-testid="sheet-row">
                    <Table.Td className="tabular">{row.row}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {row.number}. <Localized value={row.title} />
                      </Text>
                      {row.territory && (
                        <Text size="xs" c="dimmed">
                          {row.territory}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td className="tabular" style={{ whiteSpace: "nowrap" }}>
                      {shown.date}
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      className="tabular"
                      bg={row.warnings.length ? "yellow.1" : undefined}
                      style={{ whiteSpace: "nowrap" }}
                      data-flagged={row.warnings.length > 0 || undefined}
                    >
                      {shown.value}
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {row.values.peopleReached ?? "—"}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={3}>
                        {shown.narrative || "—"}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <RowOutcome row={row} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Stack gap="xs" hiddenFrom="sm">
            {preview.rows.map((row) => {
              const shown = valuesOf(row);
              return (
                <Card key={row.row} withBorder padding="sm">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Text size="sm" fw={600}>
                      {row.number}. <Localized value={row.title} />
                    </Text>
                    <RowOutcome row={row} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t("quarterSheet.columns.row")} {row.row}
                    {row.territory && ` · ${row.territory}`}
                  </Text>
                  <Text size="sm" mt={4} className="tabular">
                    {shown.date} —{" "}
                    <b style={row.warnings.length ? { background: "var(--mantine-color-yellow-1)" } : undefined}>
                      {shown.value}
                    </b>
                    {row.values.peopleReached &&
                      ` · ${t("quarterSheet.columns.peopleReached")}: ${row.values.peopleReached}`}
                  </Text>
                  {shown.narrative && (
                    <Text size="sm" c="dimmed" lineClamp={3}>
                      {shown.narrative}
                    </Text>
                  )}
                </Card>
              );
            })}
          </Stack>
        </>
      )}

      <Group align="flex-end">
        {uploadId !== null && toSave > 0 && (
          <Form method="post" action={`${location.pathname}${location.search}`}>
            <input type="hidden" name="uploadId" value={uploadId} />
            <input type="hidden" name={SUBMISSION_KEY_FIELD} value={submissionKey} />
            <Stack gap="xs">
              {preview.warningCount > 0 && (
                <Checkbox
                  name="confirmFigures"
                  value="yes"
                  required
                  label={t("reportForms.confirm.sheetCheckbox")}
                  error={unconfirmed ? t("reportForms.confirm.sheetMissing") : undefined}
                />
              )}
              <Group>
                <Button type="submit" loading={navigation.state === "submitting"}>
                  {t("quarterSheet.save")}
                </Button>
              </Group>
            </Stack>
          </Form>
        )}
        {uploadId !== null && toSave === 0 && <Text c="dimmed">{t("quarterSheet.nothingToSave")}</Text>}
        <Button component={Link} to={back} variant="default">
          {t("quarterSheet.back")}
        </Button>
      </Group>
    </Stack>
  );
}
