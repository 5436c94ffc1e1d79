import { Badge, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PageText } from "~/i18n/locales";

/** Record text in the reader's language; when it fell back to another one, says so. */
export function Localized({ value }: { value: PageText | null }) {
  const { t } = useTranslation();
  if (!value) return null;
  if (typeof value === "string") return <>{value}</>;
  if (!value.fellBack) return <>{value.text}</>;
  const explanation = t(`oneLanguage.shownIn.${value.locale}`);
  return (
    <>
      <span lang={value.locale}>{value.text}</span>{" "}
      <Tooltip label={explanation} withArrow>
        <Badge
          component="abbr"
          title={explanation}
          size="xs"
          variant="outline"
          color="gray"
          style={{ verticalAlign: "middle", textDecoration: "none" }}
        >
          {t(`language.shownInShort.${value.locale}`)}
        </Badge>
      </Tooltip>
    </>
  );
}
