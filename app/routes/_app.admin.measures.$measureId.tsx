import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Field, LocalizedFields } from "~/components/admin/fields";
import { MeasureForm } from "~/components/admin/measure-form";
import { PlansForm } from "~/components/admin/plans-form";
import { ConflictAlert } from "~/components/conflict-alert";
import { FormErrors } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { NarrativeMarkForm } from "~/components/public/publication-form";
import { controlSchema, measureSchema, plansSchema } from "~/domain/admin/admin-schema";
import { idParam, requireAdminRequest } from "~/domain/admin/guard.server";
import { measureEditView } from "~/domain/admin/measure-view.server";
import {
  changeControl,
  isShareOfBase,
  measureForEditing,
  planLimitsOf,
  saveMeasure,
  savePlans,
} from "~/domain/admin/measures.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { narrativeMarkSchema } from "~/domain/public/publication-schema";
import { markNarrativePublic } from "~/domain/public/publication.server";
import { todayIn } from "~/domain/periods/quarter";
import { env } from "~/env.server";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.measure.number}. ${data.measure.shownTitle?.text ?? ""}` : ""} · Oryndau` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  const view = await measureEditView(db, idParam(params, "measureId"), locale);
  return { ...view, today: todayIn(env().APP_TIME_ZONE), timeZone: env().APP_TIME_ZONE };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { principal, db } = await requireAdminRequest(request);
  const measureId = idParam(params, "measureId");
  const formData = await request.formData();
  const back = `/admin/measures/${measureId}`;
  switch (formData.get("intent")) {
    case "save-measure": {
      const submission = parseWithZod(formData, { schema: measureSchema });
      if (submission.status !== "success") return invalid(submission);
      const { measure } = await measureForEditing(db, measureId);
      const input = { ...submission.value, measureId };
      return attemptWrite(
        submission,
        () => saveMeasure(db, principal, measure.road_map_id, input, todayIn(env().APP_TIME_ZONE)),
        {
          redirectTo: `${back}?saved=measure`,
        },
      );
    }
    case "save-plans": {
      const submission = parseWithZod(formData, {
        schema: plansSchema(await planLimitsOf(db, measureId), { shareOfBase: await isShareOfBase(db, measureId) }),
      });
      if (submission.status !== "success") return invalid(submission, { lists: ["rows"] });
      return attemptWrite(submission, () => savePlans(db, principal, measureId, submission.value), {
        redirectTo: `${back}?saved=plans#plans`,
      });
    }
    case "remove-from-control":
    case "return-to-control": {
      const submission = parseWithZod(formData, { schema: controlSchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(submission, () => changeControl(db, principal, measureId, submission.value), {
        redirectTo: `${back}?saved=control#control`,
      });
    }
    case "mark-narrative": {
      const submission = parseWithZod(formData, { schema: narrativeMarkSchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(submission, () => markNarrativePublic(db, principal, measureId, submission.value), {
        redirectTo: `${back}?saved=narrative#public-page`,
      });
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function MeasureEditPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const repliedTo = reply?.result.initialValue?.intent;
  const resultFor = (...intents: string[]) =>
    typeof repliedTo === "string" && intents.includes(repliedTo) && !reply?.saved ? reply?.result : undefined;
  const conflictFor = (...intents: string[]) =>
    typeof repliedTo === "string" && intents.includes(repliedTo) && reply?.conflict ? (
      <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />
    ) : null;
  const saved = searchParams.get("saved");
  const { measure } = data;
  const removed = measure.controlState === "removed";

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/admin/roadmaps/${data.roadMap.id}`} size="sm">
          ← <Localized value={data.roadMap.title} />
        </Anchor>
        <Group gap="sm" mt={4} align="center" wrap="wrap">
          <Title order={2} size="h3">
            {measure.number}. <Localized value={measure.shownTitle} />
          </Title>
          <Badge color={removed ? "gray" : "green"} variant="light" c="dark.7" style={{ textTransform: "none" }}>
            {t(`history.controlState.${measure.controlState}`)}
          </Badge>
        </Group>
        <Anchor component={Link} to={`/measures/${measure.id}`} size="sm">
          {t("admin.measure.publicPage")}
        </Anchor>
      </div>
      {saved && (
        <Alert color="green" icon={<IconCheck />} role="status" data-testid="saved">
          {t("editing.saved")}
        </Alert>
      )}

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("admin.measure.fields")}
        </Title>
        {conflictFor("save-measure")}
        <MeasureForm
          key={measure.version}
          defaults={measure}
          options={data.options}
          lastResult={resultFor("save-measure")}
          cancelHref={`/admin/roadmaps/${data.roadMap.id}`}
        />
      </Paper>

      <Paper withBorder p="md" id="plans">
        <Title order={3} size="h4" mb="sm">
          {t("admin.plans.title")}
        </Title>
        {conflictFor("save-plans")}
        <PlansForm
          key={data.plans.seen}
          rows={data.plans.rows}
          seen={data.plans.seen}
          limits={data.limits}
          shareOfBase={measure.shareOfBase}
          territories={data.options.territories}
          lastResult={resultFor("save-plans")}
        />
      </Paper>

      <Paper withBorder p="md" id="public-page">
        <Title order={3} size="h4" mb="sm">
          {t("publicPage.narrativeMark.heading")}
        </Title>
        {conflictFor("mark-narrative")}
        <NarrativeMarkForm
          key={measure.version}
          version={measure.version}
          narrativePublic={measure.narrativePublic}
          lastResult={resultFor("mark-narrative")}
        />
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md" id="control">
          <Title order={3} size="h4" mb="sm">
            {t("admin.control.title")}
          </Title>
          {removed && (
            <Text size="sm" mb="sm">
              {t("measurePage.removed", {
                date: measure.removedOn ? formatDate(locale, measure.removedOn) : "",
                reason: measure.removedReason?.text ?? "",
              })}
            </Text>
          )}
          {conflictFor("remove-from-control", "return-to-control")}
          <ControlForm
            key={measure.version}
            intent={removed ? "return-to-control" : "remove-from-control"}
            version={measure.version}
            today={data.today}
            lastResult={resultFor("remove-from-control", "return-to-control")}
          />
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t("admin.measure.changes")}
          </Title>
          {data.deadlineChanges.length === 0 && data.controlChanges.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("admin.measure.noChanges")}
            </Text>
          ) : (
            <List size="sm" spacing={6} data-testid="measure-changes">
              {data.deadlineChanges.map((change) => (
                <List.Item key={`d${change.id}`}>
                  {t("measurePage.deadlineChanged", {
                    from: formatDate(locale, change.from),
                    to: formatDate(locale, change.to),
                    reason: change.reason?.text ?? "",
                  })}{" "}
                  <Text span size="xs" c="dimmed">
                    — {change.by ?? t("editing.system")}
                  </Text>
                </List.Item>
              ))}
              {data.controlChanges.map((change) => (
                <List.Item key={`c${change.id}`}>
                  {formatDate(locale, change.on)}: {t(`history.controlState.${change.state}`)} —{" "}
                  <Localized value={change.reason} />{" "}
                  <Text span size="xs" c="dimmed">
                    — {change.by ?? t("editing.system")}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

function ControlForm({
  intent,
  version,
  today,
  lastResult,
}: {
  intent: "remove-from-control" | "return-to-control";
  version: number;
  today: string;
  lastResult: WriteReply["result"] | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `control-${intent}`,
    lastResult,
    defaultValue: { changedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: controlSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field field={fields.changedOn} label={t("admin.control.date")} type="date" withAsterisk maw={220} />
        <LocalizedFields
          fields={{ kk: fields.reasonKk, ru: fields.reasonRu }}
          label={t("admin.control.reason")}
          languages={["kk", "ru"]}
          multiline
        />
        <Group>
          <Button type="submit" color={intent === "remove-from-control" ? "red.9" : "green.9"}>
            {t(`admin.control.${intent === "remove-from-control" ? "remove" : "restore"}`)}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
