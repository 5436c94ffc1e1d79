import { Alert, Anchor } from "@mantine/core";
import { Link } from "@remix-run/react";
import { IconCircleCheck, IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

interface Counts {
  measures?: { added?: number; changed?: number; unchanged?: number };
  facts?: { added?: number; changed?: number };
}

/** What the last save did: counts from its import batch, or that nothing was saved again. */
export function ImportNotice({
  notice,
  roadMapId,
}: {
  notice: { kind: "saved" | "again" | "nothing"; summary: Record<string, unknown> | null };
  roadMapId: number;
}) {
  const { t } = useTranslation();
  const counts = (notice.summary ?? {}) as Counts;
  const text =
    notice.kind === "nothing"
      ? t("roadMapImport.nothingChanged")
      : notice.kind === "again"
        ? t("roadMapImport.savedBefore")
        : t("roadMapImport.saved", {
            added: counts.measures?.added ?? 0,
            changed: counts.measures?.changed ?? 0,
            unchanged: counts.measures?.unchanged ?? 0,
            facts: (counts.facts?.added ?? 0) + (counts.facts?.changed ?? 0),
          });
  return (
    <Alert
      color={notice.kind === "saved" ? "green" : "blue"}
      icon={notice.kind === "saved" ? <IconCircleCheck size={18} /> : <IconInfoCircle size={18} />}
      data-testid="import-notice"
      role="status"
    >
      {text}{" "}
      <Anchor component={Link} to={`/admin/roadmaps/${roadMapId}`} size="sm">
        {t("roadMapImport.toRoadMap")}
      </Anchor>
    </Alert>
  );
}
