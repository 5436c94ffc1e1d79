import { Anchor, Group, Image, Text } from "@mantine/core";
import { IconFileText } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { evidenceHref, type EvidenceFileView } from "~/domain/evidence/evidence-kind";
import { formatNumber } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

/** A file's size as a reader takes it in: KB below a megabyte, MB with one decimal above. */
export function fileSizeText(locale: Locale, bytes: number) {
  return bytes >= 2 ** 20
    ? `${formatNumber(locale, bytes / 2 ** 20, 1)} MB`
    : `${formatNumber(locale, Math.max(1, bytes / 1024), 0)} KB`;
}

/** One file: its thumbnail (images) or an icon, its name and size, a link that downloads or opens it. */
export function EvidenceFileLink({ file }: { file: EvidenceFileView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const size = fileSizeText(locale, file.size);
  return (
    <Anchor
      href={evidenceHref(file.id)}
      target="_blank"
      rel="noopener"
      size="sm"
      aria-label={t("evidenceFiles.download", { name: file.name })}
      style={{ minWidth: 0 }}
    >
      <Group gap={6} wrap="nowrap">
        {file.hasThumbnail ? (
          <Image src={evidenceHref(file.id, true)} alt="" w={48} h={48} fit="cover" radius="sm" loading="lazy" />
        ) : (
          <IconFileText size={20} aria-hidden />
        )}
        <Text size="sm" component="span" style={{ overflowWrap: "anywhere" }}>
          {file.name}{" "}
          <Text span size="xs" c="dimmed">
            ({size})
          </Text>
        </Text>
      </Group>
    </Anchor>
  );
}

/** An entry's files, as its card lists them. */
export function EvidenceFiles({ files }: { files: EvidenceFileView[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <Group gap="sm" mt={6} align="center" data-testid="evidence-files">
      <Text size="sm" c="dimmed">
        {t("evidenceFiles.files")}:
      </Text>
      {files.map((file) => (
        <EvidenceFileLink key={file.id} file={file} />
      ))}
    </Group>
  );
}
