import { Alert, Button, Group, List, Text } from "@mantine/core";
import { Form, Link } from "@remix-run/react";
import { IconAlertTriangle, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import type { ShownText } from "~/i18n/locales";

export interface PendingReport {
  departmentId: number;
  name: ShownText | null;
  state: "missing" | "submitted" | "returned";
}

/**
 * Closing a quarter locks every entry in it: the admin sees which reports are still missing, unreviewed
 * or sent back, and confirms. A plain form, so it works without JavaScript.
 */
export function CloseConfirmation({
  quarterKey,
  quarterLabel,
  pending,
  cancelTo,
}: {
  quarterKey: string;
  quarterLabel: string;
  pending: PendingReport[];
  cancelTo: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color={pending.length ? "orange" : "blue"}
      icon={<IconAlertTriangle size={18} />}
      title={t("periods.confirmTitle", { quarter: quarterLabel })}
      data-testid="close-confirmation"
    >
      <Text size="sm">{t("periods.confirmBody")}</Text>
      {pending.length ? (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t("periods.confirmPending")}
          </Text>
          <List size="sm">
            {pending.map((report) => (
              <List.Item key={report.departmentId}>
                <Localized value={report.name} /> — {t(`periods.pending.${report.state}`)}
              </List.Item>
            ))}
          </List>
        </>
      ) : (
        <Text size="sm" mt="sm">
          {t("periods.confirmNothingPending")}
        </Text>
      )}
      <Form method="post">
        <input type="hidden" name="quarter" value={quarterKey} />
        <input type="hidden" name="confirmClose" value="on" />
        <Group mt="md" gap="sm">
          <Button type="submit" name="intent" value="close" color="orange" leftSection={<IconLock size={16} />}>
            {t("periods.confirmClose")}
          </Button>
          <Button component={Link} to={cancelTo} variant="default">
            {t("periods.cancel")}
          </Button>
        </Group>
      </Form>
    </Alert>
  );
}
