import { parseWithZod } from "@conform-to/zod/v4";
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { IconLock, IconLockOpen } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors, useErrorText } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { requirePrincipal } from "~/domain/auth/session.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { CloseConfirmation } from "~/components/periods/close-confirmation";
import { closeQuarter, pendingReports, reopenQuarter, roadMapPeriods } from "~/domain/periods/periods.server";
import { formatQuarterParam, parseQuarterParam, todayIn } from "~/domain/periods/quarter";
import { requireVisibleRoadMap } from "~/domain/roadmap/roadmap.server";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { translator } from "~/i18n/i18n";
import { pickText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { idSchema } from "~/domain/ids";

const params = z.object({ roadMapId: idSchema });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

async function requireRoadMap(request: Request, rawParams: unknown) {
  const principal = await requirePrincipal(request);
  requireAdmin(principal);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const db = await database();
  return { principal, db, roadMap: await requireVisibleRoadMap(db, principal, parsed.data.roadMapId) };
}

export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const { db, roadMap } = await requireRoadMap(request, rawParams);
  const locale = await localeOf(request);
  const periods = await roadMapPeriods(db, roadMap.id, roadMap.startYear, todayIn(env().APP_TIME_ZONE));
  // «Close» first asks: ?close=2024-Q3 shows what the quarter still waits for, and the confirming form.
  const asked = parseQuarterParam(new URL(request.url).searchParams.get("close"));
  const closing =
    asked && periods.some((p) => !p.closed && formatQuarterParam(p.quarter) === formatQuarterParam(asked));
  return {
    pageTitle: translator(locale)("periods.title"),
    roadMap: { id: roadMap.id, title: pickText(roadMap.title, locale) },
    periods,
    closing: closing
      ? {
          quarter: asked,
          pending: (await pendingReports(db, roadMap.id, asked)).map((report) => ({
            ...report,
            name: pickText(report.name, locale),
          })),
        }
      : null,
  };
}

const periodSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("close"),
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
    confirmClose: z.literal("on", { error: "periods.confirmRequired" }),
  }),
  z.object({
    intent: z.literal("reopen"),
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
    reason: z
      .string({ error: "validation.required" })
      .trim()
      .min(3, "validation.required")
      .max(2000, "validation.tooLong"),
  }),
]);

export async function action({ request, params: rawParams }: ActionFunctionArgs) {
  const { principal, db, roadMap } = await requireRoadMap(request, rawParams);
  const submission = parseWithZod(await request.formData(), { schema: periodSchema });
  if (submission.status !== "success") return invalid(submission);
  const [year, quarter] = submission.value.quarter.split("-Q").map(Number) as [number, 1 | 2 | 3 | 4];
  const value = submission.value;
  return attemptWrite(
    submission,
    () =>
      value.intent === "close"
        ? closeQuarter(db, principal.id, roadMap.id, { year, quarter })
        : reopenQuarter(db, principal.id, roadMap.id, { year, quarter }, value.reason),
    { redirectTo: `/roadmaps/${roadMap.id}/periods` },
  );
}

export default function PeriodsPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const repliedTo = reply?.result.initialValue?.quarter;

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <div>
        <Anchor component={Link} to={`/roadmaps/${data.roadMap.id}`} size="sm">
          <Localized value={data.roadMap.title} />
        </Anchor>
        <Title order={1} size="h2">
          {t("periods.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("periods.closedNotice")}
        </Text>
      </div>
      {data.closing && (
        <CloseConfirmation
          quarterKey={formatQuarterParam(data.closing.quarter)}
          quarterLabel={t("myMeasures.quarterLabel", data.closing.quarter)}
          pending={data.closing.pending}
          cancelTo={`/roadmaps/${data.roadMap.id}/periods`}
        />
      )}
      {reply && !data.closing && reply.result.initialValue?.intent === "close" && (
        <FormErrors errors={reply.result.error?.confirmClose ?? undefined} />
      )}
      <Paper withBorder p="md">
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" data-testid="periods">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("myMeasures.quarter")}</Table.Th>
                <Table.Th>{t("myMeasures.status")}</Table.Th>
                <Table.Th>{t("periods.reports")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.periods.map((period) => {
                const key = formatQuarterParam(period.quarter);
                return (
                  <Table.Tr key={key} data-quarter={key}>
                    <Table.Td fw={600}>
                      {t("myMeasures.quarterLabel", { year: period.quarter.year, quarter: period.quarter.quarter })}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={period.closed ? "gray" : "teal"}
                        variant="light"
                        leftSection={period.closed ? <IconLock size={12} /> : <IconLockOpen size={12} />}
                        style={{ textTransform: "none" }}
                      >
                        {period.closed ? t("periods.closed") : t("periods.open")}
                      </Badge>
                      {period.reopenReason && (
                        <Text size="xs" c="dimmed" mt={4}>
                          {t("periods.reopenedBecause", { reason: period.reopenReason })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t("periods.reportCounts", period.reports)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Form method="post">
                        <input type="hidden" name="quarter" value={key} />
                        {period.closed ? (
                          <Group gap="xs" align="flex-start" wrap="nowrap">
                            <TextInput
                              name="reason"
                              size="xs"
                              placeholder={t("periods.reopenReason")}
                              aria-label={t("periods.reopenReason")}
                              error={
                                repliedTo === key ? errorText(reply?.result.error?.reason ?? undefined) : undefined
                              }
                            />
                            <Button type="submit" name="intent" value="reopen" size="xs" variant="light" color="orange">
                              {t("periods.reopen")}
                            </Button>
                          </Group>
                        ) : (
                          <Button component={Link} to={`?close=${key}`} size="xs" variant="light">
                            {t("periods.close")}
                          </Button>
                        )}
                        {repliedTo === key && <FormErrors errors={reply?.result.error?.[""] ?? undefined} />}
                      </Form>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
