import { Alert, Anchor, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { useErrorText } from "~/components/field-error";
import { SheetPreviewView, type ShownSheetPreview } from "~/components/progress/sheet-preview";
import { editableDepartmentIds, forbidden } from "~/domain/auth/permissions.server";
import { requirePrincipal } from "~/domain/auth/session.server";
import { encodeMessage } from "~/domain/editing/messages";
import { AlreadySaved, newSubmissionKey, submissionKeySchema } from "~/domain/editing/submission.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { keepUpload, readUploadForm } from "~/domain/import/uploads.server";
import {
  previewQuarterSheet,
  problemCount,
  RefusedSheet,
  UnconfirmedSheet,
  warningCount,
  saveQuarterSheet,
  sheetScopeOf,
  type SheetPreview,
  type SheetScope,
} from "~/domain/progress/quarter-sheet.server";
import { formatQuarterParam, todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { translator } from "~/i18n/i18n";
import { pickText, type Locale } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { idSchema } from "~/domain/ids";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `${page?.pageTitle ?? ""} · Oryndau` }];

const backTo = (scope: SheetScope) => `/my?quarter=${formatQuarterParam(scope.quarter)}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  if (editableDepartmentIds(principal).length === 0) throw forbidden();
  const scope = sheetScopeOf(new URL(request.url));
  return { pageTitle: translator(await localeOf(request))("quarterSheet.previewTitle"), back: backTo(scope) };
}

const saveSchema = z.object({
  uploadId: idSchema,
  submissionKey: submissionKeySchema,
  // The preview's «the flagged figures are right» box; absent when nothing was flagged.
  confirmFigures: z.literal("yes").optional(),
});

type UploadReply =
  | { error: string; preview?: undefined }
  | {
      error?: undefined;
      preview: ShownSheetPreview;
      uploadId: number | null;
      submissionKey: string;
      /** The save was posted without confirming the flagged figures. */
      unconfirmed?: boolean;
    };

function shown(preview: SheetPreview, locale: Locale): ShownSheetPreview {
  return {
    ...preview,
    departmentName: pickText(preview.departmentName, locale),
    roadMapTitle: pickText(preview.roadMapTitle, locale),
    rows: preview.rows.map((row) => ({
      ...row,
      title: pickText(row.title, locale),
      territory: pickText(row.territory, locale)?.text ?? "",
    })),
    problemCount: problemCount(preview),
    warningCount: warningCount(preview),
  };
}

/**
 * A filled sheet: uploaded, it is kept and previewed by the form's rules; posted back from its
 * preview, it is saved all or nothing, once.
 */
export async function action({ request }: ActionFunctionArgs) {
  const principal = await requirePrincipal(request);
  if (editableDepartmentIds(principal).length === 0) throw forbidden();
  const scope = sheetScopeOf(new URL(request.url));
  const locale = await localeOf(request);
  const db = await database();
  const today = todayIn(env().APP_TIME_ZONE);
  const refused = (error: RefusedWrite) =>
    data<UploadReply>({ error: encodeMessage(error.messageKey, error.values) }, { status: 422 });

  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    try {
      const { file } = await readUploadForm(request);
      if (!file) throw new RefusedWrite("upload.missing", {}, "file");
      const preview = await previewQuarterSheet(db, principal, file, scope, today);
      const uploadId = problemCount(preview) === 0 ? await keepUpload(db, principal, "quarter_sheet", file) : null;
      return data<UploadReply>({ preview: shown(preview, locale), uploadId, submissionKey: newSubmissionKey() });
    } catch (error) {
      if (error instanceof RefusedWrite) return refused(error);
      throw error;
    }
  }

  const parsed = saveSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  try {
    const { uploadId, submissionKey, confirmFigures } = parsed.data;
    const saved = await saveQuarterSheet(db, principal, uploadId, scope, submissionKey, today, Boolean(confirmFigures));
    return redirect(`${backTo(scope)}&imported=${saved.counts.add}.${saved.counts.change}`);
  } catch (error) {
    if (error instanceof AlreadySaved) return redirect(`${backTo(scope)}&alreadySaved=1`);
    if (error instanceof RefusedSheet) {
      return data<UploadReply>(
        { preview: shown(error.preview, locale), uploadId: null, submissionKey: newSubmissionKey() },
        { status: 422 },
      );
    }
    if (error instanceof UnconfirmedSheet) {
      return data<UploadReply>(
        {
          preview: shown(error.preview, locale),
          uploadId: parsed.data.uploadId,
          submissionKey: newSubmissionKey(),
          unconfirmed: true,
        },
        { status: 422 },
      );
    }
    if (error instanceof RefusedWrite) return refused(error);
    throw error;
  }
}

export default function QuarterSheetUpload() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<UploadReply>();
  const { t } = useTranslation();
  const errorText = useErrorText();

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <div>
        <Anchor component={Link} to={page.back} size="sm">
          ← {t("quarterSheet.back")}
        </Anchor>
        <Title order={1} mt="xs">
          {t("quarterSheet.previewTitle")}
        </Title>
      </div>
      {reply?.error && (
        <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="sheet-error">
          {errorText([reply.error])}
        </Alert>
      )}
      {reply?.preview && (
        <SheetPreviewView
          preview={reply.preview}
          uploadId={reply.uploadId}
          submissionKey={reply.submissionKey}
          unconfirmed={Boolean(reply.unconfirmed)}
          back={page.back}
        />
      )}
      {!reply && <Text>{t("quarterSheet.sheetHint")}</Text>}
    </Stack>
  );
}
