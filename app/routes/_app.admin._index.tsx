import { Card, SimpleGrid, Text } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { requireAdminRequest } from "~/domain/admin/guard.server";
import { translator } from "~/i18n/i18n";
import { formatNumber } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  const count = async (table: "programme" | "road_map" | "measure" | "department" | "territory" | "app_user") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    pageTitle: translator(locale)("admin.nav.title"),
    cards: [
      { to: "/admin/programmes", key: "programmes", count: await count("programme") },
      { to: "/admin/programmes", key: "roadMapCount", count: await count("road_map") },
      { to: "/admin/programmes", key: "measures", count: await count("measure") },
      { to: "/admin/departments", key: "departments", count: await count("department") },
      { to: "/admin/territories", key: "territories", count: await count("territory") },
      { to: "/admin/users", key: "users", count: await count("app_user") },
    ] as const,
  };
}

export default function AdminHome() {
  const { cards } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
      {cards.map((card) => (
        <Card key={card.key} withBorder component={Link} to={card.to} padding="md">
          <Text size="xl" fw={700} className="tabular">
            {formatNumber(locale, card.count, 0)}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`admin.home.${card.key}` as ParseKeys)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
