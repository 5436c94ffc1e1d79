import { IconArrowRight, IconCheck, IconExclamationMark, IconHourglass, IconMinus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { MeasureStatus } from "~/domain/execution/execution";

export const STATUS_ORDER: MeasureStatus[] = ["done", "on_track", "behind", "overdue", "removed"];

// A mark per status as well as a colour and a word: never colour alone. The marks are the icon set's
// SVGs, not characters: an emoji such as ⌛ is an empty box where no emoji font is installed.
const MARK = {
  done: IconCheck,
  on_track: IconArrowRight,
  behind: IconExclamationMark,
  overdue: IconHourglass,
  removed: IconMinus,
} satisfies Record<MeasureStatus, unknown>;

export function StatusLabel({ status, count }: { status: MeasureStatus; count?: number }) {
  const { t } = useTranslation();
  const Mark = MARK[status];
  return (
    <span className={`status status-${status}`}>
      <span className="status-mark" aria-hidden>
        <Mark size={12} stroke={3} />
      </span>
      {t(`status.${status}`)}
      {count !== undefined && <b className="tabular">{count}</b>}
    </span>
  );
}
