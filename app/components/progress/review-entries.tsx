import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LocalizedText, MeasureUnit } from "~db/schema";
import type { EvidenceFileView } from "~/domain/evidence/evidence-kind";
import { formatDate, formatNumber } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { EvidenceFiles } from "./evidence-files";

export interface ReviewedEntry {
  id: number;
  entryDate: string;
  value: number;
  narrative: LocalizedText | null;
  behindReason: LocalizedText | null;
  evidenceLinks: string[];
  evidenceFiles: EvidenceFileView[];
}

/** A text as its author wrote it, in each language they wrote it in, marked with the language. */
function BothLanguages({ text }: { text: LocalizedText }) {
  return (
    <>
      {(["kk", "ru"] as const).map((language) =>
        text[language] ? (
          <Group key={language} gap={6} wrap="nowrap" align="flex-start">
            <Badge size="xs" variant="outline" color="gray" mt={3} style={{ flexShrink: 0 }}>
              {language}
            </Badge>
            <Text size="sm" lang={language} style={{ whiteSpace: "pre-wrap" }}>
              {text[language]}
            </Text>
          </Group>
        ) : null,
      )}
    </>
  );
}

/** What a reviewer judges beside a measure's plan and fact: each entry's narrative, reason and evidence. */
export function ReviewEntries({ entries, unit }: { entries: ReviewedEntry[]; unit: MeasureUnit }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("reportForms.review.noEntries")}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="review-entries">
      {entries.map((entry) => (
        <Stack
          key={entry.id}
          gap={2}
          pl="sm"
          style={{ borderLeft: "2px solid var(--mantine-color-gray-3)" }}
          data-testid="review-entry"
        >
          <Text size="sm" fw={600} className="tabular">
            {formatDate(locale, entry.entryDate)} —{" "}
            {t(`polish.amounts.${unit}`, { count: entry.value, value: formatNumber(locale, entry.value, 3) })}
          </Text>
          {entry.narrative && (entry.narrative.kk || entry.narrative.ru) && (
            <div aria-label={t("reportForms.review.narrative")}>
              <BothLanguages text={entry.narrative} />
            </div>
          )}
          {entry.behindReason && (entry.behindReason.kk || entry.behindReason.ru) && (
            <div data-testid="review-reason">
              <Text size="xs" c="orange.9" fw={600}>
                {t("reportForms.review.reason")}
              </Text>
              <BothLanguages text={entry.behindReason} />
            </div>
          )}
          {entry.evidenceLinks.length > 0 && (
            <Text size="xs" c="dimmed">
              {t("reportForms.review.evidence")}:{" "}
              {entry.evidenceLinks.map((link, index) => (
                <span key={link}>
                  {index > 0 && ", "}
                  <Anchor
                    href={link}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    size="xs"
                    style={{ wordBreak: "break-all" }}
                  >
                    {link}
                  </Anchor>
                </span>
              ))}
            </Text>
          )}
          <EvidenceFiles files={entry.evidenceFiles} />
        </Stack>
      ))}
    </Stack>
  );
}
