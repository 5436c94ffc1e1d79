import { Button, Checkbox, Group, Paper, Stack, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "~/domain/meetings/meeting-view.server";
import type { IntentErrors } from "./intent-errors";
import { MeetingFields } from "./meeting-fields";

/** Date, as-of date, number, chair and place (kk and ru) of a meeting not yet held. */
export function MeetingDetailsForm({ meeting, errors }: { meeting: MeetingView["meeting"]; errors: IntentErrors }) {
  const { t } = useTranslation();
  const error = (name: string) => errors.error("update-details", name);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t("meetings.details")}
      </Title>
      <Form method="post">
        <input type="hidden" name="intent" value="update-details" />
        <input type="hidden" name="version" value={meeting.version} />
        <Stack gap="sm">
          {errors.formError("update-details")}
          <MeetingFields
            values={{
              meetingDate: meeting.date,
              asOf: meeting.asOf,
              number: meeting.number ?? "",
              chairName: meeting.chairName ?? "",
              placeKk: meeting.placeRaw.kk ?? "",
              placeRu: meeting.placeRaw.ru ?? "",
            }}
            error={error}
          />
          <Group justify="space-between">
            <Checkbox
              name="includeCurrentQuarter"
              label={t("meetings.includeCurrentQuarter")}
              defaultChecked={meeting.includeCurrentQuarter}
            />
            <Button type="submit" variant="light">
              {t("meetings.saveDetails")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
