import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ScoreTrendChart } from "~/components/charts/score-trend-chart";
import { ConflictAlert } from "~/components/conflict-alert";
import { FormErrors, useErrorText } from "~/components/field-error";
import { RankChange } from "~/components/kpi/change-mark";
import { periodLabel, periodParamOf } from "~/components/kpi/period-label";
import { ProvisionalNotice } from "~/components/kpi/provisional-notice";
import { Localized } from "~/components/localized";
import { RagBadge } from "~/components/rag";
import { requirePrincipal } from "~/domain/auth/session.server";
import { forbidden } from "~/domain/auth/permissions.server";
import { AlreadySavedNotice } from "~/components/progress/already-saved";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { SUBMISSION_KEY_FIELD } from "~/domain/editing/submission-key";
import { newSubmissionKey } from "~/domain/editing/submission.server";
import { ragOf, DEFAULT_THRESHOLDS } from "~/domain/execution/execution";
import { mayEnterActuals, mayViewScorecard } from "~/domain/kpi/access";
import { actualSchema, periodParam } from "~/domain/kpi/actual-schema";
import { saveActual } from "~/domain/kpi/actuals.server";
import { findTerritory } from "~/domain/kpi/kpi.server";
import { previousPeriod, type KpiPeriod } from "~/domain/kpi/scoring";
import { scorecardView, type ScorecardLine } from "~/domain/kpi/views.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatNumber, formatPercent } from "~/i18n/format";
import { formatShare } from "~/i18n/figures";
import { rollUpShares } from "~/domain/shares/share-of-base";
import type { Locale } from "~/i18n/locales";
import type { TFunction } from "i18next";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
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
  });
}

export default function KpiScorecard() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as WriteReply | undefined;
  const { t } = useTranslation();
  const locale = useLocale();
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

      {periods.length > 0 && (
        <Group gap="xs" role="navigation" aria-label={t("kpi.period")}>
          <Text size="sm" fw={600}>
            {t("kpi.period")}:
          </Text>
          {periods.map((p) => {
            const current = period !== null && p.year === period.year && p.quarter === period.quarter;
            return (
              <Button
                key={periodParamOf(p)}
                component={Link}
                to={periodQuery(p)}
                size="xs"
                variant={current ? "filled" : "default"}
                aria-current={current ? "page" : undefined}
              >
                {periodLabel(t, p)}
              </Button>
            );
          })}
        </Group>
      )}

      {!period || !explanation ? (
        <Text>{t("kpi.noData")}</Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <Card withBorder padding="md">
              <Text size="sm" c="dimmed">
                {t("kpi.score")}
              </Text>
              <Text fz={32} fw={800} data-testid="scorecard-score">
                {formatPercent(locale, explanation.score)}
              </Text>
              <RagBadge rag={ragOf(explanation.score, DEFAULT_THRESHOLDS)} />
            </Card>
            <Card withBorder padding="md">
              <Text size="sm" c="dimmed">
                {t("kpi.rank")}
              </Text>
              <Text fz={32} fw={800} data-testid="scorecard-rank">
                {rank?.rank ?? "—"}
              </Text>
              <Text size="sm">
                {rank?.rank ? t("kpi.rankOf", { rank: rank.rank, total: rank.ranked }) : t("kpi.notRanked")}
              </Text>
            </Card>
            <Card withBorder padding="md">
              <Text size="sm" c="dimmed">
                {t("kpi.change")} ({t("kpi.changeSince", { period: periodLabel(t, previousPeriod(period)) })})
              </Text>
              <Group gap="sm" mt={6}>
                <RankChange change={rank?.rankChange ?? null} />
                {rank?.scoreChange != null && (
                  <Text fw={600}>
                    {rank.scoreChange > 0 ? "+" : rank.scoreChange < 0 ? "−" : ""}
                    {formatPercent(locale, Math.abs(rank.scoreChange))}
                  </Text>
                )}
              </Group>
            </Card>
          </SimpleGrid>

          {data.closed && (
            <Alert color="gray" icon={<IconLock size={18} />}>
              {t("kpi.periodLocked")}
            </Alert>
          )}
          {data.deadline && explanation && !explanation.final && (
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

          <Stack gap="sm" hiddenFrom="sm">
            {lines.map((line) => (
              <LineCard key={line.indicator.id} line={line} canEnter={data.canEnter} period={period} />
            ))}
          </Stack>
          <Card withBorder padding="md" visibleFrom="sm">
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm" data-testid="scorecard">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("kpi.indicator")}</Table.Th>
                    <Table.Th ta="right">{t("kpi.target")}</Table.Th>
                    <Table.Th ta="right">{t("kpi.actual")}</Table.Th>
                    <Table.Th ta="right">{t("kpi.achievement")}</Table.Th>
                    <Table.Th ta="right">{t("kpi.weight")}</Table.Th>
                    <Table.Th ta="right">{t("kpi.contribution")}</Table.Th>
                    <Table.Th>{t("kpi.rag")}</Table.Th>
                    {data.canEnter && (
                      <Table.Th>
                        <VisuallyHidden>{t("kpi.enter")}</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.map((line) => (
                    <LineRow key={line.indicator.id} line={line} canEnter={data.canEnter} period={period} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>

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

          <Card withBorder padding="md" component="details" open={false}>
            <Text component="summary" fw={700} style={{ cursor: "pointer" }}>
              {t("kpi.explain")}
            </Text>
            <Stack gap={4} mt="sm" component="ol" style={{ paddingLeft: 20 }} data-testid="explain">
              {lines
                .filter((line) => line.achievement !== null)
                .map((line) => (
                  <Text component="li" key={line.indicator.id} size="sm">
                    {t("kpi.explainLine", {
                      indicator: line.indicator.title?.text ?? "",
                      weight: formatNumber(locale, line.weight, 3),
                      achievement: `${formatPercent(locale, line.achievement)}${line.capped ? ` (${t("kpi.capped")})` : ""}`,
                      weighted: formatNumber(locale, line.weighted ?? 0, 4),
                    })}
                  </Text>
                ))}
            </Stack>
            <Text size="sm" mt="sm" fw={600}>
              {t("kpi.explainSum", {
                weighted: formatNumber(locale, explanation.weightedSum, 4),
                weight: formatNumber(locale, explanation.countedWeight, 3),
                score: formatPercent(locale, explanation.score, 2),
              })}
            </Text>
            {missing.length > 0 && (
              <Text size="sm" mt={4} c="dimmed">
                {t(explanation.final ? "kpi.explainZero" : "kpi.explainMissing", {
                  indicators: missing.map((line) => line.indicator.title?.text ?? "").join("; "),
                  weight: formatNumber(
                    locale,
                    explanation.final
                      ? missing.reduce((sum, line) => sum + line.weight, 0)
                      : explanation.totalWeight - explanation.countedWeight,
                    3,
                  ),
                })}
              </Text>
            )}
          </Card>

          {trend.length > 1 && (
            <Card withBorder padding="md">
              <Title order={2} size="h3">
                {t("kpi.trend")}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t("kpi.trendDescription")}
              </Text>
              <ScoreTrendChart
                id="kpi-trend"
                title={t("kpi.trend")}
                points={trend.map((point) => ({
                  label: periodLabel(t, point.period),
                  percent: point.score === null ? null : Math.round(point.score * 1000) / 10,
                  percentText: formatPercent(locale, point.score),
                }))}
              />
              <Table mt="sm" withTableBorder>
                <Table.Tbody>
                  {trend.map((point) => (
                    <Table.Tr key={periodParamOf(point.period)}>
                      <Table.Th scope="row">{periodLabel(t, point.period)}</Table.Th>
                      <Table.Td>{formatPercent(locale, point.score)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )}

          {measures.length > 0 && (
            <Card withBorder padding="md">
              <Title order={2} size="h3" mb="xs">
                {t("kpi.measures")}
              </Title>
              <Stack gap={4}>
                {measures.map((measure) => (
                  <Anchor key={measure.id} component={Link} to={`/measures/${measure.id}`}>
                    {measure.number}. <Localized value={measure.title} />
                  </Anchor>
                ))}
              </Stack>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}

function RecordNote({ line }: { line: ScorecardLine }) {
  const { t } = useTranslation();
  if (!line.record) return null;
  return (
    <Text size="xs" c="dimmed" mt={4}>
      {line.record.comment && (
        <>
          <Localized value={line.record.comment} />
          {" · "}
        </>
      )}
      {line.record.sourceUrl && (
        <>
          <Anchor href={line.record.sourceUrl} size="xs" target="_blank" rel="noreferrer">
            {t("kpi.sourceUrl")}
          </Anchor>
          {" · "}
        </>
      )}
      {t("kpi.enteredBy", { name: line.record.enteredBy })}
    </Text>
  );
}

function EnterButton({ line, period }: { line: ScorecardLine; period: KpiPeriod }) {
  const { t } = useTranslation();
  if (line.indicator.source !== "entered") return null;
  const label = line.actual === null ? t("kpi.enter") : t("kpi.change_");
  return (
    <Button
      component={Link}
      to={`?period=${periodParamOf(period)}&edit=${line.indicator.id}#actual-form`}
      size="xs"
      variant="light"
      preventScrollReset
      aria-label={`${label}: ${line.indicator.title?.text ?? ""}`}
    >
      {label}
    </Button>
  );
}

/** A target or actual: a count with its unit, or with a share-of-base indicator's base «19 of 19 — 100 %». */
function countText(t: TFunction, locale: Locale, count: number, base: number | null, unit: string): string {
  if (base === null) return `${formatNumber(locale, count)} ${unit}`;
  return formatShare(t, locale, rollUpShares([{ count, base }]));
}

/** One indicator as a card: the phone's view of a scorecard line. */
function LineCard({ line, canEnter, period }: { line: ScorecardLine; canEnter: boolean; period: KpiPeriod }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unit = t(`kpi.unit.${line.indicator.unit}`);
  const cells: Array<[string, string]> = [
    [t("kpi.target"), countText(t, locale, line.target, line.targetBase, unit)],
    [
      t("kpi.actual"),
      line.actual === null
        ? t(line.countedAsZero ? "kpi.notReportedZero" : "kpi.missing")
        : countText(t, locale, line.actual, line.actualBase, unit),
    ],
    [t("kpi.achievement"), `${formatPercent(locale, line.achievement)}${line.capped ? "*" : ""}`],
    [t("kpi.weight"), formatNumber(locale, line.weight, 3)],
    [t("kpi.contribution"), formatPercent(locale, line.contribution)],
  ];
  return (
    <Card withBorder padding="sm">
      <Text fw={700} size="sm">
        <Localized value={line.indicator.title} />
      </Text>
      <Group gap={6} mt={4}>
        <RagBadge rag={line.rag} size="sm" />
        <Badge variant="outline" color="gray" size="xs" style={{ textTransform: "none" }}>
          {t(`kpi.direction.${line.indicator.direction}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={3} spacing={6} mt="xs">
        {cells.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm" fw={600}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {line.capped && (
        <Text size="xs" c="dimmed">
          * {t("kpi.capped")}
        </Text>
      )}
      <RecordNote line={line} />
      {canEnter && (
        <Group mt="xs">
          <EnterButton line={line} period={period} />
        </Group>
      )}
    </Card>
  );
}

function LineRow({ line, canEnter, period }: { line: ScorecardLine; canEnter: boolean; period: KpiPeriod }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unit = t(`kpi.unit.${line.indicator.unit}`);
  return (
    <Table.Tr data-indicator={line.indicator.id}>
      <Table.Td>
        <Text fw={600} size="sm">
          <Localized value={line.indicator.title} />
        </Text>
        <Group gap={6} mt={2}>
          <Badge variant="outline" color="gray" size="xs" style={{ textTransform: "none" }}>
            {t(`kpi.direction.${line.indicator.direction}`)}
          </Badge>
          {line.indicator.source !== "entered" && (
            <Badge variant="light" color="blue" size="xs" style={{ textTransform: "none" }}>
              {t(`kpi.source.${line.indicator.source}`)}
            </Badge>
          )}
        </Group>
        <RecordNote line={line} />
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
        {countText(t, locale, line.target, line.targetBase, unit)}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }} data-testid="actual">
        {line.actual === null ? (
          <Text span c={line.countedAsZero ? "red.8" : "dimmed"} size="sm">
            {t(line.countedAsZero ? "kpi.notReportedZero" : "kpi.missing")}
          </Text>
        ) : (
          countText(t, locale, line.actual, line.actualBase, unit)
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
        {formatPercent(locale, line.achievement)}
        {line.capped && (
          <Text size="xs" c="dimmed">
            {t("kpi.capped")}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{formatNumber(locale, line.weight, 3)}</Table.Td>
      <Table.Td ta="right">{formatPercent(locale, line.contribution)}</Table.Td>
      <Table.Td>
        <RagBadge rag={line.rag} size="sm" />
      </Table.Td>
      {canEnter && (
        <Table.Td>
          <EnterButton line={line} period={period} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function ActualForm({
  line,
  period,
  lastResult,
  conflict,
  cancelHref,
  timeZone,
  submissionKey,
}: {
  timeZone: string;
  submissionKey: string;
  line: ScorecardLine;
  period: KpiPeriod;
  lastResult: WriteReply["result"] | undefined;
  conflict: WriteReply["conflict"];
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `actual-${line.indicator.id}`,
    lastResult,
    defaultValue: {
      actual: line.actual?.toString(),
      commentKk: line.record?.commentKk ?? "",
      commentRu: line.record?.commentRu ?? "",
      sourceUrl: line.record?.sourceUrl ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: actualSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Card withBorder padding="md" id="actual-form">
      <Title order={2} size="h3" mb="sm">
        {t("kpi.enterActual", { indicator: line.indicator.title?.text ?? "" })}
      </Title>
      {conflict && <ConflictAlert conflict={conflict} timeZone={timeZone} />}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="actual" />
        <input type="hidden" name={SUBMISSION_KEY_FIELD} value={submissionKey} />
        <input type="hidden" name="indicatorId" value={line.indicator.id} />
        <input type="hidden" name="year" value={period.year} />
        {period.quarter !== null && <input type="hidden" name="quarter" value={period.quarter} />}
        {line.record && <input type="hidden" name="actualId" value={line.record.id} />}
        {line.record && <input type="hidden" name="version" value={line.record.version} />}
        <Stack gap="sm">
          <FormErrors id={form.errorId} errors={form.errors} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              {...getInputProps(fields.actual, { type: "text" })}
              key={fields.actual.key}
              inputMode="decimal"
              label={`${t("kpi.actual")} (${t(`kpi.unit.${line.indicator.unit}`)})`}
              error={errorText(fields.actual.errors)}
              withAsterisk
            />
            <TextInput
              {...getInputProps(fields.sourceUrl, { type: "url" })}
              key={fields.sourceUrl.key}
              label={t("kpi.sourceUrl")}
              error={errorText(fields.sourceUrl.errors)}
            />
            <Textarea
              {...getTextareaProps(fields.commentKk)}
              key={fields.commentKk.key}
              label={t("kpi.commentKk")}
              lang="kk"
              autosize
              minRows={2}
              error={errorText(fields.commentKk.errors)}
            />
            <Textarea
              {...getTextareaProps(fields.commentRu)}
              key={fields.commentRu.key}
              label={t("kpi.commentRu")}
              lang="ru"
              autosize
              minRows={2}
              error={errorText(fields.commentRu.errors)}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit" loading={navigation.state === "submitting"}>
              {t("kpi.save")}
            </Button>
            <Button component={Link} to={cancelHref} variant="default">
              {t("kpi.cancel")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Card>
  );
}
