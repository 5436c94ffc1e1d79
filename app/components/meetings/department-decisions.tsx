import { Alert, Paper, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { DecisionView } from "~/domain/meetings/meeting-view.server";
import { DecisionList } from "./decision-list";

/** On a department's start page: the councils' open decisions it answers for, overdue ones first. */
export function DepartmentDecisions({ decisions }: { decisions: DecisionView[] }) {
  const { t } = useTranslation();
  if (decisions.length === 0) return null;
  const overdue = decisions.filter((d) => d.state === "overdue").length;
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} data-testid="department-decisions">
      <Title order={2} size="h4" mb="xs">
        {t("meetings.myDecisions")}
      </Title>
      {overdue > 0 && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="sm">
          {t("meetings.myDecisionsOverdue", { count: overdue })}
        </Alert>
      )}
      <DecisionList decisions={decisions} canSetStatus={false} showMeeting />
    </Paper>
  );
}
