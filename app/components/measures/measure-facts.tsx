import { Anchor, Badge, Breadcrumbs, Group, Paper, SimpleGrid, Text, Title } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExportMenu, measureExports } from "~/components/export/export-menu";
import { Localized } from "~/components/localized";
import { StatusLabel } from "~/components/status";
import type { MeasureStatus } from "~/domain/execution/execution";
import type { MeasurePageData } from "~/domain/progress/measure-page.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

/** The measure page's heading and the measure's facts: who, where, by when, in what unit, with what money. */
export function MeasureFacts({ data, status }: { data: MeasurePageData; status: MeasureStatus | null | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { measure } = data;
  const number = (value: number) => formatNumber(locale, value, 3);
  return (
    <>
      <div>
        <Breadcrumbs separator="›" mb="xs" className="wrapping-trail">
          <Anchor component={Link} to={`/roadmaps/${data.roadMap.id}`} size="sm">
            <Localized value={data.roadMap.title} />
          </Anchor>
          <Text size="sm">
            {data.section.number ? `${data.section.number}. ` : ""}
            <Localized value={data.section.title} />
          </Text>
        </Breadcrumbs>
        <Title order={1} size="h2">
          {measure.number}. <Localized value={measure.title} />
        </Title>
        <Group gap="sm" mt="xs">
          {status && <StatusLabel status={status} />}
          <ExportMenu items={measureExports(measure.id)} />
          {measure.removedOn && (
            <Badge color="gray" variant="light" style={{ textTransform: "none" }}>
              {t("measurePage.removed", {
                date: formatDate(locale, measure.removedOn),
                reason: measure.removedReason?.text ?? "",
              })}
            </Badge>
          )}
        </Group>
      </div>

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" verticalSpacing="sm">
          <Fact label={t("measurePage.responsible")}>
            <Localized value={measure.department} />
            {measure.departmentHead && (
              <Text size="xs" c="dimmed">
                <Localized value={measure.departmentHead} />
              </Text>
            )}
          </Fact>
          {measure.coExecutors.length > 0 && (
            <Fact label={t("measurePage.coExecutors")}>
              {measure.coExecutors.map((name, index) => (
                <div key={index}>
                  <Localized value={name} />
                </div>
              ))}
            </Fact>
          )}
          <Fact label={t("measurePage.territory")}>
            <Localized value={measure.territory} />
          </Fact>
          <Fact label={t("measurePage.deadline")}>
            {formatDate(locale, measure.deadline)}
            {measure.deadlineChanges.map((change, index) => (
              <Text key={index} size="xs" c="dimmed">
                {t("measurePage.deadlineChanged", {
                  from: formatDate(locale, change.from),
                  to: formatDate(locale, change.to),
                  reason: change.reason?.text ?? "",
                })}
              </Text>
            ))}
          </Fact>
          <Fact label={t("measurePage.unit")}>{t(`units.${measure.unit}`)}</Fact>
          {measure.completionForm && (
            <Fact label={t("measurePage.completionForm")}>
              <Localized value={measure.completionForm} />
            </Fact>
          )}
          {(measure.fundingSource || measure.plannedFunding !== null) && (
            <Fact label={t("measurePage.funding")}>
              <Localized value={measure.fundingSource} />
              {measure.plannedFunding !== null && ` — ${number(measure.plannedFunding)} ₸`}
            </Fact>
          )}
          <Fact label={t("measurePage.weight")}>{number(measure.weight)}</Fact>
        </SimpleGrid>
      </Paper>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
