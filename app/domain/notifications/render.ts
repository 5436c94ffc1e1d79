import type { TFunction } from "i18next";
import { formatDate } from "~/i18n/format";
import { pickText, type Locale, type LocalizedText } from "~/i18n/locales";
import { DATE_PARAMS, type NotificationKind, type NotificationParams } from "./kinds";

export interface RenderedNotification {
  title: string;
  body: string | null;
}

function isLocalized(value: unknown): value is LocalizedText {
  return typeof value === "object" && value !== null;
}

/** The interpolation values of a notification's words in one language. */
export function notificationValues(locale: Locale, params: NotificationParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === null) values[name] = "";
    else if (isLocalized(value)) values[name] = pickText(value, locale)?.text ?? "";
    else if (typeof value === "string" && DATE_PARAMS.has(name) && /^\d{4}-\d{2}-\d{2}$/.test(value))
      values[name] = formatDate(locale, value);
    else values[name] = String(value);
  }
  return values;
}

/** A notification's title and body in the reader's language, from its kind and parameters. */
export function renderNotification(
  t: TFunction,
  locale: Locale,
  kind: NotificationKind,
  params: NotificationParams,
): RenderedNotification {
  // Parameters differ by kind, so they are a record rather than one shape i18next's types could check.
  const text = t as unknown as (key: string, values: Record<string, string>) => string;
  const values = notificationValues(locale, params);
  if (params.year !== undefined && params.quarter !== undefined && params.quarter !== null) {
    values.period = text("notifications.quarter", { year: values.year!, quarter: values.quarter! });
  } else if (params.year !== undefined) {
    values.period = text("notifications.year", { year: values.year! });
  }
  const title = text(`notifications.kinds.${kind}.title`, values);
  const body = text(`notifications.kinds.${kind}.body`, values);
  return { title, body: body.trim() ? body : null };
}
