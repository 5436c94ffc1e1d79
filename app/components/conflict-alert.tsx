import { Alert, List, Text } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { FIELD_KIND, type HistoryField } from "~/domain/audit/history";
import type { EditConflict } from "~/domain/editing/write-errors";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { FieldValue } from "./field-value";

/** A stale edit: who saved in between, when, and what they changed; the user's input stays in the form. */
export function ConflictAlert({ conflict, timeZone }: { conflict: EditConflict; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const deleted = conflict.currentVersion === null;
  const fields = Object.entries(conflict.changes).filter(([field]) => field in FIELD_KIND) as Array<
    [HistoryField, [unknown, unknown]]
  >;
  return (
    <Alert color="orange" icon={<IconUsers />} title={t("editing.staleTitle")} role="alert" data-testid="conflict">
      {deleted ? (
        <Text size="sm">{t("editing.staleDeleted")}</Text>
      ) : (
        <>
          <Text size="sm">
            {t("editing.staleBody", {
              who: conflict.changedBy ?? t("editing.system"),
              when: conflict.changedAt ? formatDateTime(locale, conflict.changedAt, timeZone) : "",
            })}
          </Text>
          {fields.length > 0 && (
            <List size="sm" mt="xs">
              {fields.map(([field, [before, after]]) => (
                <List.Item key={field}>
                  {t(`history.fields.${field}` as ParseKeys)}: <FieldValue field={field} value={before} /> →{" "}
                  <FieldValue field={field} value={after} />
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </Alert>
  );
}
