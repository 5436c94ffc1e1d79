import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { IconAlertTriangle, IconCircleCheck, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors, useErrorText } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { StatusLabel } from "~/components/status";
import { DepartmentDecisions } from "~/components/meetings/department-decisions";
import { requirePrincipal } from "~/domain/auth/session.server";
import { editableDepartmentIds, forbidden } from "~/domain/auth/permissions.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { quarterEntriesSchema, type EntryLimits } from "~/domain/progress/entry-schema";
import { saveQuarterEntries } from "~/domain/progress/entries.server";
import { departmentQuarters } from "~/domain/progress/my-measures.server";
import { submitReport } from "~/domain/progress/reports.server";
import { departmentDecisionViews } from "~/domain/meetings/meeting-view.server";
import { addFollowUp } from "~/domain/meetings/meetings.server";
import { followUpSchema, localized } from "~/domain/meetings/schemas";
import {
  formatQuarterParam,
  parseQuarterParam,
  previousQuarter,
  quarterEnd,
  quarterOf,
  quarterStart,
  reportDueDate,
  todayIn,
  type Quarter,
} from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatDate, formatNumber, formatPercent } from "~/i18n/format";
import { pickText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { translator } from "~/i18n/i18n";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

/** The quarter of the URL, or the current one. */
function chosenQuarter(request: Request, today: string): Quarter {
  return parseQuarterParam(new URL(request.url).searchParams.get("quarter")) ?? quarterOf(today);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const departmentIds = editableDepartmentIds(principal);
  if (departmentIds.length === 0) throw forbidden();
  const locale = await localeOf(request);
  const today = todayIn(env().APP_TIME_ZONE);
  const quarter = chosenQuarter(request, today);
  const db = await database();
  const [groups, decisions] = await Promise.all([
    departmentQuarters(db, departmentIds, quarter, today),
    departmentDecisionViews(db, principal, departmentIds, locale, today, env().APP_TIME_ZONE),
  ]);

  // The quarters a department may look back on: from 2023 (the road maps' first year) to today's.
  const choices: Quarter[] = [];
  for (let q = quarterOf(today); q.year >= 2023; q = previousQuarter(q)) choices.push(q);
  const entryDate = today < quarterEnd(quarter) ? today : quarterEnd(quarter);

  return {
    pageTitle: translator(locale)("myMeasures.title"),
    today,
    quarter,
    quarterParam: formatQuarterParam(quarter),
    quarterOver: today > quarterEnd(quarter),
    dueDate: reportDueDate(quarter),
    choices: choices.map((q) => ({ value: formatQuarterParam(q), year: q.year, quarter: q.quarter })),
    limits: {
      firstDate: quarterStart(quarter),
      lastDate: quarterEnd(quarter),
      today,
      bounds: "quarter",
    } satisfies EntryLimits,
    entryDate,
    decisions,
    groups: groups.map((group) => ({
      roadMapId: group.roadMapId,
      roadMapTitle: pickText(group.roadMapTitle, locale),
      departmentId: group.departmentId,
      departmentName: pickText(group.departmentName, locale),
      report: group.report,
      closed: group.closed,
      measures: group.measures.map((m) => ({
        ...m,
        title: pickText(m.title, locale),
        roadMapTitle: undefined,
        shareTerritories: m.shareTerritories.map((t) => ({ id: t.id, name: pickText(t.name, locale)?.text ?? "" })),
      })),
    })),
  };
}

const submitSchema = z.object({
  intent: z.literal("submit-report"),
  roadMapId: z.coerce.number().int().positive(),
  departmentId: z.coerce.number().int().positive(),
});

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requirePrincipal(request);
  if (editableDepartmentIds(principal).length === 0) throw forbidden();
  const db = await database();
  const today = todayIn(env().APP_TIME_ZONE);
  const quarter = chosenQuarter(request, today);
  const formData = await request.formData();
  const back = `/my?quarter=${formatQuarterParam(quarter)}`;

  switch (formData.get("intent")) {
    case "save-quarter": {
      // Entries of the chosen quarter only: its dates bound the form's date fields.
      const limits: EntryLimits = {
        firstDate: quarterStart(quarter),
        lastDate: quarterEnd(quarter),
        today,
        bounds: "quarter",
      };
      const submission = parseWithZod(formData, { schema: quarterEntriesSchema(limits) });
      if (submission.status !== "success") return invalid(submission);
      const count = submission.value.rows.filter((row) => row.value !== undefined).length;
      return attemptWrite(submission, () => saveQuarterEntries(db, principal, submission.value, today), {
        redirectTo: `${back}&saved=${count}`,
      });
    }
    case "submit-report": {
      const submission = parseWithZod(formData, { schema: submitSchema });
      if (submission.status !== "success") return invalid(submission);
      const { roadMapId, departmentId } = submission.value;
      return attemptWrite(submission, () => submitReport(db, principal, { roadMapId, departmentId, quarter }, today), {
        redirectTo: back,
      });
    }
    case "add-follow-up": {
      const submission = parseWithZod(formData, { schema: followUpSchema });
      if (submission.status !== "success") return invalid(submission);
      const { decisionId, noteKk, noteRu } = submission.value;
      return attemptWrite(
        submission,
        () => addFollowUp(db, principal, { decisionId, note: localized(noteKk, noteRu) }),
        {
          redirectTo: back,
        },
      );
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Group = LoaderData["groups"][number];

export default function MyMeasuresPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const saved = Number(searchParams.get("saved") ?? 0);
  const submitRefused = reply && !reply.saved && reply.result.initialValue?.intent === "submit-report";

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t("myMeasures.title")}</Title>
          <Text c="dimmed" size="sm">
            {t("myMeasures.dueBy", { date: formatDate(locale, data.dueDate) })}
          </Text>
        </div>
        <Form method="get">
          <Group gap="xs" align="flex-end">
            <NativeSelect
              name="quarter"
              label={t("myMeasures.quarter")}
              defaultValue={data.quarterParam}
              data={data.choices.map((choice) => ({
                value: choice.value,
                label: t("myMeasures.quarterLabel", { year: choice.year, quarter: choice.quarter }),
              }))}
            />
            <Button type="submit" variant="light">
              {t("myMeasures.show")}
            </Button>
          </Group>
        </Form>
      </Group>

      {saved > 0 && (
        <Alert color="teal" icon={<IconCircleCheck />} role="status">
          {t("myMeasures.savedCount", { count: saved })}
        </Alert>
      )}
      {submitRefused && <FormErrors errors={reply.result.error?.[""] ?? undefined} />}
      <DepartmentDecisions decisions={data.decisions} />
      {data.groups.length === 0 && <Text>{t("myMeasures.none")}</Text>}
      {data.groups.map((group) => (
        <DepartmentQuarterCard
          key={`${group.roadMapId}:${group.departmentId}`}
          group={group}
          data={data}
          reply={reply}
        />
      ))}
    </Stack>
  );
}

function DepartmentQuarterCard({
  group,
  data,
  reply,
}: {
  group: Group;
  data: LoaderData;
  reply: WriteReply | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const editable = !group.closed && (!group.report || group.report.status === "returned");
  const formId = `quarter-${data.quarterParam}-${group.roadMapId}-${group.departmentId}`;
  // Each department's quarter is its own form; a reply goes back to the form it came from.
  const ownReply = reply && !reply.saved && reply.result.initialValue?.form === formId ? reply.result : undefined;
  const [form, fields] = useForm({
    id: formId,
    lastResult: ownReply,
    defaultValue: {
      rows: group.measures.map((m) => ({
        measureId: String(m.id),
        territoryId: String(m.shareTerritories[0]?.id ?? m.territoryId),
        entryDate: data.entryDate,
      })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: quarterEntriesSchema(data.limits) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const rows = fields.rows.getFieldList();

  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} data-testid="department-quarter">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Text size="sm" c="dimmed">
            <Localized value={group.roadMapTitle} />
          </Text>
          <Title order={2} size="h4">
            <Localized value={group.departmentName} />
          </Title>
        </div>
        <Stack gap={6} align="flex-end">
          <Group gap="xs">
            {group.closed && (
              <Badge color="gray" leftSection={<IconLock size={12} />} style={{ textTransform: "none" }}>
                {t("myMeasures.closed")}
              </Badge>
            )}
            <Badge
              color={
                group.report?.status === "accepted"
                  ? "teal"
                  : group.report?.status === "returned"
                    ? "orange"
                    : group.report
                      ? "steppe"
                      : "gray"
              }
              variant="light"
              style={{ textTransform: "none" }}
              data-testid="report-status"
            >
              {group.report ? t(`report.${group.report.status}`) : t("report.none")}
            </Badge>
          </Group>
          {data.quarterOver && editable && (
            <Form method="post">
              <input type="hidden" name="intent" value="submit-report" />
              <input type="hidden" name="roadMapId" value={group.roadMapId} />
              <input type="hidden" name="departmentId" value={group.departmentId} />
              <Button type="submit" size="xs">
                {t("report.submit")}
              </Button>
            </Form>
          )}
        </Stack>
      </Group>
      {group.report?.status === "returned" && group.report.comment && (
        <Alert color="orange" icon={<IconAlertTriangle />} mb="sm" title={t("report.returned")}>
          {group.report.comment}
        </Alert>
      )}

      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save-quarter" />
        <input type="hidden" name="form" value={formId} />
        <Stack gap="sm">
          {rows.map((row, index) => {
            const measure = group.measures[index]!;
            const rowFields = row.getFieldset();
            return (
              <Card key={row.key} withBorder padding="sm" data-testid="measure-row">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={`/measures/${measure.id}`} fw={600} size="sm">
                    {measure.number}. <Localized value={measure.title} />
                  </Anchor>
                  <Group gap="xs" wrap="nowrap">
                    {measure.reportMissing && (
                      <Badge color="red" variant="light" style={{ textTransform: "none" }}>
                        {t("myMeasures.missing")}
                      </Badge>
                    )}
                    <StatusLabel status={measure.status} />
                  </Group>
                </Group>
                <Group gap="lg" mt={4}>
                  <Text size="sm">
                    {t("myMeasures.plan")}: <b className="tabular">{formatNumber(locale, measure.quarterPlan)}</b>{" "}
                    {t(`units.${measure.unit}`)}
                  </Text>
                  <Text size="sm">
                    {t("myMeasures.fact")}: <b className="tabular">{formatNumber(locale, measure.quarterFact)}</b> (
                    {t("myMeasures.entries", { count: measure.quarterEntries })})
                  </Text>
                  <Text size="sm">
                    {t("myMeasures.execution")}: <b className="tabular">{formatPercent(locale, measure.execution)}</b>
                  </Text>
                </Group>
                <input type="hidden" name={rowFields.measureId.name} value={measure.id} />
                {editable && (
                  <Stack gap="xs" mt="sm">
                    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                      <TextInput
                        {...getInputProps(rowFields.entryDate, { type: "date" })}
                        key={rowFields.entryDate.key}
                        label={t("entry.date")}
                        min={data.limits.firstDate}
                        max={data.limits.lastDate < data.today ? data.limits.lastDate : data.today}
                        error={errorText(rowFields.entryDate.errors)}
                        size="sm"
                      />
                      <TextInput
                        {...getInputProps(rowFields.value, { type: "text" })}
                        key={rowFields.value.key}
                        inputMode="decimal"
                        label={t("entry.value")}
                        error={errorText(rowFields.value.errors)}
                        size="sm"
                      />
                      <TextInput
                        {...getInputProps(rowFields.peopleReached, { type: "text" })}
                        key={rowFields.peopleReached.key}
                        inputMode="numeric"
                        label={t("entry.peopleReached")}
                        error={errorText(rowFields.peopleReached.errors)}
                        size="sm"
                      />
                      {measure.shareTerritories.length > 1 ? (
                        <NativeSelect
                          {...getSelectProps(rowFields.territoryId)}
                          key={rowFields.territoryId.key}
                          label={t("entry.territory")}
                          data={measure.shareTerritories.map((territory) => ({
                            value: String(territory.id),
                            label: territory.name,
                          }))}
                          size="sm"
                        />
                      ) : (
                        <input
                          type="hidden"
                          name={rowFields.territoryId.name}
                          value={measure.shareTerritories[0]?.id ?? measure.territoryId}
                        />
                      )}
                    </SimpleGrid>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                      <Textarea
                        {...getTextareaProps(rowFields.narrativeKk)}
                        key={rowFields.narrativeKk.key}
                        label={t("entry.narrativeKk")}
                        lang="kk"
                        autosize
                        minRows={1}
                        error={errorText(rowFields.narrativeKk.errors)}
                        size="sm"
                      />
                      <Textarea
                        {...getTextareaProps(rowFields.narrativeRu)}
                        key={rowFields.narrativeRu.key}
                        label={t("entry.narrativeRu")}
                        lang="ru"
                        autosize
                        minRows={1}
                        error={errorText(rowFields.narrativeRu.errors)}
                        size="sm"
                      />
                    </SimpleGrid>
                    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                      <Textarea
                        {...getTextareaProps(rowFields.behindReasonKk)}
                        key={rowFields.behindReasonKk.key}
                        label={t("entry.behindReasonKk")}
                        lang="kk"
                        autosize
                        minRows={1}
                        error={errorText(rowFields.behindReasonKk.errors)}
                        size="sm"
                      />
                      <Textarea
                        {...getTextareaProps(rowFields.behindReasonRu)}
                        key={rowFields.behindReasonRu.key}
                        label={t("entry.behindReasonRu")}
                        lang="ru"
                        autosize
                        minRows={1}
                        error={errorText(rowFields.behindReasonRu.errors)}
                        size="sm"
                      />
                      <Textarea
                        {...getTextareaProps(rowFields.evidenceLinks)}
                        key={rowFields.evidenceLinks.key}
                        label={t("entry.evidenceLinks")}
                        autosize
                        minRows={1}
                        error={errorText(rowFields.evidenceLinks.errors)}
                        size="sm"
                      />
                    </SimpleGrid>
                  </Stack>
                )}
              </Card>
            );
          })}
          {editable && (
            <>
              <FormErrors id={form.errorId} errors={form.errors ?? fields.rows.errors} />
              <Text size="xs" c="dimmed">
                {t("myMeasures.enterHint")}
              </Text>
              <Group>
                <Button
                  type="submit"
                  loading={navigation.state === "submitting" && navigation.formData?.get("intent") === "save-quarter"}
                >
                  {t("myMeasures.saveAll")}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Form>
    </Paper>
  );
}
