import { Anchor, Stack, Text, Title } from "@mantine/core";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportNotice } from "~/components/import/import-notice";
import { ImportPreviewForm } from "~/components/import/import-preview-form";
import { UploadForm } from "~/components/import/upload-form";
import { Localized } from "~/components/localized";
import { idParam, requireAdminRequest } from "~/domain/admin/guard.server";
import { encodeMessage } from "~/domain/editing/messages";
import {
  AlreadySaved,
  newSubmissionKey,
  SUBMISSION_KEY_FIELD,
  submissionKeySchema,
} from "~/domain/editing/submission.server";
import { RefusedWrite, StaleEdit } from "~/domain/editing/write-errors";
import { parseImportForm } from "~/domain/import/import-form";
import { previewView } from "~/domain/import/import-view.server";
import { readRoadMapWorkbook } from "~/domain/import/read-road-map";
import { applyRoadMapImport, previewRoadMapImport } from "~/domain/import/road-map-import.server";
import { dropUpload, keepUpload, keptUpload, readUploadForm } from "~/domain/import/uploads.server";
import { todayIn } from "~/domain/periods/quarter";
import { env } from "~/env.server";
import { pickText } from "~/i18n/locales";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.roadMap.title?.text ?? ""} · Excel · Oryndau` },
];

async function roadMapHeading(db: Awaited<ReturnType<typeof requireAdminRequest>>["db"], roadMapId: number) {
  const roadMap = await db
    .selectFrom("road_map as rm")
    .innerJoin("programme as p", "p.id", "rm.programme_id")
    .select(["rm.id", "rm.title", "p.start_year", "p.end_year"])
    .where("rm.id", "=", roadMapId)
    .executeTakeFirst();
  if (!roadMap) throw new Response("Not found", { status: 404 });
  const measures = await db.selectFrom("measure").select("id").where("road_map_id", "=", roadMapId).limit(1).execute();
  return { ...roadMap, empty: measures.length === 0 };
}

/** The kept file read again with the admin's corrections, and what saving it would do. */
async function previewOf(request: Request, fields: Iterable<[string, FormDataEntryValue]>, roadMapId: number) {
  const { db, principal, locale } = await requireAdminRequest(request);
  const form = parseImportForm(fields);
  if (!form) return null;
  const roadMap = await roadMapHeading(db, roadMapId);
  const file = await keptUpload(db, principal, "road_map_import", form.uploadId);
  const read = await readRoadMapWorkbook(file.bytes, file.name, {
    overrides: form.overrides,
    years: { start: roadMap.start_year, end: roadMap.end_year },
    messageLocale: locale,
  });
  const choices = { departments: form.departments, factsDate: form.factsDate ?? todayIn(env().APP_TIME_ZONE) };
  const preview = await previewRoadMapImport(db, principal, roadMapId, read, choices);
  return { db, principal, locale, form, file, read, choices, preview };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  const roadMapId = idParam(params, "roadMapId");
  const roadMap = await roadMapHeading(db, roadMapId);
  const search = new URL(request.url).searchParams;
  let preview = null;
  let expired = false;
  try {
    const found = await previewOf(request, search.entries(), roadMapId);
    if (found)
      preview = {
        uploadId: found.form.uploadId,
        fileName: found.file.name,
        ...previewView(found.preview, found.read, locale),
      };
  } catch (error) {
    if (!(error instanceof RefusedWrite)) throw error;
    expired = true;
  }
  const savedBatch = Number(search.get("saved"));
  const batch = savedBatch
    ? await db
        .selectFrom("import_batch")
        .select(["summary"])
        .where("id", "=", savedBatch)
        .where("road_map_id", "=", roadMapId)
        .executeTakeFirst()
    : undefined;
  return {
    roadMap: { id: roadMap.id, title: pickText(roadMap.title, locale), empty: roadMap.empty },
    preview,
    expired,
    notice: batch
      ? { kind: search.get("again") ? ("again" as const) : ("saved" as const), summary: batch.summary }
      : search.get("nothing")
        ? { kind: "nothing" as const, summary: null }
        : search.get("again")
          ? { kind: "again" as const, summary: null }
          : null,
    submissionKey: newSubmissionKey(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, principal } = await requireAdminRequest(request);
  const roadMapId = idParam(params, "roadMapId");
  const here = `/admin/roadmaps/${roadMapId}/import`;
  try {
    if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
      await roadMapHeading(db, roadMapId);
      const { file } = await readUploadForm(request);
      if (!file) throw new RefusedWrite("upload.missing", {}, "file");
      const uploadId = await keepUpload(db, principal, "road_map_import", file);
      return redirect(`${here}?upload=${uploadId}`);
    }
    const formData = await request.formData();
    const found = await previewOf(request, formData.entries(), roadMapId);
    if (!found) throw new RefusedWrite("upload.expired");
    const key = submissionKeySchema.safeParse(formData.get(SUBMISSION_KEY_FIELD));
    const outcome = await applyRoadMapImport(
      db,
      principal,
      roadMapId,
      found.file,
      found.read,
      found.choices,
      {
        revision: Number(formData.get("revision")),
        submissionKey: key.success ? key.data : undefined,
      },
      todayIn(env().APP_TIME_ZONE),
    );
    await dropUpload(db, found.form.uploadId);
    return redirect(outcome.batchId ? `${here}?saved=${outcome.batchId}` : `${here}?nothing=1`);
  } catch (error) {
    if (error instanceof AlreadySaved) {
      const batchId = Number(error.outcome.batchId);
      return redirect(batchId ? `${here}?saved=${batchId}&again=1` : `${here}?again=1`);
    }
    if (error instanceof StaleEdit) return data({ error: encodeMessage("roadMapImport.stale") }, { status: 409 });
    if (error instanceof RefusedWrite)
      return data({ error: encodeMessage(error.messageKey, error.values) }, { status: 422 });
    throw error;
  }
}

export default function RoadMapImportPage() {
  const { roadMap, preview, expired, notice, submissionKey } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/admin/roadmaps/${roadMap.id}`} size="sm">
          {t("roadMapImport.back")}
        </Anchor>
        <Title order={2} size="h3" mt={4}>
          {t("roadMapImport.title")}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          <Localized value={roadMap.title} />
        </Text>
      </div>
      {notice && <ImportNotice notice={notice} roadMapId={roadMap.id} />}
      <UploadForm
        intro={roadMap.empty ? t("roadMapImport.emptyRoadMap") : null}
        error={expired ? encodeMessage("upload.expired") : !preview ? (reply?.error ?? null) : null}
        compact={preview !== null}
      />
      {preview && (
        <ImportPreviewForm
          key={`${preview.uploadId}-${preview.revision}`}
          preview={preview}
          submissionKey={submissionKey}
          error={reply?.error ?? null}
        />
      )}
    </Stack>
  );
}
