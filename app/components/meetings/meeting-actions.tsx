import { Button, Checkbox, Group, Paper, Stack, Text } from "@mantine/core";
import { Form, Link } from "@remix-run/react";
import { IconFileTypePdf, IconLock, IconPlayerPlay, IconPrinter, IconSnowflake } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "~/domain/meetings/meeting-view.server";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import type { IntentErrors } from "./intent-errors";

/** Slides, minutes and PDF; holding the meeting (which freezes its figures) and approving its minutes. */
export function MeetingActions({
  meeting,
  editable,
  canEdit,
  today,
  errors,
}: {
  meeting: MeetingView["meeting"];
  editable: MeetingView["editable"];
  canEdit: boolean;
  today: string;
  errors: IntentErrors;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const asOf = formatDate(locale, meeting.asOf);
  return (
    <>
      <Group gap="sm">
        <Button component={Link} to={`/meetings/${meeting.id}/present`} leftSection={<IconPlayerPlay size={16} />}>
          {t("meetings.present")}
        </Button>
        <Button
          component={Link}
          to={`/meetings/${meeting.id}/protocol`}
          variant="light"
          leftSection={<IconPrinter size={16} />}
        >
          {t("meetings.protocol")}
        </Button>
        <Button
          component="a"
          href={`/meetings/${meeting.id}/protocol.pdf`}
          variant="light"
          leftSection={<IconFileTypePdf size={16} />}
          download
        >
          {t("meetings.protocolPdf")}
        </Button>
      </Group>

      {editable.agenda && (
        <Paper withBorder p="md">
          <Form method="post">
            <input type="hidden" name="intent" value="hold" />
            <input type="hidden" name="version" value={meeting.version} />
            {errors.formError("hold")}
            {today < meeting.date ? (
              <Text size="sm">{t("meetings.holdNotYet", { date: formatDate(locale, meeting.date) })}</Text>
            ) : (
              <Stack gap="xs">
                <Text size="sm">{t("meetings.holdHint", { asOf })}</Text>
                <Group justify="space-between">
                  <Checkbox name="confirmFreeze" required label={t("meetings.holdConfirm", { asOf })} />
                  <Button type="submit" color="teal" leftSection={<IconSnowflake size={16} />}>
                    {t("meetings.hold")}
                  </Button>
                </Group>
              </Stack>
            )}
          </Form>
        </Paper>
      )}
      {meeting.status === "held" && canEdit && (
        <Form method="post">
          <input type="hidden" name="intent" value="approve-minutes" />
          <input type="hidden" name="version" value={meeting.version} />
          {errors.formError("approve-minutes")}
          <Button type="submit" variant="outline" leftSection={<IconLock size={16} />}>
            {t("meetings.approve")}
          </Button>
        </Form>
      )}
    </>
  );
}
