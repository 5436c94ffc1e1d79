import { parseWithZod } from "@conform-to/zod/v4";
import { Anchor, Button, Card, Group, Paper, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ConflictAlert } from "~/components/conflict-alert";
import { FormErrors, useErrorText } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { ReviewEntries } from "~/components/progress/review-entries";
import { StatusLabel } from "~/components/status";
import { forbidden, mayReviewSomewhere, reviewableRoadMapIds } from "~/domain/auth/permissions.server";
import { requirePrincipal } from "~/domain/auth/session.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { filesOfEntries } from "~/domain/evidence/evidence.server";
import { departmentQuarters } from "~/domain/progress/my-measures.server";
import { reportsAwaitingReview, reviewReport } from "~/domain/progress/reports.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { translator } from "~/i18n/i18n";
import { pickText } from "~/i18n/locales";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { idSchema } from "~/domain/ids";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  if (!mayReviewSomewhere(principal)) throw forbidden();
  const locale = await localeOf(request);
  const db = await database();
  const today = todayIn(env().APP_TIME_ZONE);
  const reports = await reportsAwaitingReview(db, await reviewableRoadMapIds(db, principal));
  // What each report holds: its department's measures with the quarter's figures.
  const groups = await Promise.all(
    reports.map(async (report) => {
      const [group] = (await departmentQuarters(db, [report.departmentId], report.quarter, today)).filter(
        (candidate) => candidate.roadMapId === report.roadMapId,
      );
      return group?.measures ?? [];
    }),
  );
  const files = await filesOfEntries(
    db,
    groups.flatMap((measures) => measures.flatMap((m) => m.savedEntries.map((entry) => entry.id))),
  );
  const details = groups.map((measures) =>
    measures.map((m) => ({
      id: m.id,
      number: m.number,
      title: pickText(m.title, locale),
      unit: m.unit,
      quarterPlan: m.quarterPlan,
      quarterFact: m.quarterFact,
      execution: m.execution,
      status: m.status,
      entries: m.savedEntries.map((entry) => ({
        id: entry.id,
        entryDate: entry.entryDate,
        value: entry.value,
        narrative: entry.narrative,
        behindReason: entry.behindReason,
        evidenceLinks: entry.evidenceLinks,
        evidenceFiles: files.get(entry.id) ?? [],
      })),
    })),
  );
  return {
    pageTitle: translator(locale)("report.reviewsTitle"),
    timeZone: env().APP_TIME_ZONE,
    reports: reports.map((report, index) => ({
      ...report,
      roadMapTitle: pickText(report.roadMapTitle, locale),
      departmentName: pickText(report.departmentName, locale),
      measures: details[index]!,
    })),
  };
}

const reviewSchema = z.object({
  intent: z.enum(["accept", "return"]),
  reportId: idSchema,
  version: z.coerce.number().int().positive(),
  comment: z.string().trim().max(4000, "validation.tooLong").optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requirePrincipal(request);
  if (!mayReviewSomewhere(principal)) throw forbidden();
  const submission = parseWithZod(await request.formData(), { schema: reviewSchema });
  if (submission.status !== "success") return invalid(submission);
  const { intent, reportId, version, comment } = submission.value;
  const db = await database();
  return attemptWrite(
    submission,
    () =>
      reviewReport(db, principal, reportId, version, {
        status: intent === "accept" ? "accepted" : "returned",
        comment: comment || null,
      }),
    { redirectTo: "/reviews", flash: { key: intent === "accept" ? "reviewAccepted" : "reviewReturned" } },
  );
}

export default function ReviewsPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const repliedTo = Number(reply?.result.initialValue?.reportId);

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Title order={1}>{t("report.reviewsTitle")}</Title>
      {reply?.conflict && <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />}
      {data.reports.length === 0 && <Text>{t("report.noReviews")}</Text>}
      {data.reports.map((report) => (
        <Paper key={report.id} withBorder p="md" data-testid="report-review">
          <Text size="sm" c="dimmed">
            <Localized value={report.roadMapTitle} />
          </Text>
          <Title order={2} size="h4">
            <Localized value={report.departmentName} /> —{" "}
            {t("myMeasures.quarterLabel", { year: report.quarter.year, quarter: report.quarter.quarter })}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t("report.submittedBy", {
              name: report.submittedBy,
              date: formatDateTime(locale, report.submittedAt, data.timeZone),
            })}
          </Text>
          <Table.ScrollContainer minWidth={560} visibleFrom="sm">
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("overview.measures")}</Table.Th>
                  <Table.Th ta="right">{t("myMeasures.plan")}</Table.Th>
                  <Table.Th ta="right">{t("myMeasures.fact")}</Table.Th>
                  <Table.Th ta="right">{t("myMeasures.execution")}</Table.Th>
                  <Table.Th>{t("myMeasures.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.measures.map((m) => [
                  <Table.Tr key={m.id} data-testid="review-measure">
                    <Table.Td>
                      <Anchor component={Link} to={`/measures/${m.id}`} size="sm">
                        {m.number}. <Localized value={m.title} />
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {formatNumber(locale, m.quarterPlan)}
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {formatNumber(locale, m.quarterFact)}
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {formatExecution(t, locale, m.execution)}
                    </Table.Td>
                    <Table.Td>
                      <StatusLabel status={m.status} />
                    </Table.Td>
                  </Table.Tr>,
                  <Table.Tr key={`${m.id}-entries`}>
                    <Table.Td colSpan={5} pl="lg" style={{ borderTop: 0 }}>
                      <ReviewEntries entries={m.entries} unit={m.unit} />
                    </Table.Td>
                  </Table.Tr>,
                ])}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {/* On a phone, a card per measure: the entries' texts need the whole width. */}
          <Stack gap="xs" hiddenFrom="sm">
            {report.measures.map((m) => (
              <Card key={m.id} withBorder padding="sm">
                <Anchor component={Link} to={`/measures/${m.id}`} size="sm" fw={600}>
                  {m.number}. <Localized value={m.title} />
                </Anchor>
                <Group gap="xs" mt={4} mb="xs">
                  <Text size="sm" className="tabular">
                    {t("myMeasures.plan")}: <b>{formatNumber(locale, m.quarterPlan)}</b> · {t("myMeasures.fact")}:{" "}
                    <b>{formatNumber(locale, m.quarterFact)}</b> · {formatExecution(t, locale, m.execution)}
                  </Text>
                  <StatusLabel status={m.status} />
                </Group>
                <ReviewEntries entries={m.entries} unit={m.unit} />
              </Card>
            ))}
          </Stack>
          <Form method="post">
            <input type="hidden" name="reportId" value={report.id} />
            <input type="hidden" name="version" value={report.version} />
            <Stack gap="xs" mt="sm">
              {repliedTo === report.id && <FormErrors errors={reply?.result.error?.[""] ?? undefined} />}
              <Textarea
                name="comment"
                label={t("report.comment")}
                autosize
                minRows={2}
                maxLength={4000}
                error={repliedTo === report.id ? errorText(reply?.result.error?.comment ?? undefined) : undefined}
              />
              <Group>
                <Button type="submit" name="intent" value="accept" color="teal">
                  {t("report.accept")}
                </Button>
                <Button type="submit" name="intent" value="return" variant="light" color="orange">
                  {t("report.return")}
                </Button>
              </Group>
            </Stack>
          </Form>
        </Paper>
      ))}
    </Stack>
  );
}
