import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import {
  addAgendaItem,
  addAttendee,
  addDecision,
  addFollowUp,
  approveMinutes,
  holdMeeting,
  moveAgendaItem,
  removeAgendaItem,
  removeAttendee,
  saveProtocolItem,
  setDecisionStatus,
  updateMeetingDetails,
} from "./meetings.server";
import { localized, type MeetingIntent } from "./schemas";

/** One parsed form of the meeting page, carried out; every branch checks access itself. */
export async function runMeetingIntent(
  db: Kysely<Database>,
  principal: Principal,
  meetingId: number,
  intent: MeetingIntent,
  today: string,
): Promise<void> {
  switch (intent.intent) {
    case "update-details":
      return updateMeetingDetails(db, principal, meetingId, intent.version, intent);
    case "add-attendee":
      return addAttendee(db, principal, meetingId, {
        fullName: intent.fullName,
        position: localized(intent.positionKk, intent.positionRu),
      });
    case "remove-attendee":
      return removeAttendee(db, principal, meetingId, intent.attendeeId);
    case "add-agenda-item":
      await addAgendaItem(db, principal, meetingId, {
        title: localized(intent.titleKk, intent.titleRu),
        speakerName: intent.speakerName || null,
        speakerPosition: localized(intent.speakerPositionKk, intent.speakerPositionRu),
        links: intent.links,
      });
      return;
    case "remove-agenda-item":
      return removeAgendaItem(db, principal, meetingId, intent.agendaItemId);
    case "move-agenda-item":
      return moveAgendaItem(db, principal, meetingId, intent);
    case "hold":
      return holdMeeting(db, principal, meetingId, intent.version, today);
    case "approve-minutes":
      return approveMinutes(db, principal, meetingId, intent.version);
    case "save-protocol-item":
      return saveProtocolItem(db, principal, meetingId, {
        agendaItemId: intent.agendaItemId,
        version: intent.version,
        heard: localized(intent.heardKk, intent.heardRu),
        spoke: localized(intent.spokeKk, intent.spokeRu),
        decided: localized(intent.decidedKk, intent.decidedRu),
      });
    case "add-decision":
      await addDecision(db, principal, meetingId, {
        kind: intent.kind,
        body: localized(intent.bodyKk, intent.bodyRu),
        departmentId: intent.departmentId ?? null,
        deadline: intent.deadline ?? null,
        agendaItemId: intent.agendaItemId ?? null,
        measureIds: intent.measureIds ?? [],
      });
      return;
    case "set-decision-status":
      return setDecisionStatus(db, principal, { ...intent, today });
    case "add-follow-up":
      return addFollowUp(db, principal, {
        decisionId: intent.decisionId,
        note: localized(intent.noteKk, intent.noteRu),
      });
  }
}
