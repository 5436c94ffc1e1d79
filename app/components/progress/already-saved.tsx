import { Alert } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** Told when a form render was posted again (double click, back button, retry): nothing new was saved. */
export function AlreadySavedNotice({ show }: { show: boolean | undefined }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <Alert color="blue" icon={<IconInfoCircle />} role="status" data-testid="already-saved">
      {t("entryRules.alreadySaved")}
    </Alert>
  );
}
