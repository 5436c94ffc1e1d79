import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import { IconAlertTriangle, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { FormErrors, useErrorText } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { StatusLabel } from "~/components/status";
import type { WriteReply } from "~/domain/editing/action.server";
import { SUBMISSION_KEY_FIELD } from "~/domain/editing/submission-key";
import type { EntryQuestion } from "~/domain/progress/entry-checks";
import { quarterEntriesSchema, type EntryLimits } from "~/domain/progress/entry-schema";
import type { DepartmentQuarterView, MeasureRowView } from "~/domain/progress/my-page.server";
import { formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { useLocale } from "~/i18n/use-locale";
import { ConfirmFigure, questionsOf, ReasonRequest } from "./entry-questions";
import classes from "./measure-list.module.css";
import { PageLinks } from "./page-links";
import { QuarterSheetControls } from "./quarter-sheet-controls";
import { SavedEntries } from "./saved-entries";

export type { DepartmentQuarterView };

/** What every card of the page shares: the quarter, its dates, and this render's submission key. */
export interface QuarterPage {
  quarterParam: string;
  quarterOver: boolean;
  entryDate: string;
  today: string;
  limits: EntryLimits;
  submissionKey: string;
}

/**
 * The card of a department's quarter: its report, the quarter sheet, and one page of its measures as
 * light rows with a quick entry of the fact; a measure's narrative, reason and evidence open on its
 * row. The form starts empty again whenever the page's figures change, so that a saved fact is never
 * in it to be saved twice.
 */
export function DepartmentQuarterCard({
  group,
  data,
  reply,
}: {
  group: DepartmentQuarterView;
  data: QuarterPage;
  reply: WriteReply<EntryQuestion> | undefined;
}) {
  const saved = group.rows.map((row) => `${row.id}:${row.quarterEntries}:${row.quarterFact}`);
  return <DepartmentQuarterForm key={saved.join(",")} group={group} data={data} reply={reply} />;
}

function ReportState({ group, data }: { group: DepartmentQuarterView; data: QuarterPage }) {
  const { t } = useTranslation();
  const editable = !group.closed && (!group.report || group.report.status === "returned");
  const color =
    group.report?.status === "accepted"
      ? "teal"
      : group.report?.status === "returned"
        ? "orange"
        : group.report
          ? "steppe"
          : "gray";
  return (
    <Stack gap={6} align="flex-end">
      <Group gap="xs">
        {group.closed && (
          <Badge color="gray" leftSection={<IconLock size={12} />} style={{ textTransform: "none" }}>
            {t("myMeasures.closed")}
          </Badge>
        )}
        <Badge color={color} variant="light" style={{ textTransform: "none" }} data-testid="report-status">
          {group.report ? t(`report.${group.report.status}`) : t("report.none")}
        </Badge>
      </Group>
      {data.quarterOver && editable && (
        <Form method="post">
          <input type="hidden" name="intent" value="submit-report" />
          <input type="hidden" name="roadMapId" value={group.roadMapId} />
          <input type="hidden" name="departmentId" value={group.departmentId} />
          <Button type="submit" size="xs">
            {t("report.submit")}
          </Button>
        </Form>
      )}
    </Stack>
  );
}

function DepartmentQuarterForm({
  group,
  data,
  reply,
}: {
  group: DepartmentQuarterView;
  data: QuarterPage;
  reply: WriteReply<EntryQuestion> | undefined;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const editable = !group.closed && (!group.report || group.report.status === "returned");
  const formId = `quarter-${data.quarterParam}-${group.roadMapId}-${group.departmentId}`;
  // Each department's quarter is its own form; a reply goes back to the form it came from.
  const ownReply = reply && !reply.saved && reply.result.initialValue?.form === formId ? reply : undefined;
  const [form, fields] = useForm({
    id: formId,
    lastResult: ownReply?.result,
    defaultValue: {
      rows: group.rows.map((m) => ({
        measureId: String(m.id),
        territoryId: String(m.territoryId),
        entryDate: data.entryDate,
      })),
    },
    onValidate: ({ formData }) =>
      parseWithZod(formData, {
        schema: quarterEntriesSchema(data.limits, (id) => group.rows.find((m) => m.id === id)?.unit),
      }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const rows = fields.rows.getFieldList();
  // A measure's editor opens through the URL, so that it opens without scripts too; the editors
  // already open stay open, with what was typed in them.
  const hrefOpening = (measureId: number, opening: boolean) => {
    const search = new URLSearchParams(location.search);
    for (const notice of ["saved", "imported", "alreadySaved"]) search.delete(notice);
    const open = search.getAll("measure").filter((id) => id !== String(measureId));
    search.delete("measure");
    for (const id of opening ? [...open, String(measureId)] : open) search.append("measure", id);
    return `${location.pathname}?${search.toString()}#measure-${measureId}`;
  };
  const textArea = (field: Parameters<typeof getTextareaProps>[0], label: string, lang?: "kk" | "ru") => (
    <Textarea
      {...getTextareaProps(field)}
      key={field.key}
      label={label}
      lang={lang}
      autosize
      minRows={1}
      error={errorText(field.errors)}
      size="sm"
    />
  );

  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} data-testid="department-quarter">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Text size="sm" c="dimmed">
            <Localized value={group.roadMapTitle} />
          </Text>
          <Title order={2} size="h4">
            <Localized value={group.departmentName} />
          </Title>
          <Text size="xs" c="dimmed" mt={2} data-testid="measure-counts">
            {t("myList.counts", { ...group.counts })}
          </Text>
        </div>
        <ReportState group={group} data={data} />
      </Group>
      {group.report?.status === "returned" && group.report.comment && (
        <Alert color="orange" icon={<IconAlertTriangle />} mb="sm" title={t("report.returned")}>
          {group.report.comment}
        </Alert>
      )}
      {editable && (
        <QuarterSheetControls
          roadMapId={group.roadMapId}
          departmentId={group.departmentId}
          quarterParam={data.quarterParam}
        />
      )}

      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save-quarter" />
        <input type="hidden" name="form" value={formId} />
        <input type="hidden" name={SUBMISSION_KEY_FIELD} value={data.submissionKey} />
        {group.found < group.counts.all && (
          <Text size="sm" mb={4} data-testid="measures-found">
            {t("myList.found", { found: group.found })}
          </Text>
        )}
        {group.rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("myList.nothingFound")}
          </Text>
        ) : (
          <div className={classes.list}>
            {rows.map((row, index) => {
              const measure = group.rows[index]!;
              const rowFields = row.getFieldset();
              const asked = questionsOf(ownReply?.questions, `rows[${index}].`);
              const typed = [
                rowFields.narrativeKk,
                rowFields.narrativeRu,
                rowFields.evidenceLinks,
                rowFields.behindReasonKk,
                rowFields.behindReasonRu,
              ].some((field) => Boolean(field.initialValue) || Boolean(field.errors));
              const datePicked =
                Boolean(rowFields.entryDate.errors) ||
                (rowFields.entryDate.initialValue ?? data.entryDate) !== data.entryDate;
              const open = measure.savedEntries !== null || typed || datePicked || Boolean(asked.reason);
              const showReason = Boolean(
                asked.reason || rowFields.behindReasonKk.initialValue || rowFields.behindReasonRu.initialValue,
              );
              return (
                <div
                  key={row.key}
                  id={`measure-${measure.id}`}
                  className={classes.row}
                  data-open={open || undefined}
                  data-testid="measure-row"
                >
                  <input type="hidden" name={rowFields.measureId.name} value={measure.id} />
                  <MeasureSummary measure={measure} />
                  <div className={classes.state}>
                    {measure.reportMissing ? (
                      <span className={classes.missing}>{t("myMeasures.missing")}</span>
                    ) : (
                      measure.quarterPlan > 0 &&
                      measure.quarterEntries === 0 && (
                        <span className={classes.missing} data-kind="unreported">
                          {t("myList.unreported")}
                        </span>
                      )
                    )}
                    <StatusLabel status={measure.status} />
                  </div>
                  {editable ? (
                    <div className={classes.entry}>
                      <QuickField
                        field={rowFields.value}
                        label={t("entry.value")}
                        inputMode="decimal"
                        error={errorText(rowFields.value.errors)}
                      />
                      <QuickField
                        field={rowFields.peopleReached}
                        label={t("entry.peopleReached")}
                        inputMode="numeric"
                        error={errorText(rowFields.peopleReached.errors)}
                      />
                      {measure.shares ? (
                        <NativeSelect
                          {...getSelectProps(rowFields.territoryId)}
                          key={rowFields.territoryId.key}
                          className={classes.span}
                          label={t("entry.territory")}
                          data={measure.shares.map((territory) => ({
                            value: String(territory.id),
                            label: territory.name,
                          }))}
                          size="xs"
                        />
                      ) : (
                        <input type="hidden" name={rowFields.territoryId.name} value={measure.territoryId} />
                      )}
                      {!open && (
                        <>
                          <input
                            type="hidden"
                            name={rowFields.entryDate.name}
                            value={rowFields.entryDate.initialValue ?? data.entryDate}
                          />
                          <Link
                            to={hrefOpening(measure.id, true)}
                            preventScrollReset
                            replace
                            className={`${classes.span} ${classes.link}`}
                          >
                            {t("myList.open")}
                          </Link>
                        </>
                      )}
                    </div>
                  ) : (
                    <div />
                  )}
                  {asked.confirm && (
                    <div className={classes.wide}>
                      <ConfirmFigure
                        question={asked.confirm}
                        unit={measure.unit}
                        name={rowFields.confirmedValue.name}
                      />
                    </div>
                  )}
                  {open && (
                    <div className={classes.wide}>
                      {editable && (
                        <div className={classes.editor}>
                          <TextInput
                            {...getInputProps(rowFields.entryDate, { type: "date" })}
                            key={rowFields.entryDate.key}
                            label={t("entry.date")}
                            min={data.limits.firstDate}
                            max={data.limits.lastDate < data.today ? data.limits.lastDate : data.today}
                            error={errorText(rowFields.entryDate.errors)}
                            size="sm"
                            className={classes.span}
                            maw={220}
                          />
                          {textArea(rowFields.narrativeKk, t("entry.narrativeKk"), "kk")}
                          {textArea(rowFields.narrativeRu, t("entry.narrativeRu"), "ru")}
                          {textArea(rowFields.evidenceLinks, t("entry.evidenceLinks"))}
                          {asked.reason && (
                            <div className={classes.span}>
                              <ReasonRequest question={asked.reason} />
                            </div>
                          )}
                          {showReason && (
                            <>
                              {textArea(rowFields.behindReasonKk, t("entry.behindReasonKk"), "kk")}
                              {textArea(rowFields.behindReasonRu, t("entry.behindReasonRu"), "ru")}
                            </>
                          )}
                        </div>
                      )}
                      <SavedEntries measure={measure} editable={editable} />
                      {measure.savedEntries !== null && (
                        <Group gap="md" mt="xs">
                          <Anchor component={Link} to={`/measures/${measure.id}`} size="xs">
                            {t("myList.allEntries")}
                          </Anchor>
                          <Anchor
                            component={Link}
                            to={hrefOpening(measure.id, false)}
                            preventScrollReset
                            replace
                            size="xs"
                          >
                            {t("myList.close")}
                          </Anchor>
                        </Group>
                      )}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        )}
        <PageLinks
          param={group.pageParam}
          page={group.paging.page}
          more={group.paging.page < group.paging.pages}
          summary={
            group.paging.pages > 1
              ? t("myList.pageOf", { page: group.paging.page, pages: group.paging.pages })
              : undefined
          }
          labels={{ previous: t("myList.previous"), next: t("myList.next") }}
        />
        {editable && group.rows.length > 0 && (
          <Stack gap="xs" mt="sm">
            <FormErrors id={form.errorId} errors={form.errors ?? fields.rows.errors} />
            <Text size="xs" c="dimmed">
              {group.paging.pages > 1 ? t("myList.pageHint") : t("myMeasures.enterHint")}
            </Text>
            <Group>
              <Button
                type="submit"
                loading={navigation.state === "submitting" && navigation.formData?.get("intent") === "save-quarter"}
              >
                {t("myMeasures.saveAll")}
              </Button>
            </Group>
          </Stack>
        )}
      </Form>
    </Paper>
  );
}

/** The row's number and title (a link to the measure's page) and the quarter's figures. */
function MeasureSummary({ measure }: { measure: MeasureRowView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <Link to={`/measures/${measure.id}`} className={`${classes.title} ${classes.link}`}>
        {measure.number}. <Localized value={measure.title} />
      </Link>
      <div className={classes.figures}>
        <span>
          {t("myList.planShort")}: <b className="tabular">{formatNumber(locale, measure.quarterPlan)}</b>{" "}
          {t(`units.${measure.unit}`)}
        </span>
        <span>
          {t("myList.factShort")}: <b className="tabular">{formatNumber(locale, measure.quarterFact)}</b> (
          <span data-testid="entry-count">{t("oneLanguage.counts.entries", { count: measure.quarterEntries })}</span>)
        </span>
        <span>
          {t("myMeasures.execution")}: <b className="tabular">{formatExecution(t, locale, measure.execution)}</b>
        </span>
      </div>
    </div>
  );
}

/** A row's quick-entry field as a plain label and input: light enough for a hundred on a page. */
function QuickField({
  field,
  label,
  inputMode,
  error,
}: {
  field: Parameters<typeof getInputProps>[0];
  label: string;
  inputMode: "decimal" | "numeric";
  error: string | undefined;
}) {
  return (
    <div className={classes.field}>
      <label htmlFor={field.id}>{label}</label>
      <input
        {...getInputProps(field, { type: "text" })}
        key={field.key}
        inputMode={inputMode}
        className={classes.input}
      />
      {error && (
        <span id={field.errorId} className={classes.error}>
          {error}
        </span>
      )}
    </div>
  );
}
