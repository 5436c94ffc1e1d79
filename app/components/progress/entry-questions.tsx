import { Alert, Checkbox, Text } from "@mantine/core";
import { IconAlertTriangle, IconHelpCircle } from "@tabler/icons-react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import type { EntryQuestion } from "~/domain/progress/entry-checks";
import { formatDate, formatNumber, formatPercent } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

type Confirm = Extract<EntryQuestion, { kind: "confirm" }>;
type Reason = Extract<EntryQuestion, { kind: "reason" }>;

/** The questions of one row of a form (its field prefix), by kind. */
export function questionsOf(questions: EntryQuestion[] | undefined, field: string) {
  const mine = (questions ?? []).filter((question) => question.field === field);
  return {
    confirm: mine.find((question): question is Confirm => question.kind === "confirm"),
    reason: mine.find((question): question is Reason => question.kind === "reason"),
  };
}

/** A question's explanation in the reader's language, with its figures formatted as everywhere else. */
export function useQuestionText() {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => formatNumber(locale, value, 3);
  return {
    stored: (question: Confirm, unit: string) =>
      t("reportForms.confirm.stored", { value: number(question.value), unit: t(`units.${unit}` as ParseKeys) }),
    checkbox: (question: Confirm, unit: string) =>
      t("reportForms.confirm.checkbox", { value: number(question.value), unit: t(`units.${unit}` as ParseKeys) }),
    confirm: (question: Confirm) =>
      question.concern === "noPlan"
        ? t("reportForms.confirm.noPlan", { yearPlan: number(question.yearPlan) })
        : t("reportForms.confirm.farPastPlan", {
            fact: number(question.quarterFact),
            plan: number(question.quarterPlan),
            times: formatNumber(locale, question.quarterFact / question.quarterPlan, 1),
          }),
    reason: (question: Reason) =>
      question.status === "overdue"
        ? t("reportForms.reason.overdue", {
            deadline: formatDate(locale, question.deadline),
            date: formatDate(locale, question.asOf),
            fact: number(question.fact),
            plan: number(question.plan),
          })
        : t("reportForms.reason.behind", {
            date: formatDate(locale, question.asOf),
            fact: number(question.fact),
            plan: number(question.plan),
            percent: formatPercent(locale, question.execution),
            amber: question.amber,
          }),
  };
}

/**
 * Asks to confirm a figure far past its quarter's plan (or with nothing planned), showing the number as
 * it will be stored. The box carries that number: a figure changed afterwards is asked about again.
 */
export function ConfirmFigure({ question, unit, name }: { question: Confirm; unit: string; name: string }) {
  const { t } = useTranslation();
  const text = useQuestionText();
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconHelpCircle />}
      title={t("reportForms.confirm.title")}
      data-testid="confirm-figure"
    >
      <Text size="sm" fw={700} className="tabular">
        {text.stored(question, unit)}
      </Text>
      <Text size="sm" mt={4}>
        {text.confirm(question)}
      </Text>
      <Checkbox
        mt="xs"
        name={name}
        value={String(question.value)}
        defaultChecked={question.answered}
        label={text.checkbox(question, unit)}
      />
    </Alert>
  );
}

/** Says why the reason fields below it are needed: where the measure stands with the entry. */
export function ReasonRequest({ question }: { question: Reason }) {
  const { t } = useTranslation();
  const text = useQuestionText();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle />}
      title={t("reportForms.reason.title")}
      data-testid="reason-request"
    >
      <Text size="sm">{text.reason(question)}</Text>
    </Alert>
  );
}
