import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "@remix-run/react";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import { formatQuarterParam } from "~/domain/periods/quarter";
import { formatDate } from "~/i18n/format";
import type { ShownText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

export interface ShownWaitingReport {
  kind: "late" | "returned";
  roadMapTitle: ShownText | null;
  departmentName: ShownText | null;
  quarter: { year: number; quarter: 1 | 2 | 3 | 4 };
  dueDate: string;
  comment: string | null;
}

/** The department's late and returned reports, each a link to its quarter on /my. */
export function WaitingReports({ reports }: { reports: ShownWaitingReport[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (reports.length === 0) return null;
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} bg="orange.0" data-testid="waiting-reports">
      <Group gap="xs" mb="xs" wrap="nowrap">
        <IconAlertTriangle size={20} color="var(--mantine-color-orange-8)" aria-hidden />
        <Title order={2} size="h5">
          {t("reportForms.waiting.title")}
        </Title>
      </Group>
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {reports.map((report) => {
          const quarter = t("myMeasures.quarterLabel", { year: report.quarter.year, quarter: report.quarter.quarter });
          return (
            <li key={`${report.kind}:${formatQuarterParam(report.quarter)}:${report.departmentName?.text ?? ""}`}>
              <Group gap="xs" wrap="wrap" align="baseline">
                <Badge
                  color={report.kind === "late" ? "red" : "orange"}
                  variant="light"
                  style={{ textTransform: "none", flexShrink: 0 }}
                >
                  {t(report.kind === "late" ? "reportForms.waiting.lateBadge" : "report.returned")}
                </Badge>
                <Anchor
                  component={Link}
                  to={`/my?quarter=${formatQuarterParam(report.quarter)}`}
                  fw={600}
                  size="sm"
                  data-testid="waiting-report"
                >
                  {report.kind === "late"
                    ? t("reportForms.waiting.late", { quarter, date: formatDate(locale, report.dueDate) })
                    : t("reportForms.waiting.returned", { quarter })}
                </Anchor>
              </Group>
              <Text size="xs" c="dimmed" mt={2}>
                <Localized value={report.departmentName} /> · <Localized value={report.roadMapTitle} />
              </Text>
              {report.comment && (
                <div style={{ borderLeft: "3px solid var(--mantine-color-orange-4)" }}>
                  <Text size="xs" c="dimmed" mt={4} pl="sm">
                    {t("reportForms.waiting.comment")}
                  </Text>
                  <Text size="sm" pl="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {report.comment}
                  </Text>
                </div>
              )}
            </li>
          );
        })}
      </Stack>
    </Paper>
  );
}
