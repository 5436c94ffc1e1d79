import { Alert, List, Text } from "@mantine/core";
import { IconHourglassLow } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import type { ShownText } from "~/i18n/locales";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

/**
 * A ranking or score that may still change: the period is neither closed nor past its reporting
 * deadline, so missing actuals are left out for now. Lists what is still missing.
 */
export function ProvisionalNotice({
  deadline,
  missing,
}: {
  deadline: string;
  missing: Array<{ territoryId: number; name: ShownText | null; indicators: Array<ShownText | null> }>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Alert color="yellow" icon={<IconHourglassLow size={18} />} data-testid="provisional">
      <Text size="sm">{t("kpi.provisional", { date: formatDate(locale, deadline) })}</Text>
      {missing.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t("kpi.provisionalMissing")}:
          </Text>
          <List size="sm">
            {missing.map((row) => (
              <List.Item key={row.territoryId}>
                <Localized value={row.name} />:{" "}
                {row.indicators.map((indicator, index) => (
                  <span key={index}>
                    {index > 0 && "; "}
                    <Localized value={indicator} />
                  </span>
                ))}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
