import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ExportMenu, kpiExports } from "~/components/export/export-menu";
import { periodParamOf } from "~/components/kpi/period-label";
import { PeriodNav } from "~/components/kpi/period-nav";
import { ProvisionalNotice } from "~/components/kpi/provisional-notice";
import { defaultDir, KpiHeatmap, PodiumCard, RankingTable, sortRows } from "~/components/kpi/ranking-parts";
import { isAdmin } from "~/domain/auth/access";
import { requirePrincipal } from "~/domain/auth/session.server";
import { forbidden } from "~/domain/auth/permissions.server";
import { mayViewRanking } from "~/domain/kpi/access";
import { periodParam } from "~/domain/kpi/actual-schema";
import type { KpiPeriod } from "~/domain/kpi/scoring";
import { rankingView } from "~/domain/kpi/views.server";
import { DEFAULT_THRESHOLDS } from "~/domain/execution/execution";
import { rankingMap } from "~/domain/geo/maps.server";
import { ScoreMap } from "~/components/map/compared-maps";
import { findTerritory } from "~/domain/kpi/kpi.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { idSchema } from "~/domain/ids";

const params = z.object({ territoryId: idSchema });
const SORTS = ["rank", "name", "score", "change", "reported"] as const;
const search = z.object({
  period: periodParam.optional().catch(undefined),
  sort: z
    .union([z.enum(SORTS), z.string().regex(/^i\d+$/)])
    .default("rank")
    .catch("rank"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.parent.name?.text ?? ""} · KPI · Oryndau` },
];

export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const db = await database();
  const parent = await findTerritory(db, parsed.data.territoryId);
  if (!parent) throw new Response("Not found", { status: 404 });
  if (!mayViewRanking(principal, parent.path)) throw forbidden();
  const query = search.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = await localeOf(request);
  const view = await rankingView(db, parent.id, query.period ?? null, todayIn(env().APP_TIME_ZONE), locale);
  const map = view.rows.length > 0 ? await rankingMap(db, parent.id, locale) : null;
  return { ...view, map, isAdmin: isAdmin(principal), sort: query.sort, dir: query.dir ?? defaultDir(query.sort) };
}

export default function KpiRanking() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { parent, periods, period, rows, indicators, sort, dir } = data;
  const link = (next: { period?: KpiPeriod; sort?: string; dir?: string }) => {
    const query = new URLSearchParams();
    const p = next.period ?? period;
    if (p) query.set("period", periodParamOf(p));
    query.set("sort", next.sort ?? sort);
    query.set("dir", next.dir ?? dir);
    return `?${query}`;
  };
  const sorted = sortRows(rows, sort, dir, locale);
  const ranked = rows.filter((row) => row.rank !== null);
  const top = ranked.slice(0, 3);
  const bottom = ranked.length > 3 ? ranked.slice(-3).reverse() : [];

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={1} size="h2">
            {t("kpi.rankingOf", { territory: parent.name?.text ?? "" })}
          </Title>
          <Group gap="xs">
            <ExportMenu items={kpiExports(parent.id, period ? periodParamOf(period) : null)} />
            {data.isAdmin && (
              <Button component={Link} to={`/kpi/admin?parent=${parent.id}`} variant="default" size="xs">
                {t("kpi.admin.link")}
              </Button>
            )}
          </Group>
        </Group>
        <Text c="dimmed" size="sm" maw={900}>
          {t("kpi.scoreFormula")}
        </Text>
      </Stack>

      <PeriodNav periods={periods} period={period} link={(p) => link({ period: p })} />

      {rows.length === 0 ? (
        <Text>{t("kpi.noData")}</Text>
      ) : (
        <>
          {data.deadline && rows.some((row) => row.provisional) && (
            <ProvisionalNotice deadline={data.deadline} missing={data.missing} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <PodiumCard title={t("kpi.top")} rows={top} period={period} locale={locale} t={t} />
            {bottom.length > 0 && (
              <PodiumCard title={t("kpi.bottom")} rows={bottom} period={period} locale={locale} t={t} />
            )}
          </SimpleGrid>

          {data.map && (
            <Card withBorder padding="md">
              <ScoreMap map={data.map} rows={rows} thresholds={DEFAULT_THRESHOLDS} period={period} />
            </Card>
          )}
          <RankingTable rows={sorted} indicators={indicators} period={period} sort={sort} dir={dir} link={link} />
          <KpiHeatmap rows={sorted} indicators={indicators} sort={sort} dir={dir} link={link} />
        </>
      )}
    </Stack>
  );
}
