import { useTranslation } from "react-i18next";
import type { MeasureStatus } from "~/domain/execution/execution";

export const STATUS_ORDER: MeasureStatus[] = ["done", "on_track", "behind", "overdue", "removed"];

// A mark per status as well as a colour and a word: never colour alone. Plain elements and CSS
// (app.css), since a dashboard shows hundreds of these.
const MARK: Record<MeasureStatus, string> = { done: "✓", on_track: "→", behind: "!", overdue: "⌛", removed: "–" };

export function StatusLabel({ status, count }: { status: MeasureStatus; count?: number }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}`}>
      <span className="status-mark" aria-hidden>
        {MARK[status]}
      </span>
      {t(`status.${status}`)}
      {count !== undefined && <b className="tabular">{count}</b>}
    </span>
  );
}
