import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import { RagBadge } from "~/components/rag";
import { requirePrincipal } from "~/domain/auth/session.server";
import { roadMapTotal } from "~/domain/execution/dashboard.server";
import { ragOf } from "~/domain/execution/execution";
import { todayIn } from "~/domain/periods/quarter";
import { visibleRoadMaps } from "~/domain/roadmap/roadmap.server";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatExecution } from "~/i18n/figures";
import { translator } from "~/i18n/i18n";
import { pickText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { yearRange } from "~/i18n/range";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const locale = await localeOf(request);
  const db = await database();
  const roadMaps = await visibleRoadMaps(db, principal);
  // Each card shows what its dashboard opens with: accepted facts against the quarters ended by today.
  const asOf = { date: todayIn(env().APP_TIME_ZONE), includeCurrentQuarter: false, facts: "accepted" as const };
  const totals = await Promise.all(roadMaps.map((roadMap) => roadMapTotal(db, roadMap, asOf)));
  return {
    pageTitle: translator(locale)("roadMaps.title"),
    asOf: asOf.date,
    roadMaps: roadMaps.map((roadMap, index) => ({
      id: roadMap.id,
      title: pickText(roadMap.title, locale),
      programme: pickText(roadMap.programmeTitle, locale),
      territory: pickText(roadMap.territoryName, locale),
      years: yearRange(roadMap.startYear, roadMap.endYear),
      measureCount: roadMap.measureCount,
      execution: totals[index]?.execution ?? null,
      rag: ragOf(totals[index]?.execution ?? null, roadMap.thresholds),
      lagging: (totals[index]?.statusCounts.behind ?? 0) + (totals[index]?.statusCounts.overdue ?? 0),
    })),
  };
}

export default function RoadMapsPage() {
  const { roadMaps } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Title order={1}>{t("roadMaps.title")}</Title>
      {roadMaps.length === 0 ? (
        <Text>{t("roadMaps.empty")}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {roadMaps.map((roadMap) => (
            <Card key={roadMap.id} withBorder padding="lg" component={Link} to={`/roadmaps/${roadMap.id}`}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm" c="dimmed">
                    <Localized value={roadMap.programme} />
                  </Text>
                  <Badge variant="light" style={{ flexShrink: 0 }}>
                    {roadMap.years}
                  </Badge>
                </Group>
                <Text fw={600} size="lg" lh={1.3}>
                  <Localized value={roadMap.title} />
                </Text>
                <Group justify="space-between">
                  <Text size="sm">
                    <Localized value={roadMap.territory} />
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t("oneLanguage.counts.measures", { count: roadMap.measureCount })}
                  </Text>
                </Group>
                <Group justify="space-between" align="center" gap="xs">
                  <Group gap={8} align="baseline">
                    <Text fw={700} size="xl" data-testid="road-map-execution">
                      {formatExecution(t, locale, roadMap.execution)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t("figures.dueToDate")}
                    </Text>
                  </Group>
                  <RagBadge rag={roadMap.rag} size="sm" />
                </Group>
                {roadMap.lagging > 0 && (
                  <Text size="sm" c="red.8">
                    {t("roadMaps.lagging", { count: roadMap.lagging })}
                  </Text>
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
