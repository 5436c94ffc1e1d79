import { Alert, Anchor, Breadcrumbs, Stack, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CompareNothing, ComparePicker, CompareTable, CompareTrend } from "~/components/kpi/compare-tables";
import { periodParamOf } from "~/components/kpi/period-label";
import { PeriodNav } from "~/components/kpi/period-nav";
import { requirePrincipal } from "~/domain/auth/session.server";
import { forbidden } from "~/domain/auth/permissions.server";
import { mayViewKpi, mayViewScorecard } from "~/domain/kpi/access";
import { compareHref, parseCompareParams } from "~/domain/kpi/compare-params";
import { compareCandidates, compareView } from "~/domain/kpi/compare.server";
import { territoriesByIds } from "~/domain/kpi/kpi.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { pickText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { translator } from "~/i18n/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · KPI · Oryndau` }];

/** /kpi/compare?t=..&t=..&period=..: two to four territories' scorecards side by side. */
export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  if (!mayViewKpi(principal)) throw forbidden();
  const query = parseCompareParams(new URL(request.url).searchParams);
  const db = await database();
  const found = await territoriesByIds(db, query.asked);
  if (found.length !== query.asked.length) throw new Response("Not found", { status: 404 });
  // A territory outside the user's scope is refused, not quietly left out: the address was not one the pages give.
  if (found.some((territory) => !mayViewScorecard(principal, territory.path))) throw forbidden();
  const asked = query.asked.map((id) => found.find((territory) => territory.id === id)!);
  const locale = await localeOf(request);
  const today = todayIn(env().APP_TIME_ZONE);
  const compared = asked.filter((territory) => query.territoryIds.includes(territory.id));
  const [view, candidates] = await Promise.all([
    compared.length ? compareView(db, compared, query.period, today, locale) : null,
    compareCandidates(db, asked),
  ]);
  const parentId = asked[0]?.parentId ?? null;
  return {
    pageTitle: translator(locale)("compare.title"),
    problem: query.problem,
    chosen: query.asked,
    view,
    candidates: candidates
      .filter((territory) => mayViewScorecard(principal, territory.path))
      .map((territory) => ({ id: territory.id, name: pickText(territory.name, locale) })),
    ranking: parentId === null ? "/kpi" : `/kpi/${parentId}`,
  };
}

export default function KpiCompare() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { view } = data;
  const names = view?.columns.map((column) => column.name?.text ?? "").join(" · ") ?? "";
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/kpi">
          KPI
        </Anchor>
        <Anchor component={Link} to={`${data.ranking}${view?.period ? `?period=${periodParamOf(view.period)}` : ""}`}>
          {t("kpi.title")}
        </Anchor>
      </Breadcrumbs>
      <Title order={1} size="h2">
        {view ? t("compare.titleOf", { names }) : t("compare.title")}
      </Title>
      {data.problem && data.chosen.length > 0 && (
        <Alert color="yellow" role="status">
          {t(data.problem)}
        </Alert>
      )}
      {data.candidates.length > 0 ? (
        <ComparePicker candidates={data.candidates} chosen={data.chosen} period={view?.period ?? null} />
      ) : (
        <Alert color="gray">
          <Stack gap={4}>
            {t("compare.nothingToPick")}
            <Anchor component={Link} to="/kpi">
              {t("compare.toRanking")}
            </Anchor>
          </Stack>
        </Alert>
      )}
      {view ? (
        <>
          <PeriodNav
            periods={view.periods}
            period={view.period}
            link={(p) => compareHref(data.chosen, periodParamOf(p))}
          />
          {view.period && <CompareTable columns={view.columns} indicators={view.indicators} period={view.period} />}
          <CompareTrend columns={view.columns} periods={view.trendPeriods} />
        </>
      ) : (
        data.candidates.length > 0 && <CompareNothing problem={data.problem} toRanking={data.ranking} />
      )}
    </Stack>
  );
}
