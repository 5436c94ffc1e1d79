import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/components/field-error";
import type { PreviewView } from "~/domain/import/import-view.server";
import { ColumnMapping } from "./column-mapping";
import { DepartmentMapping } from "./department-mapping";
import { ImportProblems } from "./import-problems";
import { ImportSummary } from "./import-summary";
import { PlannedMeasures } from "./planned-measures";

export type ShownPreview = PreviewView & { uploadId: number; fileName: string };

/**
 * The preview and its corrections in one form: sent again (GET) it shows the file read with them;
 * posted, it saves. Save is disabled while the file has errors, and the server refuses it as well.
 */
export function ImportPreviewForm({
  preview,
  submissionKey,
  error,
}: {
  preview: ShownPreview;
  submissionKey: string;
  error: string | null;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors = preview.summary.errors;
  return (
    <Form method="get" data-testid="import-preview">
      <input type="hidden" name="upload" value={preview.uploadId} />
      <input type="hidden" name="revision" value={preview.revision} />
      {/* SUBMISSION_KEY_FIELD of submission.server.ts */}
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t("roadMapImport.fileOf", { name: preview.fileName })}
        </Text>
        <ImportSummary summary={preview.summary} />
        <ImportProblems problems={preview.problems} />
        <ColumnMapping sheets={preview.sheets} years={preview.years} />
        <DepartmentMapping executors={preview.executors} options={preview.departmentOptions} />
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {t("roadMapImport.factsDate.label")}
          </Title>
          <TextInput
            type="date"
            name="factsDate"
            defaultValue={preview.factsDate}
            label={t("roadMapImport.factsDate.label")}
            description={t("roadMapImport.factsDate.hint")}
            maw={320}
          />
        </Paper>
        <PlannedMeasures preview={preview} />
        <Paper withBorder p="md" className="import-actions">
          <Stack gap="xs">
            {error && (
              <Alert color="red" role="alert">
                {errorText([error])}
              </Alert>
            )}
            {errors > 0 && (
              <Text size="sm" c="red.8">
                {t("roadMapImport.saveBlocked")}
              </Text>
            )}
            <Group gap="sm">
              <Button type="submit" variant="default" disabled={busy}>
                {t("roadMapImport.reread")}
              </Button>
              <Button type="submit" formMethod="post" disabled={errors > 0 || busy} data-testid="import-save">
                {t("roadMapImport.save")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </Form>
  );
}
