import { z } from "zod";
import { isIsoDate } from "~/domain/periods/quarter";
import type { LocalizedText } from "~/i18n/locales";
import { idSchema } from "~/domain/ids";

// The forms of the council and meeting pages. Messages are dictionary keys.

const id = idSchema;
const version = z.coerce.number().int().positive();
const optionalText = (max: number) => z.string().trim().max(max, "validation.tooLong").optional();
const isoDate = z
  .string({ error: "validation.required" })
  .trim()
  .refine((value) => isIsoDate(value) && value >= "2000-01-01" && value <= "2100-12-31", "errors.invalidDate");

/** kk and ru fields of one text; at least one filled in when the text is required. */
export function localized(kk: string | undefined, ru: string | undefined): LocalizedText | null {
  const text: LocalizedText = {};
  if (kk?.trim()) text.kk = kk.trim();
  if (ru?.trim()) text.ru = ru.trim();
  return Object.keys(text).length ? text : null;
}

const details = {
  number: optionalText(40),
  meetingDate: isoDate,
  placeKk: optionalText(300),
  placeRu: optionalText(300),
  chairName: optionalText(200),
  asOf: isoDate,
  includeCurrentQuarter: z.literal("on").optional(),
};

export const meetingDetailsSchema = z
  .object(details)
  .refine((value) => value.asOf <= value.meetingDate, { message: "meetings.errors.asOfAfterDate", path: ["asOf"] });
export type MeetingDetailsInput = z.infer<typeof meetingDetailsSchema>;

export const createMeetingSchema = z.object({ intent: z.literal("create-meeting") }).and(meetingDetailsSchema);

/** A link of an agenda item, as the form sends it: «section:3», «measure:12», «indicator:4». */
const link = z
  .string()
  .regex(/^(section|measure|indicator):[1-9][0-9]{0,9}$/, "meetings.errors.invalid")
  .transform((value) => {
    const [kind, ref] = value.split(":") as ["section" | "measure" | "indicator", string];
    return { kind, id: Number(ref) };
  });
export type AgendaLink = z.output<typeof link>;

export const meetingIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update-details"), version, ...details }),
  z.object({
    intent: z.literal("add-attendee"),
    fullName: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .max(200, "validation.tooLong"),
    positionKk: optionalText(300),
    positionRu: optionalText(300),
  }),
  z.object({ intent: z.literal("remove-attendee"), attendeeId: id }),
  z.object({
    intent: z.literal("add-agenda-item"),
    titleKk: optionalText(500),
    titleRu: optionalText(500),
    speakerName: optionalText(200),
    speakerPositionKk: optionalText(300),
    speakerPositionRu: optionalText(300),
    links: z.array(link, { error: "meetings.errors.linkRequired" }).min(1, "meetings.errors.linkRequired").max(20),
  }),
  z.object({ intent: z.literal("remove-agenda-item"), agendaItemId: id }),
  z.object({
    intent: z.literal("move-agenda-item"),
    agendaItemId: id,
    version,
    direction: z.enum(["up", "down"]),
  }),
  z.object({
    intent: z.literal("hold"),
    version,
    // Holding freezes every figure for good: the form asks the secretary to confirm it, with or without JavaScript.
    confirmFreeze: z.literal("on", { error: "meetings.errors.holdConfirm" }),
  }),
  z.object({ intent: z.literal("approve-minutes"), version }),
  z.object({
    intent: z.literal("save-protocol-item"),
    agendaItemId: id,
    version,
    heardKk: optionalText(8000),
    heardRu: optionalText(8000),
    spokeKk: optionalText(8000),
    spokeRu: optionalText(8000),
    decidedKk: optionalText(8000),
    decidedRu: optionalText(8000),
  }),
  z.object({
    intent: z.literal("add-decision"),
    kind: z.enum(["proposal", "instruction"], { error: "validation.required" }),
    bodyKk: optionalText(4000),
    bodyRu: optionalText(4000),
    departmentId: id.optional(),
    deadline: isoDate.optional(),
    agendaItemId: id.optional(),
    measureIds: z.array(id).max(50).optional(),
  }),
  z.object({
    intent: z.literal("set-decision-status"),
    decisionId: id,
    version,
    status: z.enum(["open", "done", "withdrawn"]),
  }),
  z.object({
    intent: z.literal("add-follow-up"),
    decisionId: id,
    noteKk: optionalText(4000),
    noteRu: optionalText(4000),
  }),
]);
export type MeetingIntent = z.infer<typeof meetingIntentSchema>;

export const followUpSchema = z.object({
  intent: z.literal("add-follow-up"),
  decisionId: id,
  noteKk: optionalText(4000),
  noteRu: optionalText(4000),
});
