import { Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SectionExecutionChart } from "~/components/charts/section-execution-chart";
import { Localized } from "~/components/localized";
import type { DashboardView } from "~/domain/execution/dashboard-view.server";
import { formatExecution } from "~/i18n/figures";
import { plainText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";
import { BreakdownTable } from "./breakdown-table";

type Link = (changes: Record<string, string | null>) => string;

const numbered = (number: string | null, name: string) => (number ? `${number}. ${name}` : name);

/** What a breakdown draws: the figures as of a date; on a public page (no `link`) its rows lead nowhere. */
interface BreakdownView {
  sections: DashboardView["sections"];
  territories: DashboardView["territories"];
  thresholds: DashboardView["thresholds"];
  asOfDate: string;
  large?: boolean;
}

/** The dashboard's view as the breakdowns read it. */
export const breakdownViewOf = (
  view: Pick<DashboardView, "sections" | "territories" | "thresholds" | "filters">,
): BreakdownView => ({ ...view, asOfDate: view.filters.asOf.date, large: view.filters.large });

/** Execution by section: a bar per section, then the table of sections and their subsections. */
export function SectionBreakdown({
  view,
  link,
}: {
  view: Pick<BreakdownView, "sections" | "thresholds" | "asOfDate" | "large">;
  link?: Link;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {t("overview.bySection")}
      </Title>
      <SectionExecutionChart
        id="section-execution"
        title={t("overview.chartTitle")}
        amber={view.thresholds.amber}
        large={view.large}
        bars={view.sections.map((section) => ({
          label: numbered(section.number, plainText(section.name)),
          percent: section.figures.execution === null ? null : section.figures.execution * 100,
          percentText: formatExecution(t, locale, section.figures.execution),
          rag: section.figures.rag,
        }))}
      />
      <BreakdownTable
        testId="section-table"
        heading={t("overview.section")}
        asOfDate={view.asOfDate}
        rows={view.sections.flatMap((section) => [
          {
            key: section.id,
            label: (
              <>
                {section.number ? `${section.number}. ` : ""}
                <Localized value={section.name} />
              </>
            ),
            href: link?.({ section: String(section.id) }),
            figures: section.figures,
            strong: true,
          },
          ...section.subsections.map((sub) => ({
            key: sub.id,
            label: (
              <>
                {sub.number ? `${sub.number}. ` : ""}
                <Localized value={sub.name} />
              </>
            ),
            href: link?.({ section: String(sub.id) }),
            figures: sub.figures,
            indent: true,
          })),
        ])}
      />
      <Text size="xs" c="dimmed" mt="sm">
        {t("overview.formula")}
      </Text>
    </Paper>
  );
}

/** Execution by the territories under the one in view (its own level on a row of its own). */
export function TerritoryBreakdown({
  view,
  link,
}: {
  view: Pick<BreakdownView, "territories" | "asOfDate">;
  link?: Link;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {t("dashboard.byTerritory")}
      </Title>
      <BreakdownTable
        testId="territory-table"
        heading={t("dashboard.territory")}
        asOfDate={view.asOfDate}
        rows={view.territories.map((row) => ({
          key: row.id,
          label: row.own ? t("dashboard.ownLevel", { name: plainText(row.name) }) : <Localized value={row.name} />,
          href: row.own ? undefined : link?.({ territory: String(row.id) }),
          figures: row.figures,
        }))}
      />
    </Paper>
  );
}

/** Execution by responsible department. */
export function DepartmentBreakdown({
  view,
  link,
}: {
  view: Pick<DashboardView, "departments" | "filters">;
  link: Link;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {t("dashboard.byDepartment")}
      </Title>
      <BreakdownTable
        testId="department-table"
        heading={t("dashboard.department")}
        asOfDate={view.filters.asOf.date}
        rows={view.departments.map((row) => ({
          key: row.id,
          label: <Localized value={row.name} />,
          href: link({ department: String(row.id) }),
          figures: row.figures,
        }))}
      />
    </Paper>
  );
}
