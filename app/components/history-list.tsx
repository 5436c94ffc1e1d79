import { Badge, Group, Stack, Text, Timeline } from "@mantine/core";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import type { HistoryEvent, HistoryNames } from "~/domain/audit/history.server";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { FieldValue } from "./field-value";

type SerializedEvent = Omit<HistoryEvent, "occurredAt"> & { occurredAt: string | Date };

/** A record's changes as readable differences, newest first. */
export function HistoryList({
  events,
  names,
  timeZone,
}: {
  events: SerializedEvent[];
  names: HistoryNames;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (events.length === 0) return <Text c="dimmed">{t("measurePage.noHistory")}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {events.map((event) => (
        <Timeline.Item
          key={event.id}
          title={
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {event.actor ?? t("editing.system")}
              </Text>
              <Text size="sm">{t(`history.${event.action}`)}</Text>
              <Badge variant="light" color="gray" style={{ textTransform: "none" }}>
                {t(`history.tables.${event.table}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDateTime(locale, event.occurredAt, timeZone)}
              </Text>
            </Group>
          }
        >
          <Stack gap={4} mt={4}>
            {event.reason && (
              <Text size="sm" fs="italic">
                {t("history.reason", { reason: event.reason })}
              </Text>
            )}
            {/* A plain table styled once in app.css: a long history page stays light. */}
            <table className="history-changes">
              <tbody>
                {event.changes.map((change) => (
                  <tr key={change.field}>
                    <td>{t(`history.fields.${change.field}` as ParseKeys)}</td>
                    <td>
                      {event.action === "update" ? (
                        <>
                          <s>
                            <FieldValue field={change.field} value={change.before} names={names} />
                          </s>{" "}
                          → <FieldValue field={change.field} value={change.after} names={names} />
                        </>
                      ) : (
                        <FieldValue
                          field={change.field}
                          value={event.action === "delete" ? change.before : change.after}
                          names={names}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
