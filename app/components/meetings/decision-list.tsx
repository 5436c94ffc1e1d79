import { Button, Group, Paper, Stack, Text, Textarea, SimpleGrid } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import type { DecisionView } from "~/domain/meetings/meeting-view.server";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { DecisionStateBadge } from "./decision-state";

/** Decisions with their state and follow-up notes; the council changes states, the responsible department writes notes. */
export function DecisionList({
  decisions,
  canSetStatus,
  action,
  showMeeting = false,
}: {
  decisions: DecisionView[];
  canSetStatus: boolean;
  action?: string;
  showMeeting?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="sm">
      {decisions.map((d) => (
        <Paper key={d.id} withBorder p="sm" data-testid="decision">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                {t(`meetings.kind.${d.kind}`)}
                {showMeeting && ` · ${t("meetings.fromMeeting", { date: formatDate(locale, d.meetingDate) })}`}
              </Text>
              <Text>
                <Localized value={d.body} />
              </Text>
              <Text size="sm" c="dimmed">
                {t("meetings.department")}: {d.department ? <Localized value={d.department} /> : "—"}
                {d.deadline && ` · ${t("meetings.deadline")}: ${formatDate(locale, d.deadline)}`}
                {d.measureNumbers.length > 0 && ` · ${t("meetings.measures")}: ${d.measureNumbers.join(", ")}`}
              </Text>
            </div>
            <DecisionStateBadge state={d.state} />
          </Group>
          {d.followUps.length > 0 && (
            <Stack gap={2} mt="xs" pl="sm" style={{ borderLeft: "3px solid var(--mantine-color-gray-3)" }}>
              <Text size="xs" fw={700}>
                {t("meetings.followUps")}
              </Text>
              {d.followUps.map((f) => (
                <Text key={f.id} size="sm">
                  <Localized value={f.note} />{" "}
                  <Text component="span" size="xs" c="dimmed">
                    — {f.author}, {f.at}
                  </Text>
                </Text>
              ))}
            </Stack>
          )}
          {(canSetStatus || d.mayFollowUp) && (
            <Group gap="xs" mt="xs" align="flex-end">
              {canSetStatus && (
                <Form method="post" action={action}>
                  <input type="hidden" name="intent" value="set-decision-status" />
                  <input type="hidden" name="decisionId" value={d.id} />
                  <input type="hidden" name="version" value={d.version} />
                  <Group gap={4}>
                    {d.status === "open" ? (
                      <>
                        <Button type="submit" name="status" value="done" size="xs" color="teal" variant="light">
                          {t("meetings.markDone")}
                        </Button>
                        <Button type="submit" name="status" value="withdrawn" size="xs" color="gray" variant="light">
                          {t("meetings.withdraw")}
                        </Button>
                      </>
                    ) : (
                      <Button type="submit" name="status" value="open" size="xs" variant="light">
                        {t("meetings.reopen")}
                      </Button>
                    )}
                  </Group>
                </Form>
              )}
              {d.mayFollowUp && (
                <Form
                  method="post"
                  action={action}
                  style={{ flex: 1, minWidth: 240 }}
                  key={`follow-up-${d.followUps.length}`}
                >
                  <input type="hidden" name="intent" value="add-follow-up" />
                  <input type="hidden" name="decisionId" value={d.id} />
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <Textarea
                      name="noteKk"
                      label={t("meetings.noteKk")}
                      autosize
                      minRows={1}
                      maxLength={4000}
                      size="xs"
                    />
                    <Textarea
                      name="noteRu"
                      label={t("meetings.noteRu")}
                      autosize
                      minRows={1}
                      maxLength={4000}
                      size="xs"
                    />
                  </SimpleGrid>
                  <Button type="submit" size="xs" variant="default" mt={4}>
                    {t("meetings.addFollowUp")}
                  </Button>
                </Form>
              )}
            </Group>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
