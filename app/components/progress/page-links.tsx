import { Button, Group, Text } from "@mantine/core";
import { Link, useLocation } from "@remix-run/react";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/**
 * Links to the newer and older page of a list shown newest first. The page is a query parameter, so
 * the links work without JavaScript; the page's other parameters are kept.
 */
export function PageLinks({
  param,
  page,
  more,
  summary,
  anchor,
  labels,
}: {
  param: string;
  page: number;
  more: boolean;
  summary?: string;
  anchor?: string;
  /** For a list not ordered by time: what the links say instead of «newer» and «older». */
  labels?: { previous: string; next: string };
}) {
  const { t } = useTranslation();
  const location = useLocation();
  if (page <= 1 && !more) return null;
  const hrefOf = (target: number) => {
    const search = new URLSearchParams(location.search);
    search.delete("edit");
    if (target <= 1) search.delete(param);
    else search.set(param, String(target));
    const query = search.toString();
    return `${location.pathname}${query ? `?${query}` : ""}${anchor ? `#${anchor}` : ""}`;
  };
  return (
    <Group component="nav" aria-label={t("paging.pages")} justify="space-between" mt="md" wrap="wrap">
      {page > 1 ? (
        <Button
          component={Link}
          to={hrefOf(page - 1)}
          variant="light"
          size="xs"
          leftSection={<IconChevronLeft size={14} />}
        >
          {labels?.previous ?? t("paging.newer")}
        </Button>
      ) : (
        <span />
      )}
      {summary && (
        <Text size="sm" c="dimmed">
          {summary}
        </Text>
      )}
      {more ? (
        <Button
          component={Link}
          to={hrefOf(page + 1)}
          variant="light"
          size="xs"
          rightSection={<IconChevronRight size={14} />}
          data-testid={`${param}-older`}
        >
          {labels?.next ?? t("paging.older")}
        </Button>
      ) : (
        <span />
      )}
    </Group>
  );
}
