import { Button, FileInput, Group, Paper, Stack, Text } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { IconDownload, IconFileSpreadsheet, IconUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/**
 * Download the quarter's sheet, pre-filled, and upload it filled in. Plain links and forms: the
 * download is a file and the upload goes to its preview page, with or without scripts.
 */
export function QuarterSheetControls({
  roadMapId,
  departmentId,
  quarterParam,
}: {
  roadMapId: number;
  departmentId: number;
  quarterParam: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const query = new URLSearchParams({
    roadMapId: String(roadMapId),
    departmentId: String(departmentId),
    quarter: quarterParam,
  });
  const busy = navigation.state === "submitting" && navigation.formAction?.startsWith("/my/upload");
  return (
    <Paper withBorder p="sm" mb="sm" bg="gray.0" data-testid="quarter-sheet">
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconFileSpreadsheet size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <div>
            <Text fw={600} size="sm">
              {t("quarterSheet.sheetSection")}
            </Text>
            <Text size="xs" c="dimmed">
              {t("quarterSheet.sheetHint")}
            </Text>
          </div>
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Button
            component="a"
            href={`/my/sheet.xlsx?${query.toString()}`}
            download
            variant="light"
            size="sm"
            leftSection={<IconDownload size={16} />}
          >
            {t("quarterSheet.download")}
          </Button>
          <Form method="post" action={`/my/upload?${query.toString()}`} encType="multipart/form-data">
            <input type="hidden" name="intent" value="preview" />
            <Group gap="xs" align="flex-end" wrap="wrap">
              {/* Mantine keeps a native file input under the button: the file travels with the form. */}
              <FileInput
                name="file"
                label={t("quarterSheet.file")}
                placeholder={t("quarterSheet.choose")}
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                required
                clearable
                size="sm"
                w={{ base: "100%", xs: 280 }}
                leftSection={<IconFileSpreadsheet size={16} />}
                // Mantine's placeholder grey is too faint on white (axe: colour contrast 2.07).
                styles={{ placeholder: { color: "var(--mantine-color-gray-7)" } }}
              />
              <Button type="submit" size="sm" variant="default" loading={busy} leftSection={<IconUpload size={16} />}>
                {t("quarterSheet.upload")}
              </Button>
            </Group>
          </Form>
        </Group>
      </Stack>
    </Paper>
  );
}
