import { parseWithZod } from "@conform-to/zod/v4";
import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { PlanFactChart } from "~/components/charts/plan-fact-chart";
import { ConflictAlert } from "~/components/conflict-alert";
import { EntryForm } from "~/components/entry-form";
import { ExportMenu, measureExports } from "~/components/export/export-menu";
import { FormErrors } from "~/components/field-error";
import { AlreadySavedNotice } from "~/components/progress/already-saved";
import { HistoryList } from "~/components/history-list";
import { PageLinks } from "~/components/progress/page-links";
import { Localized } from "~/components/localized";
import { ShareFigures } from "~/components/shares/share-figures";
import { StatusLabel } from "~/components/status";
import { measureHistory } from "~/domain/audit/history.server";
import { requirePrincipal } from "~/domain/auth/session.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { newSubmissionKey } from "~/domain/editing/submission.server";
import type { EntryQuestion } from "~/domain/progress/entry-checks";
import { deleteEntrySchema, entrySchema } from "~/domain/progress/entry-schema";
import { deleteEntry, entryLimits, requireWritableMeasure, saveEntry } from "~/domain/progress/entries.server";
import { measureDetail } from "~/domain/progress/measure.server";
import { PAGE_SIZE, pageFromParam, pageOfIndex } from "~/domain/progress/paging";
import { territoryShareLine } from "~/domain/shares/share-of-base";
import { shareFigures, shareKey } from "~/domain/shares/shares.server";
import { formatQuarterParam, quarterOf, todayIn } from "~/domain/periods/quarter";
import { subtreeTerritoryIds } from "~/domain/roadmap/roadmap.server";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatDate, formatNumber, formatPercent } from "~/i18n/format";
import { pickText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { idSchema } from "~/domain/ids";

const params = z.object({ measureId: idSchema });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.measure.number}. ${data.measure.title?.text ?? ""}` : ""} · Oryndau` },
];

export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const locale = await localeOf(request);
  const db = await database();
  const today = todayIn(env().APP_TIME_ZONE);
  const detail = await measureDetail(db, principal, parsed.data.measureId, today);
  const slice = detail.roadMap.view.territoryIds
    ? new Set(await subtreeTerritoryIds(db, detail.roadMap.view.territoryIds))
    : null;
  const search = new URL(request.url).searchParams;
  const editId = Number(search.get("edit"));
  // Entries and history a page at a time, newest first; an entry being edited opens on its own page.
  const editIndex = detail.entries.findIndex((entry) => entry.id === editId);
  const entryPaging = pageFromParam(
    search.get("entriesPage") ?? (editIndex >= 0 ? String(pageOfIndex(editIndex)) : null),
    detail.entries.length,
  );
  const historyPage = pageFromParam(search.get("historyPage"), Number.MAX_SAFE_INTEGER).page;
  const history = await measureHistory(db, parsed.data.measureId, {
    territoryIds: slice,
    limit: PAGE_SIZE,
    offset: (historyPage - 1) * PAGE_SIZE,
  });
  const { measure } = detail;
  const shares = (
    await shareFigures(db, {
      measureIds: [measure.id],
      asOf: { date: today, includeCurrentQuarter: false, facts: "all" },
      territoryIds: slice,
    })
  ).get(shareKey(measure.id, null));
  const territoryName = (id: number) => detail.entryTerritories.find((t) => t.id === id)?.name ?? null;

  return {
    today,
    submissionKey: newSubmissionKey(),
    timeZone: env().APP_TIME_ZONE,
    thresholds: detail.roadMap.thresholds,
    measure: {
      id: measure.id,
      number: measure.number,
      title: pickText(measure.title, locale),
      completionForm: pickText(measure.completion_form, locale),
      unit: measure.unit,
      department: pickText(measure.department_name, locale),
      departmentHead: pickText(measure.department_head, locale),
      coExecutors: measure.coExecutors.map((d) => pickText(d.name, locale)),
      territory: pickText(measure.territory_name, locale),
      territoryId: measure.territory_id,
      deadline: measure.deadline,
      deadlineChanges: measure.deadlineChanges.map((c) => ({
        from: c.previous_deadline,
        to: c.new_deadline,
        reason: pickText(c.reason, locale),
      })),
      fundingSource: pickText(measure.funding_source, locale),
      plannedFunding: measure.planned_funding,
      weight: measure.weight,
      removedOn: measure.removed_on,
      removedReason: pickText(measure.removed_reason, locale),
    },
    roadMap: { id: detail.roadMap.id, title: pickText(detail.roadMap.title, locale) },
    section: { number: measure.section_number, title: pickText(measure.section_title, locale) },
    quarters: detail.quarters,
    entries: detail.entries.slice(entryPaging.offset, entryPaging.offset + entryPaging.size).map((entry) => ({
      ...entry,
      territoryName: pickText(entry.territoryName, locale),
      narrativeShown: pickText(entry.narrative, locale),
      behindReasonShown: pickText(entry.behindReason, locale),
    })),
    editEntryId: detail.canWrite && detail.entries.some((e) => e.id === editId && !e.locked) ? editId : null,
    territories: detail.entryTerritories.map((t) => ({ id: t.id, name: pickText(t.name, locale)?.text ?? "" })),
    canWrite: detail.canWrite && measure.removed_on === null,
    limits: entryLimits({ startYear: detail.programmeYears.start, endYear: detail.programmeYears.end }, today),
    history,
    entryPages: { page: entryPaging.page, pages: entryPaging.pages, total: detail.entries.length },
    historyPages: { page: historyPage, more: history.more },
    shares: shares && {
      baseLabel: pickText(shares.baseLabel, locale),
      total: { target: shares.target, plan: shares.plan, fact: shares.fact },
      territories: shares.territories.map((territory) => ({
        key: territory.territoryId,
        name: pickText(territoryName(territory.territoryId), locale),
        ...territoryShareLine(territory),
      })),
    },
  };
}

export async function action({ request, params: rawParams }: ActionFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const db = await database();
  const today = todayIn(env().APP_TIME_ZONE);
  const measure = await requireWritableMeasure(db, principal, parsed.data.measureId);
  const formData = await request.formData();

  switch (formData.get("intent")) {
    case "save-entry": {
      const submission = parseWithZod(formData, { schema: entrySchema(entryLimits(measure, today), measure.unit) });
      if (submission.status !== "success") return invalid(submission);
      if (submission.value.measureId !== measure.id) throw new Response("Forbidden", { status: 403 });
      return attemptWrite(submission, () => saveEntry(db, principal, submission.value), {
        redirectTo: `/measures/${measure.id}`,
      });
    }
    case "delete-entry": {
      const submission = parseWithZod(formData, { schema: deleteEntrySchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(
        submission,
        () => deleteEntry(db, principal, submission.value.entryId, submission.value.version),
        {
          redirectTo: `/measures/${measure.id}`,
        },
      );
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function MeasurePage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply<EntryQuestion>>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { measure } = data;
  const number = (value: number) => formatNumber(locale, value, 3);
  const todayKey = formatQuarterParam(quarterOf(data.today));
  const shownQuarter = data.quarters.find((q) => formatQuarterParam(q.quarter) === todayKey) ?? data.quarters.at(-1);
  const editing = data.entries.find((entry) => entry.id === data.editEntryId);
  // A refused delete is told above the list; any other refusal stays on the form it came from.
  const deleteRefused = reply && !reply.saved && reply.result.initialValue?.intent === "delete-entry";
  const formResult = reply && !reply.saved && !deleteRefused ? reply.result : undefined;
  const questions = reply && !reply.saved ? reply.questions : undefined;

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <div>
        <Breadcrumbs separator="›" mb="xs" className="wrapping-trail">
          <Anchor component={Link} to={`/roadmaps/${data.roadMap.id}`} size="sm">
            <Localized value={data.roadMap.title} />
          </Anchor>
          <Text size="sm">
            {data.section.number ? `${data.section.number}. ` : ""}
            <Localized value={data.section.title} />
          </Text>
        </Breadcrumbs>
        <Title order={1} size="h2">
          {measure.number}. <Localized value={measure.title} />
        </Title>
        <Group gap="sm" mt="xs">
          {shownQuarter?.status && <StatusLabel status={shownQuarter.status} />}
          <ExportMenu items={measureExports(measure.id)} />
          {measure.removedOn && (
            <Badge color="gray" variant="light" style={{ textTransform: "none" }}>
              {t("measurePage.removed", {
                date: formatDate(locale, measure.removedOn),
                reason: measure.removedReason?.text ?? "",
              })}
            </Badge>
          )}
        </Group>
      </div>

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" verticalSpacing="sm">
          <Fact label={t("measurePage.responsible")}>
            <Localized value={measure.department} />
            {measure.departmentHead && (
              <Text size="xs" c="dimmed">
                <Localized value={measure.departmentHead} />
              </Text>
            )}
          </Fact>
          {measure.coExecutors.length > 0 && (
            <Fact label={t("measurePage.coExecutors")}>
              {measure.coExecutors.map((name, index) => (
                <div key={index}>
                  <Localized value={name} />
                </div>
              ))}
            </Fact>
          )}
          <Fact label={t("measurePage.territory")}>
            <Localized value={measure.territory} />
          </Fact>
          <Fact label={t("measurePage.deadline")}>
            {formatDate(locale, measure.deadline)}
            {measure.deadlineChanges.map((change, index) => (
              <Text key={index} size="xs" c="dimmed">
                {t("measurePage.deadlineChanged", {
                  from: formatDate(locale, change.from),
                  to: formatDate(locale, change.to),
                  reason: change.reason?.text ?? "",
                })}
              </Text>
            ))}
          </Fact>
          <Fact label={t("measurePage.unit")}>{t(`units.${measure.unit}`)}</Fact>
          {measure.completionForm && (
            <Fact label={t("measurePage.completionForm")}>
              <Localized value={measure.completionForm} />
            </Fact>
          )}
          {(measure.fundingSource || measure.plannedFunding !== null) && (
            <Fact label={t("measurePage.funding")}>
              <Localized value={measure.fundingSource} />
              {measure.plannedFunding !== null && ` — ${number(measure.plannedFunding)} ₸`}
            </Fact>
          )}
          <Fact label={t("measurePage.weight")}>{number(measure.weight)}</Fact>
        </SimpleGrid>
      </Paper>

      {data.shares && <ShareFigures {...data.shares} />}

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("measurePage.byQuarter")}
        </Title>
        <PlanFactChart
          id="measure-plan-fact"
          title={t("measurePage.chartTitle")}
          amber={data.thresholds.amber}
          labels={{
            plan: t("measurePage.chartPlan"),
            fact: t("measurePage.chartFact"),
            cumulative: t("measurePage.chartCumulative"),
          }}
          points={data.quarters.map((q) => ({
            label: `${q.quarter.year} ${["I", "II", "III", "IV"][q.quarter.quarter - 1]}`,
            plan: q.plan,
            fact: q.fact,
            cumulative: q.execution === null ? null : q.execution * 100,
          }))}
        />
        <Table.ScrollContainer minWidth={640} mt="md">
          <Table striped verticalSpacing="xs" data-testid="quarter-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("measurePage.quarter")}</Table.Th>
                <Table.Th ta="right">{t("measurePage.plan")}</Table.Th>
                <Table.Th ta="right">{t("measurePage.fact")}</Table.Th>
                <Table.Th ta="right">{t("measurePage.cumulative")}</Table.Th>
                <Table.Th ta="right">{t("measurePage.people")}</Table.Th>
                <Table.Th>{t("myMeasures.status")}</Table.Th>
                <Table.Th>{t("measurePage.report")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.quarters.map((q) => (
                <Table.Tr key={formatQuarterParam(q.quarter)}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Group gap={4} wrap="nowrap">
                      {t("myMeasures.quarterLabel", { year: q.quarter.year, quarter: q.quarter.quarter })}
                      {q.closed && <IconLock size={14} aria-label={t("measurePage.closedQuarter")} />}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {number(q.plan)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {number(q.fact)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {formatPercent(locale, q.execution)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {q.peopleReached ? number(q.peopleReached) : "—"}
                  </Table.Td>
                  <Table.Td>{q.status ? <StatusLabel status={q.status} /> : "—"}</Table.Td>
                  <Table.Td>{q.report ? t(`report.${q.report}`) : "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="md" id="entries">
        <Title order={2} size="h4" mb="sm">
          {t("measurePage.entries")}
        </Title>
        <AlreadySavedNotice show={reply?.saved && reply.alreadySaved} />
        {reply?.conflict && <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />}
        {deleteRefused && <FormErrors errors={reply.result.error?.[""] ?? undefined} />}
        {data.canWrite && !editing && (
          <Card withBorder bg="gray.0" mb="md">
            <Text fw={600} mb="xs">
              {t("entry.add")}
            </Text>
            <EntryForm
              key={data.submissionKey}
              id="new-entry"
              measureId={measure.id}
              unit={measure.unit}
              shareOfBase={Boolean(data.shares)}
              submissionKey={data.submissionKey}
              limits={data.limits}
              territories={data.territories}
              defaults={{ territoryId: data.territories[0]?.id ?? measure.territoryId, entryDate: data.today }}
              lastResult={formResult}
              questions={questions}
            />
          </Card>
        )}
        <Stack gap="sm">
          {data.entries.length === 0 && <Text c="dimmed">{t("entry.noEntries")}</Text>}
          {data.entries.map((entry) =>
            editing?.id === entry.id ? (
              <Card key={entry.id} withBorder id={`entry-${entry.id}`} bg="gray.0">
                <EntryForm
                  id={`entry-${entry.id}-form`}
                  measureId={measure.id}
                  unit={measure.unit}
                  shareOfBase={Boolean(data.shares)}
                  submissionKey={data.submissionKey}
                  limits={data.limits}
                  territories={data.territories}
                  defaults={{
                    entryId: entry.id,
                    version: entry.version,
                    territoryId: entry.territoryId,
                    entryDate: entry.entryDate,
                    value: entry.value,
                    peopleReached: entry.peopleReached,
                    base: entry.base,
                    narrativeKk: entry.narrative?.kk,
                    narrativeRu: entry.narrative?.ru,
                    evidenceLinks: entry.evidenceLinks,
                    behindReasonKk: entry.behindReason?.kk,
                    behindReasonRu: entry.behindReason?.ru,
                  }}
                  lastResult={formResult}
                  questions={questions}
                  onCancelHref={`/measures/${measure.id}`}
                />
              </Card>
            ) : (
              <Card key={entry.id} withBorder id={`entry-${entry.id}`} data-testid="entry">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <div>
                    <Group gap="xs">
                      <Text fw={700}>{formatDate(locale, entry.entryDate)}</Text>
                      <Text>
                        — {number(entry.value)} {t(`units.${measure.unit}`)}
                      </Text>
                      {entry.peopleReached !== null && (
                        <Badge variant="light" style={{ textTransform: "none" }}>
                          {t("overview.peopleCount", { people: number(entry.peopleReached) })}
                        </Badge>
                      )}
                      {data.territories.length > 1 && (
                        <Text size="sm" c="dimmed">
                          <Localized value={entry.territoryName} />
                        </Text>
                      )}
                    </Group>
                    {entry.narrativeShown && (
                      <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                        <Localized value={entry.narrativeShown} />
                      </Text>
                    )}
                    {entry.behindReasonShown && (
                      <Text size="sm" mt={4} c="orange.9">
                        {t("entry.reason")}: <Localized value={entry.behindReasonShown} />
                      </Text>
                    )}
                    {entry.evidenceLinks.length > 0 && (
                      <Group gap="xs" mt={4}>
                        <Text size="sm" c="dimmed">
                          {t("entry.evidence")}:
                        </Text>
                        {entry.evidenceLinks.map((link) => (
                          <Anchor
                            key={link}
                            href={link}
                            target="_blank"
                            rel="noopener noreferrer nofollow"
                            size="sm"
                            style={{ wordBreak: "break-all" }}
                          >
                            {link}
                          </Anchor>
                        ))}
                      </Group>
                    )}
                    <Text size="xs" c="dimmed" mt={4}>
                      {t("entry.author", { name: entry.author })}
                    </Text>
                  </div>
                  {data.canWrite && !entry.locked && (
                    <Group gap="xs" wrap="nowrap">
                      <Button component={Link} to={`?edit=${entry.id}#entry-${entry.id}`} variant="light" size="xs">
                        {t("entry.edit")}
                      </Button>
                      <Form
                        method="post"
                        onSubmit={(event) => {
                          if (!window.confirm(t("entry.deleteConfirm"))) event.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value="delete-entry" />
                        <input type="hidden" name="entryId" value={entry.id} />
                        <input type="hidden" name="version" value={entry.version} />
                        <Button type="submit" variant="subtle" color="red" size="xs">
                          {t("entry.delete")}
                        </Button>
                      </Form>
                    </Group>
                  )}
                  {entry.locked && <IconLock size={16} aria-label={t("measurePage.closedQuarter")} />}
                </Group>
              </Card>
            ),
          )}
        </Stack>
        <PageLinks
          param="entriesPage"
          anchor="entries"
          page={data.entryPages.page}
          more={data.entryPages.page < data.entryPages.pages}
          summary={t("paging.entriesShown", {
            page: data.entryPages.page,
            pages: data.entryPages.pages,
            total: data.entryPages.total,
          })}
        />
      </Paper>

      <Paper withBorder p="md" id="history">
        <Title order={2} size="h4" mb="sm">
          {t("measurePage.history")}
        </Title>
        <HistoryList events={data.history.events} names={data.history.names} timeZone={data.timeZone} />
        <PageLinks param="historyPage" page={data.historyPages.page} more={data.historyPages.more} anchor="history" />
      </Paper>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
