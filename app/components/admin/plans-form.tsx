import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Group, Stack, Table, Text } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { plansSchema, type PlanLimits } from "~/domain/admin/admin-schema";
import type { PlanMode } from "~/domain/admin/plan-split";
import { FormErrors } from "../field-error";
import { Field, SelectField } from "./fields";

export interface PlanRowDefaults {
  territoryId: number;
  year: number;
  mode: PlanMode;
  total?: number;
  quarters: Array<number | null>;
  base?: number;
}

/** A row given by quarter shows its year's total as a hint. */
function quarterSum(row: PlanRowDefaults | undefined): string | undefined {
  const given = (row?.quarters ?? []).filter((value): value is number => value !== null);
  if (row?.mode !== "quarters" || given.length === 0) return undefined;
  return `Σ ${Math.round(given.reduce((a, b) => a + b, 0) * 1000) / 1000}`;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/**
 * The quarterly plans of a measure as rows of (territory, year): a year's total split evenly or held
 * in Q4, or a value per quarter. Every row is saved together, or none.
 */
export function PlansForm({
  rows,
  seen,
  limits,
  shareOfBase,
  territories,
  lastResult,
}: {
  rows: PlanRowDefaults[];
  seen: string;
  limits: PlanLimits;
  /** The measure is a share of a base: each row also takes the base its counts are a share of. */
  shareOfBase: boolean;
  territories: Array<{ value: string; label: string }>;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const schema = plansSchema(limits, { shareOfBase });
  const [form, fields] = useForm({
    id: "measure-plans",
    lastResult,
    defaultValue: {
      seen,
      rows: rows.map((row) => ({
        territoryId: String(row.territoryId),
        year: String(row.year),
        mode: row.mode,
        total: text(row.total),
        q1: text(row.quarters[0]),
        q2: text(row.quarters[1]),
        q3: text(row.quarters[2]),
        q4: text(row.quarters[3]),
        base: text(row.base),
      })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const years = Array.from({ length: limits.endYear - limits.startYear + 1 }, (_, i) => String(limits.startYear + i));
  const modes = (["quarters", "even", "q4"] as const).map((mode) => ({
    value: mode,
    label: t(`admin.plans.mode.${mode}`),
  }));
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "save-plans";

  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-plans" />
      <input type="hidden" name={fields.seen.name} value={seen} />
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("admin.plans.hint")}
          {shareOfBase && ` ${t("figures.baseHint")}.`}
        </Text>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Table.ScrollContainer minWidth={940}>
          <Table verticalSpacing={4} horizontalSpacing={6} data-testid="plans-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("admin.plans.territory")}</Table.Th>
                <Table.Th w={112}>{t("admin.plans.year")}</Table.Th>
                <Table.Th w={190}>{t("admin.plans.how")}</Table.Th>
                <Table.Th w={100}>{t("admin.plans.total")}</Table.Th>
                {[1, 2, 3, 4].map((quarter) => (
                  <Table.Th key={quarter} w={84}>
                    {t("admin.plans.quarter", { quarter })}
                  </Table.Th>
                ))}
                {shareOfBase && (
                  <Table.Th w={120} title={t("figures.baseHint")}>
                    {t("figures.base")}
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.rows.getFieldList().map((row, index) => {
                const cells = row.getFieldset();
                const rowName = t("admin.plans.rowLabel", { row: index + 1 });
                return (
                  <Table.Tr key={row.key} data-testid="plan-row">
                    <Table.Td>
                      <SelectField
                        field={cells.territoryId}
                        data={territories}
                        ariaLabel={`${rowName}: ${t("admin.plans.territory")}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <SelectField
                        field={cells.year}
                        data={years.map((y) => ({ value: y, label: y }))}
                        ariaLabel={`${rowName}: ${t("admin.plans.year")}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <SelectField field={cells.mode} data={modes} ariaLabel={`${rowName}: ${t("admin.plans.how")}`} />
                    </Table.Td>
                    <Table.Td>
                      <Field
                        field={cells.total}
                        placeholder={quarterSum(rows[index])}
                        inputMode="decimal"
                        aria-label={`${rowName}: ${t("admin.plans.total")}`}
                      />
                    </Table.Td>
                    {(["q1", "q2", "q3", "q4"] as const).map((quarter, q) => (
                      <Table.Td key={quarter}>
                        <Field
                          field={cells[quarter]}
                          inputMode="decimal"
                          aria-label={`${rowName}: ${t("admin.plans.quarter", { quarter: q + 1 })}`}
                        />
                      </Table.Td>
                    ))}
                    {shareOfBase && (
                      <Table.Td>
                        <Field field={cells.base} inputMode="decimal" aria-label={`${rowName}: ${t("figures.base")}`} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button type="submit" loading={busy}>
            {t("admin.plans.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
