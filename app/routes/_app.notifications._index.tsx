import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { IconChecks, IconSettings } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { NotificationList } from "~/components/notifications/notification-list";
import { PageLinks } from "~/components/progress/page-links";
import { requirePrincipal } from "~/domain/auth/session.server";
import { markAllRead, notificationPage, openNotification } from "~/domain/notifications/center.server";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { formatDateTime } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const locale = await localeOf(request);
  const db = await database();
  const page = await notificationPage(db, principal.id, locale, new URL(request.url).searchParams.get("page"));
  const timeZone = env().APP_TIME_ZONE;
  return {
    pageTitle: translator(locale)("notifications.title"),
    unread: page.unread,
    paging: page.paging,
    items: page.items.map(({ createdAt, ...item }) => ({ ...item, when: formatDateTime(locale, createdAt, timeZone) })),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  z.object({ intent: z.literal("read-all") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const db = await database();
  if (parsed.data.intent === "read-all") {
    await markAllRead(db, principal.id);
    return redirect("/notifications");
  }
  // Only the user's own notification opens; any other id is none of theirs.
  const link = await openNotification(db, principal.id, parsed.data.id);
  if (!link) throw new Response("Not found", { status: 404 });
  return redirect(link);
}

export default function NotificationsPage() {
  const { items, unread, paging } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={760} mx="auto">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Title order={1} size="h3">
          {t("notifications.title")}
        </Title>
        <Button
          component={Link}
          to="/notifications/settings"
          variant="subtle"
          size="sm"
          leftSection={<IconSettings size={16} />}
        >
          {t("notifications.settings")}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Alert color="gray">{t("notifications.empty")}</Alert>
      ) : (
        <>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed" data-testid="unread-summary">
              {unread > 0 ? t("notifications.unreadCount", { count: unread }) : t("notifications.allRead")}
            </Text>
            {unread > 0 && (
              <Form method="post">
                <input type="hidden" name="intent" value="read-all" />
                <Button type="submit" variant="light" size="xs" leftSection={<IconChecks size={14} />}>
                  {t("notifications.markAllRead")}
                </Button>
              </Form>
            )}
          </Group>
          <NotificationList items={items} />
          <PageLinks
            param="page"
            page={paging.page}
            more={paging.page < paging.pages}
            summary={paging.pages > 1 ? t("notifications.pageOf", { page: paging.page }) : undefined}
          />
        </>
      )}
    </Stack>
  );
}
