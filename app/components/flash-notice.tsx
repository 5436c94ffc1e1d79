import { Notification } from "@mantine/core";
import { useRouteLoaderData } from "@remix-run/react";
import { IconCircleCheck } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { loader as rootLoader } from "~/root";

/**
 * What the last submit did («Есеп тексеруге жіберілді»), once, on the page it led to. Drawn by the
 * server from the root loader's flash, so it shows without JavaScript too; with it, it can be closed.
 */
export function FlashNotice() {
  const flash = useRouteLoaderData<typeof rootLoader>("root")?.flash ?? null;
  const { t } = useTranslation();
  const [closed, setClosed] = useState(false);
  // A new notice (a new submit) opens again.
  useEffect(() => setClosed(false), [flash]);
  if (!flash || closed) return null;
  return (
    <Notification
      role="status"
      data-testid="flash"
      color="teal"
      icon={<IconCircleCheck size={20} />}
      withBorder
      mb="md"
      maw={720}
      mx="auto"
      onClose={() => setClosed(true)}
      closeButtonProps={{ "aria-label": t("flash.dismiss") }}
    >
      {t(`flash.${flash.key}`, { count: flash.count ?? 0 })}
    </Notification>
  );
}
