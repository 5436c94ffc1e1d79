import { ActionIcon, Indicator } from "@mantine/core";
import { Link } from "@remix-run/react";
import { IconBell } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** The header's bell: a plain link to /notifications (it works without JavaScript) with the unread count. */
export function NotificationBell({ unread }: { unread: number }) {
  const { t } = useTranslation();
  const label = unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell");
  return (
    <Indicator
      label={<span data-testid="notification-count">{unread > 99 ? "99+" : unread}</span>}
      size={18}
      color="red"
      disabled={unread === 0}
      offset={4}
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        size="lg"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
      >
        <IconBell size={20} />
      </ActionIcon>
    </Indicator>
  );
}
