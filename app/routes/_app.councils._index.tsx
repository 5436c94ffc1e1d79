import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import { requirePrincipal } from "~/domain/auth/session.server";
import { councilsOf } from "~/domain/meetings/meetings.server";
import { database } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { pickText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const locale = await localeOf(request);
  const councils = await councilsOf(await database(), principal);
  return {
    pageTitle: translator(locale)("meetings.councils"),
    councils: councils.map((c) => ({
      id: c.id,
      title: pickText(c.title, locale),
      organisation: pickText(c.organisation, locale),
      territory: pickText(c.territoryName, locale),
      meetingCount: c.meetingCount,
      lastMeetingDate: c.lastMeetingDate,
      nextMeetingDate: c.nextMeetingDate,
    })),
  };
}

export default function CouncilsPage() {
  const { councils } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Title order={1}>{t("meetings.councils")}</Title>
      {councils.length === 0 && <Text>{t("meetings.noCouncils")}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {councils.map((council) => (
          <Paper key={council.id} withBorder p="md">
            <Text size="sm" c="dimmed">
              <Localized value={council.organisation} />
            </Text>
            <Anchor component={Link} to={`/councils/${council.id}`} fw={700} size="lg">
              <Localized value={council.title} />
            </Anchor>
            <Text size="sm">
              {t("meetings.meetingCount", { count: council.meetingCount })}
              {council.lastMeetingDate &&
                ` · ${t("meetings.lastMeeting", { date: formatDate(locale, council.lastMeetingDate) })}`}
              {council.nextMeetingDate &&
                ` · ${t("meetings.nextMeeting", { date: formatDate(locale, council.nextMeetingDate) })}`}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
