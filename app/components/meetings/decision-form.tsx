import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "~/domain/meetings/meeting-view.server";
import { plainText } from "~/i18n/locales";
import type { IntentErrors } from "./intent-errors";

/** A new proposal or instruction, its text in kk and ru, who answers for it and by when. */
export function DecisionForm({
  options,
  agenda,
  count,
  errors,
}: {
  options: NonNullable<MeetingView["options"]>;
  agenda: MeetingView["agenda"];
  count: number;
  errors: IntentErrors;
}) {
  const { t } = useTranslation();
  const error = (name: string) => errors.error("add-decision", name);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t("meetings.addDecision")}
      </Title>
      <Form method="post" key={`decisions-${count}`}>
        <input type="hidden" name="intent" value="add-decision" />
        <Stack gap="sm">
          {errors.formError("add-decision")}
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <NativeSelect
              name="kind"
              label={t("meetings.kindLabel")}
              data={[
                { value: "proposal", label: t("meetings.kind.proposal") },
                { value: "instruction", label: t("meetings.kind.instruction") },
              ]}
            />
            <NativeSelect
              name="departmentId"
              label={t("meetings.department")}
              data={[{ value: "", label: t("meetings.noDepartment") }, ...options.departments]}
              error={error("departmentId")}
            />
            <TextInput name="deadline" type="date" label={t("meetings.deadline")} error={error("deadline")} />
            <NativeSelect
              name="agendaItemId"
              label={t("meetings.agendaItem")}
              data={[
                { value: "", label: "—" },
                ...agenda.map((item) => ({
                  value: String(item.id),
                  label: `${item.position}. ${plainText(item.title)}`,
                })),
              ]}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              name="bodyKk"
              lang="kk"
              label={t("meetings.bodyKk")}
              autosize
              minRows={2}
              maxLength={4000}
              error={error("bodyKk")}
            />
            <Textarea name="bodyRu" lang="ru" label={t("meetings.bodyRu")} autosize minRows={2} maxLength={4000} />
          </SimpleGrid>
          <NativeSelect
            name="measureIds"
            label={t("meetings.measures")}
            data={[
              { value: "", label: "—" },
              ...options.measures.map((m) => ({ value: String(m.id), label: m.label })),
            ]}
            error={error("measureIds")}
          />
          <Group>
            <Button type="submit">{t("meetings.addDecision")}</Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
