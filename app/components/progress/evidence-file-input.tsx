import { Checkbox, Group, Input, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/i18n/use-locale";
import type { HeldFile } from "~/domain/editing/write-errors";
import type { EvidenceFileView } from "~/domain/evidence/evidence-kind";
import { EvidenceFileLink, fileSizeText } from "./evidence-files";

/** The types the file picker offers; the server checks each file's content whatever the picker let through. */
const ACCEPT = ".jpg,.jpeg,.png,.webp,.heic,.tif,.tiff,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods";

/**
 * The entry form's evidence files: a plain file input (it works without scripts), and for an entry
 * being changed its files, each with a box to remove it. Files the server holds from a post it sent
 * back with a question are listed ticked: they go with the answer unless the box is cleared.
 */
export function EvidenceFileInput({
  existing,
  held = [],
  limits,
  error,
}: {
  existing: EvidenceFileView[];
  held?: HeldFile[];
  limits: { count: number; megabytes: number };
  error?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Input.Wrapper
      label={t("evidenceFiles.label")}
      description={t("evidenceFiles.hint", { count: limits.count, megabytes: limits.megabytes })}
      error={error}
      id="evidence-files"
    >
      <Stack gap={6} mt={4}>
        {existing.length > 0 && (
          <Stack gap={4}>
            {existing.map((file) => (
              <Group key={file.id} gap="xs" wrap="nowrap">
                <EvidenceFileLink file={file} />
                <Checkbox
                  name="removeFiles"
                  value={String(file.id)}
                  size="xs"
                  label={t("evidenceFiles.remove", { name: file.name })}
                />
              </Group>
            ))}
          </Stack>
        )}
        {held.length > 0 && (
          <Stack gap={4} data-testid="held-files">
            <Text size="xs" c="dimmed">
              {t("heldFiles.legend")}
            </Text>
            {held.map((file) => (
              <Checkbox
                key={file.id}
                name="heldFiles"
                value={String(file.id)}
                defaultChecked
                size="xs"
                aria-label={t("heldFiles.keep", { name: file.name })}
                label={`${file.name} (${fileSizeText(locale, file.size)})`}
              />
            ))}
          </Stack>
        )}
        {/* A new input once files are held: with scripts the old one still has them and would send them twice. */}
        <input
          key={held.map((file) => file.id).join(",")}
          id="evidence-files"
          type="file"
          name="evidenceFiles"
          multiple
          accept={ACCEPT}
          aria-invalid={error ? true : undefined}
          style={{ maxWidth: "100%", font: "inherit", fontSize: "var(--mantine-font-size-sm)" }}
        />
      </Stack>
    </Input.Wrapper>
  );
}
