import type { ParseKeys, TFunction } from "i18next";
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { FIELD_KIND, type FieldChange } from "~/domain/audit/history";
import { measureHistory, type HistoryEvent, type HistoryNames } from "~/domain/audit/history.server";
import type { Principal } from "~/domain/auth/access";
import { evidenceHref } from "~/domain/evidence/evidence-kind";
import { measureDetail, type EntryView } from "~/domain/progress/measure.server";
import { subtreeTerritoryIds } from "~/domain/roadmap/roadmap.server";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { pickText, type Locale, type LocalizedText } from "~/i18n/locales";
import type { ExportTable } from "./table";

// A measure's progress entries and its history of changes, as the measure page shows them to the
// same user (its loader's functions: the user's slice of the road map, the same history), as tables.

export const MEASURE_TABLES = ["entries", "history"] as const;
export type MeasureTable = (typeof MEASURE_TABLES)[number];

interface HistoryLine {
  event: HistoryEvent;
  change: FieldChange;
}

const isLocalized = (value: unknown): value is LocalizedText =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A stored value as the history list writes it (FieldValue's words, without the markup). */
function valueText(field: FieldChange["field"], value: unknown, names: HistoryNames, locale: Locale, t: TFunction) {
  if (value === null || value === undefined || value === "") return "";
  const kind = FIELD_KIND[field];
  switch (kind) {
    case "localized":
      return isLocalized(value) ? (pickText(value, locale)?.text ?? "") : String(value);
    case "date":
      return formatDate(locale, String(value));
    case "number":
      return formatNumber(locale, Number(value), 3);
    case "territory":
    case "department":
    case "section": {
      const table =
        kind === "territory" ? names.territories : kind === "department" ? names.departments : names.sections;
      const label = table[Number(value)];
      return label ? (pickText(label, locale)?.text ?? "") : `#${String(value)}`;
    }
    case "enum":
      return t((field === "unit" ? `units.${String(value)}` : `history.controlState.${String(value)}`) as ParseKeys);
    case "links":
      return (Array.isArray(value) ? value : []).map(String).join("\n");
    default:
      return String(value);
  }
}

export async function measureTable<R>(
  db: Kysely<Database>,
  principal: Principal,
  input: {
    measureId: number;
    table: MeasureTable;
    locale: Locale;
    today: string;
    timeZone: string;
    /** The app's address, so that evidence files are links a reader of the file can open. */
    origin: string;
  },
  write: <Row>(table: ExportTable<Row>) => R,
): Promise<R> {
  const { measureId, locale, today } = input;
  const t = translator(locale);
  const detail = await measureDetail(db, principal, measureId, today);
  const { measure } = detail;
  const text = (value: LocalizedText | null | undefined) => pickText(value, locale)?.text ?? "";
  const name = `${t(`export.names.${input.table}`)} ${measure.number}`;
  const titleLines = [
    `${t(`export.names.${input.table}`)}: ${measure.number}. ${text(measure.title)}`,
    text(detail.roadMap.title),
    t("export.exportedOn", { date: formatDate(locale, today) }),
  ];

  if (input.table === "entries") {
    const table: ExportTable<EntryView> = {
      name,
      titleLines,
      columns: [
        { header: t("export.columns.date"), kind: "date", value: (entry) => entry.entryDate },
        { header: t("export.columns.territory"), kind: "text", value: (entry) => text(entry.territoryName), width: 24 },
        {
          header: `${t("export.columns.value")}, ${t(`units.${measure.unit}`)}`,
          kind: "number",
          value: (e) => e.value,
        },
        { header: t("export.columns.peopleReached"), kind: "number", value: (entry) => entry.peopleReached },
        { header: t("export.columns.narrative"), kind: "text", value: (entry) => text(entry.narrative), width: 60 },
        {
          header: t("export.columns.evidence"),
          kind: "text",
          value: (e) =>
            [
              ...e.evidenceLinks,
              ...e.evidenceFiles.map((file) => `${input.origin}${evidenceHref(file.id)} (${file.name})`),
            ].join("\n"),
          width: 36,
        },
        { header: t("export.columns.behindReason"), kind: "text", value: (e) => text(e.behindReason), width: 36 },
        { header: t("export.columns.author"), kind: "text", value: (entry) => entry.author, width: 24 },
      ],
      rows: detail.entries,
    };
    return write(table);
  }

  const slice = detail.roadMap.view.territoryIds
    ? new Set(await subtreeTerritoryIds(db, detail.roadMap.view.territoryIds))
    : null;
  const { events, names } = await measureHistory(db, measureId, { territoryIds: slice });
  const shown = (line: HistoryLine, side: "before" | "after") =>
    valueText(line.change.field, line.change[side], names, locale, t);
  const table: ExportTable<HistoryLine> = {
    name,
    titleLines,
    columns: [
      {
        header: t("export.columns.occurredAt"),
        kind: "text",
        value: (line) => formatDateTime(locale, line.event.occurredAt, input.timeZone),
        width: 17,
      },
      {
        header: t("export.columns.actor"),
        kind: "text",
        value: (line) => line.event.actor ?? t("editing.system"),
        width: 24,
      },
      {
        header: t("export.columns.action"),
        kind: "text",
        value: (line) => t(`history.${line.event.action}`),
        width: 14,
      },
      {
        header: t("export.columns.record"),
        kind: "text",
        value: (line) => t(`history.tables.${line.event.table}`),
        width: 20,
      },
      {
        header: t("export.columns.field"),
        kind: "text",
        value: (line) => t(`history.fields.${line.change.field}` as ParseKeys),
        width: 20,
      },
      { header: t("export.columns.before"), kind: "text", value: (line) => shown(line, "before"), width: 36 },
      { header: t("export.columns.after"), kind: "text", value: (line) => shown(line, "after"), width: 36 },
      { header: t("export.columns.reason"), kind: "text", value: (line) => line.event.reason ?? "", width: 28 },
    ],
    rows: events.flatMap((event) => event.changes.map((change) => ({ event, change }))),
  };
  return write(table);
}
