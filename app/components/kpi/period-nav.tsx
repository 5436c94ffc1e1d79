import { Button, Group, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { periodLabel, periodParamOf } from "~/components/kpi/period-label";
import type { KpiPeriod } from "~/domain/kpi/scoring";

/** The KPI periods as links, the shown one marked: the same on the ranking, the scorecard and the comparison. */
export function PeriodNav({
  periods,
  period,
  link,
}: {
  periods: KpiPeriod[];
  period: KpiPeriod | null;
  link: (period: KpiPeriod) => string;
}) {
  const { t } = useTranslation();
  if (periods.length === 0) return null;
  return (
    <Group gap="xs" role="navigation" aria-label={t("kpi.period")}>
      <Text size="sm" fw={600}>
        {t("kpi.period")}:
      </Text>
      {periods.map((p) => {
        const current = period !== null && p.year === period.year && p.quarter === period.quarter;
        return (
          <Button
            key={periodParamOf(p)}
            component={Link}
            to={link(p)}
            size="xs"
            variant={current ? "filled" : "default"}
            aria-current={current ? "page" : undefined}
          >
            {periodLabel(t, p)}
          </Button>
        );
      })}
    </Group>
  );
}
