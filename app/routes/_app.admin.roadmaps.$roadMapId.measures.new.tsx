import { parseWithZod } from "@conform-to/zod/v4";
import { Anchor, Paper, Stack, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeasureForm } from "~/components/admin/measure-form";
import { Localized } from "~/components/localized";
import { measureSchema } from "~/domain/admin/admin-schema";
import { idParam, requireAdminRequest } from "~/domain/admin/guard.server";
import { measureFormView } from "~/domain/admin/measure-view.server";
import { saveMeasure } from "~/domain/admin/measures.server";
import { todayIn } from "~/domain/periods/quarter";
import { env } from "~/env.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { translator } from "~/i18n/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  const view = await measureFormView(db, idParam(params, "roadMapId"), locale);
  const section = Number(new URL(request.url).searchParams.get("section"));
  return {
    ...view,
    pageTitle: translator(locale)("admin.measure.new"),
    sectionId: view.options.sections.some((s) => s.value === String(section)) ? section : undefined,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { principal, db } = await requireAdminRequest(request);
  const roadMapId = idParam(params, "roadMapId");
  const submission = parseWithZod(await request.formData(), { schema: measureSchema });
  if (submission.status !== "success") return invalid(submission);
  if (submission.value.measureId) throw new Response("Bad request", { status: 400 });
  return attemptWrite(
    submission,
    () => saveMeasure(db, principal, roadMapId, submission.value, todayIn(env().APP_TIME_ZONE)),
    {
      flash: { key: "adminSaved" },
      redirectTo: (id) => `/admin/measures/${id}?created=1#plans`,
    },
  );
}

export default function NewMeasurePage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/admin/roadmaps/${data.roadMap.id}`} size="sm">
          ← <Localized value={data.roadMap.title} />
        </Anchor>
        <Title order={2} size="h3" mt={4}>
          {t("admin.measure.new")}
        </Title>
      </div>
      <Paper withBorder p="md">
        <MeasureForm
          defaults={{ sectionId: data.sectionId, territoryId: data.roadMap.territoryId }}
          options={data.options}
          lastResult={reply?.result}
          cancelHref={`/admin/roadmaps/${data.roadMap.id}`}
        />
      </Paper>
    </Stack>
  );
}
