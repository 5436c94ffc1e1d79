import { ActionIcon, Group, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { IconArrowLeft, IconChevronLeft, IconChevronRight, IconMaximize } from "@tabler/icons-react";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "~/components/language-switcher";

/**
 * The presentation's bar below the slide (never over it): exit, language, previous / next and full
 * screen. Previous and next are links to `?slide=`, so that the slides page without JavaScript too.
 */
export function SlideControls(props: { meetingId: number; index: number; total: number; go: (index: number) => void }) {
  const { t } = useTranslation();
  const { index, total } = props;
  const step = (to: number, label: string, icon: JSX.Element) => {
    const disabled = to < 0 || to >= total;
    const follow = (event: MouseEvent) => {
      event.preventDefault();
      props.go(to);
    };
    return disabled ? (
      <ActionIcon variant="light" size="lg" disabled aria-label={label}>
        {icon}
      </ActionIcon>
    ) : (
      <ActionIcon
        component={Link}
        to={`?slide=${to + 1}`}
        variant="light"
        size="lg"
        aria-label={label}
        onClick={follow}
      >
        {icon}
      </ActionIcon>
    );
  };
  return (
    <Group className="presentation-controls" justify="space-between" gap="xs">
      <Group gap="xs">
        <ActionIcon
          component={Link}
          to={`/meetings/${props.meetingId}`}
          variant="subtle"
          size="lg"
          aria-label={t("meetings.slides.exit")}
        >
          <IconArrowLeft size={20} />
        </ActionIcon>
        <LanguageSwitcher />
      </Group>
      <Group gap="xs" wrap="nowrap">
        {step(index - 1, t("meetings.slides.previous"), <IconChevronLeft size={20} />)}
        <Text fw={700} className="tabular" aria-live="polite" data-testid="slide-counter">
          {t("meetings.slides.of", { current: index + 1, total })}
        </Text>
        {step(index + 1, t("meetings.slides.next"), <IconChevronRight size={20} />)}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" visibleFrom="sm">
          {t("meetings.slides.keys")}
        </Text>
        <ActionIcon
          variant="subtle"
          size="lg"
          onClick={() => void document.documentElement.requestFullscreen?.()}
          aria-label={t("meetings.slides.fullscreen")}
        >
          <IconMaximize size={20} />
        </ActionIcon>
      </Group>
    </Group>
  );
}
