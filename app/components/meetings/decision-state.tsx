import { Badge, type MantineColor } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconClock, IconMinus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { DecisionState } from "~/domain/meetings/rules";

const COLOR: Record<DecisionState, MantineColor> = { open: "steppe", done: "teal", overdue: "red", withdrawn: "gray" };
const ICON = { open: IconClock, done: IconCircleCheck, overdue: IconAlertTriangle, withdrawn: IconMinus };

/** A decision's state in colour, sign and words. */
export function DecisionStateBadge({ state, size = "md" }: { state: DecisionState; size?: "md" | "lg" | "xl" }) {
  const { t } = useTranslation();
  const Icon = ICON[state];
  return (
    <Badge
      color={COLOR[state]}
      variant={state === "overdue" ? "filled" : "light"}
      size={size}
      leftSection={<Icon size={14} />}
      style={{ textTransform: "none", maxWidth: "none", flexShrink: 0 }}
      styles={{ label: { overflow: "visible" } }}
    >
      {t(`meetings.decisionState.${state}`)}
    </Badge>
  );
}
