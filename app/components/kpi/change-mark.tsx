import { Group, Text, VisuallyHidden } from "@mantine/core";
import { IconArrowDownRight, IconArrowUpRight, IconMinus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** A change of rank: an arrow, the number of places, and words for screen readers. */
export function RankChange({ change }: { change: number | null }) {
  const { t } = useTranslation();
  if (change === null) {
    return (
      <Text span c="dimmed" size="sm" title={t("kpi.noPrevious")}>
        —<VisuallyHidden>{t("kpi.noPrevious")}</VisuallyHidden>
      </Text>
    );
  }
  const words =
    change > 0 ? t("kpi.up", { count: change }) : change < 0 ? t("kpi.down", { count: -change }) : t("kpi.same");
  const Icon = change > 0 ? IconArrowUpRight : change < 0 ? IconArrowDownRight : IconMinus;
  const color = change > 0 ? "#0b6e4f" : change < 0 ? "#b02525" : "gray.7";
  return (
    <Group gap={2} wrap="nowrap" c={color} title={words}>
      <Icon size={16} aria-hidden />
      <Text span size="sm" fw={600} aria-hidden>
        {change > 0 ? `+${change}` : change < 0 ? `−${-change}` : "0"}
      </Text>
      <VisuallyHidden>{words}</VisuallyHidden>
    </Group>
  );
}
