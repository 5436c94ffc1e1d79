import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MeasureRowView } from "~/domain/progress/my-page.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

/** The quarter's saved entries of the open measure, each a link to edit it (from its version) on the measure's page. */
export function SavedEntries({ measure, editable }: { measure: MeasureRowView; editable: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!measure.savedEntries || measure.savedEntries.length === 0) return null;
  const territoryName = (id: number) => measure.shares?.find((territory) => territory.id === id)?.name;
  return (
    <Stack gap={2} mt="xs" data-testid="saved-entries">
      <Text size="xs" fw={600} c="dimmed">
        {t("quarterSheet.savedEntries")}
      </Text>
      {measure.savedEntries.map((entry) => (
        <Group key={entry.id} gap="xs" wrap="wrap" data-testid="saved-entry">
          <Text size="sm" className="tabular">
            {formatDate(locale, entry.entryDate)} — <b>{formatNumber(locale, entry.value, 3)}</b>{" "}
            {t(`units.${measure.unit}`)}
            {measure.shares && ` · ${territoryName(entry.territoryId) ?? ""}`}
          </Text>
          {entry.fromSheet && (
            <Badge size="xs" variant="light" color="gray" style={{ textTransform: "none" }}>
              {t("quarterSheet.fromSheet")}
            </Badge>
          )}
          {editable && (
            <Anchor component={Link} to={`/measures/${measure.id}?edit=${entry.id}#entry-${entry.id}`} size="sm">
              {t("quarterSheet.edit")}
            </Anchor>
          )}
        </Group>
      ))}
    </Stack>
  );
}
