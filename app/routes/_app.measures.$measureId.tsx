import { parseWithZod } from "@conform-to/zod/v4";
import { Paper, Stack, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { HistoryList } from "~/components/history-list";
import { MeasureEntries } from "~/components/measures/measure-entries";
import { MeasureFacts } from "~/components/measures/measure-facts";
import { MeasureQuarters } from "~/components/measures/measure-quarters";
import { PageLinks } from "~/components/progress/page-links";
import { ShareFigures } from "~/components/shares/share-figures";
import { requirePrincipal } from "~/domain/auth/session.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { checkUploads, evidenceLimits, readEvidenceForm } from "~/domain/evidence/evidence.server";
import { evidenceStore } from "~/domain/evidence/file-store.server";
import type { EntryQuestion } from "~/domain/progress/entry-checks";
import { deleteEntrySchema, entrySchema } from "~/domain/progress/entry-schema";
import { deleteEntry, entryLimits, requireWritableMeasure, saveEntry } from "~/domain/progress/entries.server";
import { measurePage } from "~/domain/progress/measure-page.server";
import { formatQuarterParam, quarterOf, todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";
import { idSchema } from "~/domain/ids";

const params = z.object({ measureId: idSchema });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.measure.number}. ${data.measure.title?.text ?? ""}` : ""} · Oryndau` },
];

export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const search = new URL(request.url).searchParams;
  return measurePage(await database(), principal, parsed.data.measureId, search, await localeOf(request));
}

export async function action({ request, params: rawParams }: ActionFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const db = await database();
  const today = todayIn(env().APP_TIME_ZONE);
  const measure = await requireWritableMeasure(db, principal, parsed.data.measureId);
  // The entry form carries files (multipart); the delete button is a plain form.
  const limits = evidenceLimits();
  const multipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  const {
    form: formData,
    uploads,
    tooLarge,
  } = multipart
    ? await readEvidenceForm(request, limits)
    : { form: await request.formData(), uploads: [], tooLarge: null };

  switch (formData.get("intent")) {
    case "save-entry": {
      const submission = parseWithZod(formData, { schema: entrySchema(entryLimits(measure, today), measure.unit) });
      if (submission.status !== "success") return invalid(submission);
      if (submission.value.measureId !== measure.id) throw new Response("Forbidden", { status: 403 });
      return attemptWrite(
        submission,
        async () =>
          saveEntry(db, principal, submission.value, {
            store: evidenceStore(),
            uploads: await checkUploads(uploads, tooLarge, limits),
            limits,
          }),
        { redirectTo: `/measures/${measure.id}` },
      );
    }
    case "delete-entry": {
      const submission = parseWithZod(formData, { schema: deleteEntrySchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(
        submission,
        () => deleteEntry(db, principal, submission.value.entryId, submission.value.version, evidenceStore()),
        { redirectTo: `/measures/${measure.id}` },
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
  const todayKey = formatQuarterParam(quarterOf(data.today));
  const shownQuarter = data.quarters.find((q) => formatQuarterParam(q.quarter) === todayKey) ?? data.quarters.at(-1);

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <MeasureFacts data={data} status={shownQuarter?.status} />
      {data.shares && <ShareFigures {...data.shares} />}
      <MeasureQuarters data={data} />
      <MeasureEntries data={data} reply={reply} />
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
