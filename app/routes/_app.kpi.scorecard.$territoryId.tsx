import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Breadcrumbs, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors } from "~/components/field-error";
import { ActualForm } from "~/components/kpi/actual-form";
import { periodParamOf } from "~/components/kpi/period-label";
import { PeriodNav } from "~/components/kpi/period-nav";
import { ProvisionalNotice } from "~/components/kpi/provisional-notice";
import {
  LinkedMeasures,
  ScoreExplanationCard,
  ScoreSummary,
  ScoreTrendCard,
  ScorecardLines,
} from "~/components/kpi/scorecard-sections";
import { Localized } from "~/components/localized";
import { AlreadySavedNotice } from "~/components/progress/already-saved";
import { requirePrincipal } from "~/domain/auth/session.server";
import { forbidden } from "~/domain/auth/permissions.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { newSubmissionKey } from "~/domain/editing/submission.server";
import { mayEnterActuals, mayViewScorecard } from "~/domain/kpi/access";
import { actualSchema, periodParam } from "~/domain/kpi/actual-schema";
import { saveActual } from "~/domain/kpi/actuals.server";
import { findTerritory } from "~/domain/kpi/kpi.server";
import type { KpiPeriod } from "~/domain/kpi/scoring";
import { scorecardView } from "~/domain/kpi/views.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";
import { idSchema } from "~/domain/ids";

const params = z.object({ territoryId: idSchema });
const search = z.object({
  period: periodParam.optional().catch(undefined),
  edit: idSchema.optional().catch(undefined),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.territory.name?.text ?? ""} · KPI · Oryndau` },
];

async function requireTerritory(request: Request, rawParams: unknown) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const db = await database();
  const territory = await findTerritory(db, parsed.data.territoryId);
  if (!territory) throw new Response("Not found", { status: 404 });
  return { principal, db, territory };
}

export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const { principal, db, territory } = await requireTerritory(request, rawParams);
  if (!mayViewScorecard(principal, territory.path)) throw forbidden();
  const query = search.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = await localeOf(request);
  const view = await scorecardView(db, territory.id, query.period ?? null, todayIn(env().APP_TIME_ZONE), locale);
  const canEnter = mayEnterActuals(principal, territory.path) && !view.closed;
  const editable = view.lines.find((line) => line.indicator.id === query.edit && line.indicator.source === "entered");
  return {
    ...view,
    timeZone: env().APP_TIME_ZONE,
    submissionKey: newSubmissionKey(),
    canEnter,
    editIndicatorId: canEnter && editable ? editable.indicator.id : null,
  };
}

export async function action({ request, params: rawParams }: ActionFunctionArgs) {
  const { principal, db, territory } = await requireTerritory(request, rawParams);
  if (!mayEnterActuals(principal, territory.path)) throw forbidden();
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: actualSchema });
  if (submission.status !== "success") return invalid(submission);
  const { year, quarter } = submission.value;
  const period = periodParamOf({ year, quarter: quarter ?? null });
  return attemptWrite(submission, () => saveActual(db, principal, territory.id, submission.value), {
    redirectTo: `/kpi/scorecard/${territory.id}?period=${period}`,
    flash: { key: "actualSaved" },
  });
}

export default function KpiScorecard() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as WriteReply | undefined;
  const { t } = useTranslation();
  const { territory, parent, period, periods, lines, explanation, rank, trend, measures } = data;
  const periodQuery = (p: KpiPeriod | null) => (p ? `?period=${periodParamOf(p)}` : "");
  const missing = lines.filter((line) => line.actual === null);
  const editing = lines.find((line) => line.indicator.id === data.editIndicatorId) ?? null;

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/kpi">
          KPI
        </Anchor>
        {parent && (
          <Anchor component={Link} to={`/kpi/${parent.id}${periodQuery(period)}`}>
            <Localized value={parent.name} />
          </Anchor>
        )}
      </Breadcrumbs>
      <Title order={1} size="h2">
        {t("kpi.scorecard", { territory: territory.name?.text ?? "" })}
      </Title>

      <PeriodNav periods={periods} period={period} link={periodQuery} />

      {!period || !explanation ? (
        <Text>{t("kpi.noData")}</Text>
      ) : (
        <>
          <ScoreSummary score={explanation.score} rank={rank} period={period} />
          {data.closed && (
            <Alert color="gray" icon={<IconLock size={18} />}>
              {t("kpi.periodLocked")}
            </Alert>
          )}
          {data.deadline && !explanation.final && (
            <ProvisionalNotice
              deadline={data.deadline}
              missing={
                missing.length
                  ? [
                      {
                        territoryId: territory.id,
                        name: territory.name,
                        indicators: missing.map((l) => l.indicator.title),
                      },
                    ]
                  : []
              }
            />
          )}
          {actionData && !actionData.saved && !editing && (
            <FormErrors errors={actionData.result.error?.[""] ?? undefined} />
          )}
          <ScorecardLines lines={lines} canEnter={data.canEnter} period={period} />
          <AlreadySavedNotice show={actionData?.saved && actionData.alreadySaved} />
          {editing && (
            <ActualForm
              key={`${editing.indicator.id}-${editing.record?.version ?? 0}`}
              line={editing}
              period={period}
              lastResult={actionData?.result}
              conflict={actionData?.conflict}
              cancelHref={periodQuery(period)}
              timeZone={data.timeZone}
              submissionKey={data.submissionKey}
            />
          )}
          <ScoreExplanationCard lines={lines} explanation={explanation} />
          {trend.length > 1 && <ScoreTrendCard id="kpi-trend" trend={trend} />}
          <LinkedMeasures measures={measures} />
        </>
      )}
    </Stack>
  );
}
