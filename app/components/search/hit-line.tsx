import { Text } from "@mantine/core";
import { Localized } from "~/components/localized";
import type { ShownHit } from "~/domain/search/search-kinds";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

/** One hit: its number or date, its title, and where it belongs. */
export function HitLine({ hit }: { hit: ShownHit }) {
  const locale = useLocale();
  const label =
    hit.label && (hit.kind === "meeting" || hit.kind === "decision") ? formatDate(locale, hit.label) : hit.label;
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" fw={600} lineClamp={2} style={{ overflowWrap: "anywhere" }}>
        {label && `${label}. `}
        <Localized value={hit.title} />
      </Text>
      {hit.context && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          <Localized value={hit.context} />
        </Text>
      )}
    </div>
  );
}
