import { Checkbox, Group, Input, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EvidenceFileView } from "~/domain/evidence/evidence-kind";
import { EvidenceFileLink } from "./evidence-files";

/** The types the file picker offers; the server checks each file's content whatever the picker let through. */
const ACCEPT = ".jpg,.jpeg,.png,.webp,.heic,.tif,.tiff,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods";

/**
 * The entry form's evidence files: a plain file input (it works without scripts), and for an entry
 * being changed its files, each with a box to remove it.
 */
export function EvidenceFileInput({
  existing,
  limits,
  error,
}: {
  existing: EvidenceFileView[];
  limits: { count: number; megabytes: number };
  error?: string;
}) {
  const { t } = useTranslation();
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
        <input
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
