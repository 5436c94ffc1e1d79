import { Button, FileInput, Group, Paper, Stack, Text } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { IconUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/components/field-error";

/** The file input: an .xlsx or .csv, posted as a multipart form and kept for its preview. */
export function UploadForm({
  intro,
  error,
  compact,
}: {
  intro: string | null;
  error: string | null;
  compact: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const uploading = navigation.state !== "idle" && navigation.formEncType === "multipart/form-data";
  return (
    <Paper withBorder p="md">
      <Form method="post" encType="multipart/form-data">
        <Stack gap="sm">
          {!compact && <Text size="sm">{t("roadMapImport.intro")}</Text>}
          {intro && (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          )}
          <Group align="flex-end" gap="sm" wrap="wrap">
            <FileInput
              name="file"
              label={t("roadMapImport.fileLabel")}
              aria-label={t("roadMapImport.fileLabel")}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              leftSection={<IconUpload size={16} />}
              error={error ? errorText([error]) : undefined}
              style={{ flex: "1 1 260px", maxWidth: 480 }}
            />
            <Button type="submit" loading={uploading}>
              {t("roadMapImport.upload")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
