import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import { requirePrincipal } from "~/domain/auth/session.server";
import { visibleRoadMaps } from "~/domain/roadmap/roadmap.server";
import { database } from "~/db.server";
import { translator } from "~/i18n/i18n";
import { pickText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const locale = await localeOf(request);
  const roadMaps = await visibleRoadMaps(await database(), principal);
  return {
    pageTitle: translator(locale)("roadMaps.title"),
    roadMaps: roadMaps.map((roadMap) => ({
      id: roadMap.id,
      title: pickText(roadMap.title, locale),
      programme: pickText(roadMap.programmeTitle, locale),
      territory: pickText(roadMap.territoryName, locale),
      years: `${roadMap.startYear}–${roadMap.endYear}`,
      measureCount: roadMap.measureCount,
    })),
  };
}

export default function RoadMapsPage() {
  const { roadMaps } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
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
                    {t("roadMaps.measures", { count: roadMap.measureCount })}
                  </Text>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
