import { Badge, type MantineColor } from "@mantine/core";
import {
  IconAlertTriangle,
  IconCheck,
  IconCircleCheck,
  IconCircleX,
  IconExclamationMark,
  IconMinus,
  IconX,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Rag } from "~/domain/execution/execution";

export const RAG_COLOR: Record<Rag, MantineColor> = { green: "teal", amber: "yellow", red: "red" };
/** The fill of a RAG bar: dark enough for white text and for a black-and-white print. */
export const RAG_FILL: Record<Rag | "none", string> = {
  green: "#0c8a63",
  amber: "#d08700",
  red: "#c92a2a",
  none: "#adb5bd",
};

const RAG_ICON = { green: IconCircleCheck, amber: IconAlertTriangle, red: IconCircleX };

const RAG_SIGN = { green: IconCheck, amber: IconExclamationMark, red: IconX };

/** The sign of a RAG state, small enough to sit before a figure or a word. */
export function RagSign({ rag }: { rag: Rag | null }) {
  const Sign = rag ? RAG_SIGN[rag] : IconMinus;
  return <Sign size={12} stroke={3} aria-hidden style={{ flexShrink: 0, verticalAlign: "-1px" }} />;
}

/** A RAG mark light enough for tables with many rows: colour, sign and words. */
export function RagMark({ rag }: { rag: Rag | null }) {
  const { t } = useTranslation();
  return (
    <span className={`rag rag-${rag ?? "none"}`}>
      <RagSign rag={rag} />
      {rag ? t(`rag.${rag}`) : t("rag.none")}
    </span>
  );
}

/** RAG in colour, icon and words: never colour alone. */
export function RagBadge({ rag, size = "md" }: { rag: Rag | null; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  const Icon = rag ? RAG_ICON[rag] : IconMinus;
  return (
    <Badge
      color={rag ? RAG_COLOR[rag] : "gray"}
      variant="light"
      size={size}
      leftSection={<Icon size={12} />}
      style={{ textTransform: "none", maxWidth: "none", height: "auto", paddingBlock: 2 }}
      styles={{ label: { whiteSpace: "normal", overflow: "visible", lineHeight: 1.25 } }}
    >
      {rag ? t(`rag.${rag}`) : t("rag.none")}
    </Badge>
  );
}
