import { Anchor, Text } from "@mantine/core";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { FIELD_KIND, type HistoryField } from "~/domain/audit/history";
import type { HistoryNames } from "~/domain/audit/history.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { pickText, type LocalizedText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";
import { Localized } from "./localized";

const isLocalized = (value: unknown): value is LocalizedText =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A stored value of a record's field, as a reader would write it. */
export function FieldValue({ field, value, names }: { field: HistoryField; value: unknown; names?: HistoryNames }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (value === null || value === undefined || value === "") {
    return (
      <Text span c="dimmed" fs="italic" size="sm">
        {t("history.empty")}
      </Text>
    );
  }
  const kind = FIELD_KIND[field];
  switch (kind) {
    case "localized":
      return isLocalized(value) ? <Localized value={pickText(value, locale)} /> : <>{String(value)}</>;
    case "date":
      return <>{formatDate(locale, String(value))}</>;
    case "number":
      return <>{formatNumber(locale, Number(value), 3)}</>;
    case "territory":
    case "department":
    case "section": {
      const table =
        kind === "territory" ? names?.territories : kind === "department" ? names?.departments : names?.sections;
      const label = table?.[Number(value)];
      return label ? <Localized value={pickText(label, locale)} /> : <>#{String(value)}</>;
    }
    case "enum":
      return (
        <>{t((field === "unit" ? `units.${String(value)}` : `history.controlState.${String(value)}`) as ParseKeys)}</>
      );
    case "links":
      return (
        <>
          {(Array.isArray(value) ? value : []).map((link: unknown) => (
            <Anchor
              key={String(link)}
              href={String(link)}
              target="_blank"
              rel="noopener noreferrer nofollow"
              size="sm"
              mr="xs"
            >
              {String(link)}
            </Anchor>
          ))}
        </>
      );
    default:
      return <>{String(value)}</>;
  }
}
