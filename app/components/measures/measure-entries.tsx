import { Card, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ConflictAlert } from "~/components/conflict-alert";
import { EntryForm } from "~/components/entry-form";
import { FormErrors } from "~/components/field-error";
import { AlreadySavedNotice } from "~/components/progress/already-saved";
import { PageLinks } from "~/components/progress/page-links";
import type { WriteReply } from "~/domain/editing/action.server";
import type { EntryQuestion } from "~/domain/progress/entry-checks";
import type { MeasurePageData } from "~/domain/progress/measure-page.server";
import { EntryCard } from "./entry-card";

/** The measure's progress entries: the form to add one, each entry (or the form changing it), paging. */
export function MeasureEntries({
  data,
  reply,
}: {
  data: MeasurePageData;
  reply: WriteReply<EntryQuestion> | undefined;
}) {
  const { t } = useTranslation();
  const { measure } = data;
  const editing = data.entries.find((entry) => entry.id === data.editEntryId);
  // A refused delete is told above the list; any other refusal stays on the form it came from.
  const deleteRefused = reply && !reply.saved && reply.result.initialValue?.intent === "delete-entry";
  const formResult = reply && !reply.saved && !deleteRefused ? reply.result : undefined;
  const questions = reply && !reply.saved ? reply.questions : undefined;
  const heldFiles = reply && !reply.saved ? reply.heldFiles : undefined;
  return (
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
            fileLimits={data.fileLimits}
            lastResult={formResult}
            questions={questions}
            heldFiles={heldFiles}
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
                  evidenceFiles: entry.evidenceFiles,
                  behindReasonKk: entry.behindReason?.kk,
                  behindReasonRu: entry.behindReason?.ru,
                }}
                fileLimits={data.fileLimits}
                lastResult={formResult}
                questions={questions}
                heldFiles={heldFiles}
                onCancelHref={`/measures/${measure.id}`}
              />
            </Card>
          ) : (
            <EntryCard key={entry.id} entry={entry} data={data} />
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
  );
}
