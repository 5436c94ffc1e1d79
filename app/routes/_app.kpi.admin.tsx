import { parseWithZod } from "@conform-to/zod/v4";
import { Anchor, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CopyForm, IndicatorForm, TargetForm } from "~/components/kpi/admin-forms";
import { periodLabel, periodParamOf } from "~/components/kpi/period-label";
import { Localized } from "~/components/localized";
import { requirePrincipal } from "~/domain/auth/session.server";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { attemptWrite, invalid } from "~/domain/editing/action.server";
import { copySchema, indicatorSchema, targetSchema } from "~/domain/kpi/admin-schema";
import { copyTargets, saveIndicator, setTargets } from "~/domain/kpi/admin.server";
import { periodParam } from "~/domain/kpi/actual-schema";
import { kpiCategoryOf } from "~/domain/kpi/categories";
import { childTerritories, kpiPeriods, loadIndicators, loadTargets } from "~/domain/kpi/kpi.server";
import type { KpiPeriod } from "~/domain/kpi/scoring";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatNumber } from "~/i18n/format";
import { pickText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { idSchema } from "~/domain/ids";

const search = z.object({
  parent: idSchema.optional().catch(undefined),
  period: periodParam.optional().catch(undefined),
  edit: z
    .union([z.literal("new"), idSchema])
    .optional()
    .catch(undefined),
});

export const meta: MetaFunction = () => [{ title: "KPI · Oryndau" }];

async function parentOf(request: Request) {
  const db = await database();
  const query = search.parse(Object.fromEntries(new URL(request.url).searchParams));
  const parents = await db
    .selectFrom("territory")
    .select(["id", "name"])
    .where("kind", "in", ["country", "oblast", "city_rep"])
    .orderBy("id")
    .execute();
  const parentId = query.parent ?? parents.find((p) => p.name.en === "Karaganda Region")?.id ?? parents[0]?.id;
  if (parentId === undefined || !parents.some((p) => p.id === parentId))
    throw new Response("Not found", { status: 404 });
  return { db, query, parents, parentId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  requireAdmin(principal);
  const { db, query, parents, parentId } = await parentOf(request);
  const locale = await localeOf(request);
  const children = await childTerritories(db, parentId);
  const ids = children.map((c) => c.id);
  const periods = await kpiPeriods(db, ids);
  const year = Number(todayIn(env().APP_TIME_ZONE).slice(0, 4));
  const period: KpiPeriod = query.period ?? periods[0] ?? { year, quarter: null };
  const [indicators, targets, roadMaps] = await Promise.all([
    loadIndicators(db),
    loadTargets(db, ids, [period]),
    db.selectFrom("road_map").select(["id", "title"]).orderBy("id").execute(),
  ]);
  const measureNumbers = await db
    .selectFrom("measure")
    .select(["id", "number"])
    .where("id", "in", indicators.flatMap((i) => i.measureIds).concat([0]))
    .execute();
  const editing = query.edit === "new" ? "new" : (indicators.find((i) => i.id === query.edit) ?? null);
  return {
    timeZone: env().APP_TIME_ZONE,
    parentId,
    parents: parents.map((p) => ({ id: p.id, name: pickText(p.name, locale)?.text ?? "" })),
    children: children.map((c) => ({ id: c.id, name: pickText(c.name, locale) })),
    periods,
    period,
    indicators: indicators.map((i) => ({
      ...i,
      shownTitle: pickText(i.title, locale),
      measureNumbers: measureNumbers.filter((m) => i.measureIds.includes(m.id)).map((m) => m.number),
    })),
    targets,
    roadMaps: roadMaps.map((r) => ({ id: r.id, title: pickText(r.title, locale)?.text ?? "" })),
    editing: editing === "new" ? "new" : (editing?.id ?? null),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requirePrincipal(request);
  requireAdmin(principal);
  const { db, parentId } = await parentOf(request);
  const formData = await request.formData();
  const back = new URL(request.url);
  switch (formData.get("intent")) {
    case "indicator": {
      const submission = parseWithZod(formData, { schema: indicatorSchema });
      if (submission.status !== "success") return invalid(submission);
      back.searchParams.delete("edit");
      return attemptWrite(submission, () => saveIndicator(db, principal, submission.value), {
        flash: { key: "adminSaved" },
        redirectTo: `${back.pathname}${back.search}`,
      });
    }
    case "target": {
      const submission = parseWithZod(formData, { schema: targetSchema });
      if (submission.status !== "success") return invalid(submission);
      const { year, quarter } = submission.value;
      back.searchParams.set("period", periodParamOf({ year, quarter: quarter ?? null }));
      return attemptWrite(submission, () => setTargets(db, principal, parentId, submission.value), {
        flash: { key: "adminSaved" },
        redirectTo: `${back.pathname}${back.search}`,
      });
    }
    case "copy": {
      const submission = parseWithZod(formData, { schema: copySchema });
      if (submission.status !== "success") return invalid(submission);
      const { toYear, toQuarter } = submission.value;
      back.searchParams.set("period", periodParamOf({ year: toYear, quarter: toQuarter ?? null }));
      return attemptWrite(submission, () => copyTargets(db, principal, parentId, submission.value), {
        flash: { key: "adminSaved" },
        redirectTo: `${back.pathname}${back.search}`,
      });
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function KpiAdmin() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const query = (next: { parent?: number; period?: KpiPeriod; edit?: string | number }) => {
    const params = new URLSearchParams({ parent: String(next.parent ?? data.parentId) });
    params.set("period", periodParamOf(next.period ?? data.period));
    if (next.edit !== undefined) params.set("edit", String(next.edit));
    return `?${params}`;
  };
  const editing = data.editing === "new" ? null : (data.indicators.find((i) => i.id === data.editing) ?? null);

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t("kpi.admin.title")}
      </Title>

      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3">
            {t("kpi.admin.indicators")}
          </Title>
          <Button component={Link} to={query({ edit: "new" })} size="xs">
            {t("kpi.admin.newIndicator")}
          </Button>
        </Group>
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("kpi.indicator")}</Table.Th>
                <Table.Th>{t("kpi.admin.category")}</Table.Th>
                <Table.Th>{t("kpi.admin.unit")}</Table.Th>
                <Table.Th>{t("kpi.admin.direction")}</Table.Th>
                <Table.Th>{t("kpi.admin.source")}</Table.Th>
                <Table.Th>RAG</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.indicators.map((indicator) => (
                <Table.Tr key={indicator.id}>
                  <Table.Td>
                    <Localized value={indicator.shownTitle} />
                  </Table.Td>
                  <Table.Td>{t(`oneLanguage.kpiCategory.${kpiCategoryOf(indicator.category)}`)}</Table.Td>
                  <Table.Td>{t(`kpi.unit.${indicator.unit}`)}</Table.Td>
                  <Table.Td>{t(`kpi.direction.${indicator.direction}`)}</Table.Td>
                  <Table.Td>
                    {t(`kpi.source.${indicator.source}`)}
                    {indicator.measureNumbers.length > 0 && ` (${indicator.measureNumbers.join(", ")})`}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    ≥ {formatNumber(locale, indicator.ragGreen)} / ≥ {formatNumber(locale, indicator.ragAmber)}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={query({ edit: indicator.id })} size="sm">
                      {t("kpi.change_")}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      {data.editing !== null && (
        <IndicatorForm key={String(data.editing)} data={data} indicator={editing} cancel={query({})} />
      )}

      <Card withBorder padding="md">
        <Title order={2} size="h3" mb="sm">
          {t("kpi.admin.targets")}
        </Title>
        <Form method="get">
          <Group align="flex-end" gap="sm" mb="md">
            <NativeSelect
              name="parent"
              label={t("kpi.territory")}
              defaultValue={String(data.parentId)}
              data={data.parents.map((p) => ({ value: String(p.id), label: p.name }))}
            />
            <NativeSelect
              name="period"
              label={t("kpi.period")}
              defaultValue={periodParamOf(data.period)}
              data={data.periods.map((p) => ({ value: periodParamOf(p), label: periodLabel(t, p) }))}
            />
            <Button type="submit" variant="default">
              {t("kpi.admin.show")}
            </Button>
          </Group>
        </Form>
        <Table.ScrollContainer minWidth={200 + data.indicators.length * 140}>
          <Table withColumnBorders verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("kpi.territory")}</Table.Th>
                {data.indicators.map((indicator) => (
                  <Table.Th key={indicator.id}>{indicator.shownTitle?.text}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.children.map((child) => (
                <Table.Tr key={child.id}>
                  <Table.Th scope="row">
                    <Localized value={child.name} />
                  </Table.Th>
                  {data.indicators.map((indicator) => {
                    const target = data.targets.find(
                      (row) => row.territoryId === child.id && row.indicatorId === indicator.id,
                    );
                    return (
                      <Table.Td key={indicator.id} style={{ whiteSpace: "nowrap" }}>
                        {target
                          ? `${formatNumber(locale, target.target)} · ${t("kpi.weight")} ${formatNumber(locale, target.weight, 3)}`
                          : "—"}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TargetForm data={data} />
        <CopyForm data={data} />
      </SimpleGrid>
    </Stack>
  );
}
