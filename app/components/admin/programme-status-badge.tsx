import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProgrammeStatus } from "~db/schema";

const COLOR: Record<ProgrammeStatus, string> = {
  draft: "gray",
  under_approval: "yellow",
  approved: "teal",
  in_force: "green",
  completed: "blue",
  archived: "dark",
};

export function ProgrammeStatusBadge({ status }: { status: ProgrammeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" style={{ textTransform: "none" }}>
      {t(`admin.status.${status}`)}
    </Badge>
  );
}
