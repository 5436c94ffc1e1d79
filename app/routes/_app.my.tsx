import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { IconCircleCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors } from "~/components/field-error";
import { DepartmentDecisions } from "~/components/meetings/department-decisions";
import { AlreadySavedNotice } from "~/components/progress/already-saved";
import { DepartmentQuarterCard } from "~/components/progress/department-quarter-card";
import { MeasureListFilter } from "~/components/progress/measure-list-filter";
import { WaitingReports } from "~/components/progress/waiting-reports";
import { requirePrincipal } from "~/domain/auth/session.server";
import { editableDepartmentIds, forbidden } from "~/domain/auth/permissions.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import type { EntryQuestion } from "~/domain/progress/entry-checks";
import { quarterEntriesSchema, type EntryLimits } from "~/domain/progress/entry-schema";
import { listParamsOf } from "~/domain/progress/measure-list";
import { myFormKey, myFormScope, myPageSources, myQuarterPage, saveMyQuarter } from "~/domain/progress/my-page.server";
import { submitReport } from "~/domain/progress/reports.server";
import { waitingReports } from "~/domain/progress/waiting-reports.server";
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
import { formatDate } from "~/i18n/format";
import { pickText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { translator } from "~/i18n/i18n";
import { useLocale } from "~/i18n/use-locale";
import { idSchema } from "~/domain/ids";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

/** The quarter of the URL, or the current one. */
function chosenQuarter(request: Request, today: string): Quarter {
  return parseQuarterParam(new URL(request.url).searchParams.get("quarter")) ?? quarterOf(today);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const departmentIds = editableDepartmentIds(principal);
  if (departmentIds.length === 0) throw forbidden();
  const locale = await localeOf(request);
  const today = todayIn(env().APP_TIME_ZONE);
  const quarter = chosenQuarter(request, today);
  const db = await database();
  const search = new URL(request.url).searchParams;
  const listParams = listParamsOf(search);
  // What the view cache keyed this page by, when it read it for this reader (ADR 37): the page is
  // made from the same decisions and revisions.
  const keyed = context.myPage;
  const sources =
    keyed && keyed.userId === principal.id && keyed.departmentIds.join() === departmentIds.join()
      ? keyed
      : await myPageSources(db, principal.id, departmentIds);
  const { revisions } = sources;
  const [page, waiting] = await Promise.all([
    myQuarterPage(db, departmentIds, quarter, today, locale, listParams, search, revisions),
    waitingReports(db, departmentIds, today),
  ]);
  const decisions = departmentDecisionViews(principal, sources.decisions, locale, today, env().APP_TIME_ZONE);

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
    // The same for every view of the same state, so that the page can be kept (ADR 20).
    submissionKey: myFormKey(env().SESSION_SECRET, myFormScope(principal.id, departmentIds, quarter), revisions),
    decisions,
    waiting: waiting.map((report) => ({
      ...report,
      roadMapTitle: pickText(report.roadMapTitle, locale),
      departmentName: pickText(report.departmentName, locale),
    })),
    list: listParams,
    sections: page.sections,
    groups: page.groups,
  };
}

/** The page the form was posted from, with its quarter, filter and page, but without a previous save's notice. */
function pageAfterWrite(request: Request, quarter: Quarter): string {
  const search = new URL(request.url).searchParams;
  for (const notice of ["saved", "imported", "alreadySaved"]) search.delete(notice);
  search.set("quarter", formatQuarterParam(quarter));
  return `/my?${search.toString()}`;
}

const submitSchema = z.object({
  intent: z.literal("submit-report"),
  roadMapId: idSchema,
  departmentId: idSchema,
});

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requirePrincipal(request);
  const departmentIds = editableDepartmentIds(principal);
  if (departmentIds.length === 0) throw forbidden();
  const db = await database();
  const today = todayIn(env().APP_TIME_ZONE);
  const quarter = chosenQuarter(request, today);
  const formData = await request.formData();
  const back = pageAfterWrite(request, quarter);

  switch (formData.get("intent")) {
    case "save-quarter": {
      // Entries of the chosen quarter only: its dates bound the form's date fields.
      const limits: EntryLimits = {
        firstDate: quarterStart(quarter),
        lastDate: quarterEnd(quarter),
        today,
        bounds: "quarter",
      };
      const units = new Map(
        (
          await db
            .selectFrom("measure")
            .select(["id", "unit"])
            .where("responsible_department_id", "in", departmentIds)
            .execute()
        ).map((measure) => [measure.id, measure.unit]),
      );
      const submission = parseWithZod(formData, { schema: quarterEntriesSchema(limits, (id) => units.get(id)) });
      if (submission.status !== "success") return invalid(submission, { lists: ["rows"] });
      const count = submission.value.rows.filter((row) => row.value !== undefined).length;
      const form = { departmentIds, quarter, secret: env().SESSION_SECRET };
      return attemptWrite(submission, () => saveMyQuarter(db, principal, form, submission.value), {
        redirectTo: `${back}&saved=${count}`,
      });
    }
    case "submit-report": {
      const submission = parseWithZod(formData, { schema: submitSchema });
      if (submission.status !== "success") return invalid(submission);
      const { roadMapId, departmentId } = submission.value;
      return attemptWrite(submission, () => submitReport(db, principal, { roadMapId, departmentId, quarter }, today), {
        redirectTo: back,
        flash: { key: "reportSubmitted" },
      });
    }
    case "add-follow-up": {
      const submission = parseWithZod(formData, { schema: followUpSchema });
      if (submission.status !== "success") return invalid(submission);
      const { decisionId, noteKk, noteRu } = submission.value;
      return attemptWrite(
        submission,
        () => addFollowUp(db, principal, { decisionId, note: localized(noteKk, noteRu) }),
        { redirectTo: back, flash: { key: "followUpSaved" } },
      );
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function MyMeasuresPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply<EntryQuestion>>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const saved = Number(searchParams.get("saved") ?? 0);
  const imported = searchParams.get("imported")?.split(".").map(Number);
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

      <WaitingReports reports={data.waiting} />
      {saved > 0 && (
        <Alert color="teal" icon={<IconCircleCheck />} role="status">
          {t("myMeasures.savedCount", { count: saved })}
        </Alert>
      )}
      {imported && imported.length === 2 && (
        <Alert color="teal" icon={<IconCircleCheck />} role="status" data-testid="sheet-saved">
          {t("quarterSheet.savedSummary", { added: imported[0], changed: imported[1] })}
        </Alert>
      )}
      <AlreadySavedNotice show={(reply?.saved && reply.alreadySaved) || searchParams.has("alreadySaved")} />
      {submitRefused && <FormErrors errors={reply.result.error?.[""] ?? undefined} />}
      <DepartmentDecisions decisions={data.decisions} />
      {data.groups.length === 0 ? (
        <Text>{t("myMeasures.none")}</Text>
      ) : (
        <MeasureListFilter list={data.list} sections={data.sections} quarterParam={data.quarterParam} />
      )}
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
