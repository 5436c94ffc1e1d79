import type { Submission, SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import type { Flash } from "./flash";
import { flashHeader } from "./flash.server";
import { encodeMessage } from "./messages";
import { AlreadySaved } from "./submission.server";
import { NeedsAnswer, RefusedWrite, StaleEdit, writeRefusalOf, type EditConflict, type HeldFile } from "./write-errors";

/** What became of a write; `questions` are what the form must ask before it can save (Q: their shape). */
export type WriteReply<Q = never> =
  | {
      result: SubmissionResult<string[]>;
      saved: true;
      conflict?: undefined;
      alreadySaved?: boolean;
      questions?: undefined;
    }
  | {
      result: SubmissionResult<string[]>;
      saved: false;
      conflict?: EditConflict;
      alreadySaved?: undefined;
      questions?: Q[];
      /** Files the server holds for the answered post. */
      heldFiles?: HeldFile[];
    };

/**
 * Runs a write for a parsed form and tells the user what became of it: saved, refused with a message
 * on the form (or on one field), or stale (with what changed meanwhile). The user's input stays in
 * the form unless it was saved. Anything else is a bug and propagates. After a save the user is sent
 * to `redirectTo` when given (or computed from what the write returned, such as a new record's id), so
 * that reloading the page does not submit again, with `flash` said on the page it lands on.
 */
export async function attemptWrite<T>(
  submission: Submission<unknown>,
  work: () => Promise<T>,
  options: { redirectTo?: string | ((saved: T) => string); flash?: Flash | ((saved: T) => Flash) } = {},
) {
  try {
    const saved = await work();
    if (options.redirectTo) {
      const to = typeof options.redirectTo === "string" ? options.redirectTo : options.redirectTo(saved);
      if (!options.flash) return redirect(to);
      const flash = typeof options.flash === "function" ? options.flash(saved) : options.flash;
      return redirect(to, { headers: { "Set-Cookie": await flashHeader(flash) } });
    }
    return data<WriteReply>({ result: submission.reply({ resetForm: true }), saved: true });
  } catch (error) {
    // The same form render was saved before: nothing new was saved, and the form is cleared.
    if (error instanceof AlreadySaved) {
      return data<WriteReply>({ result: submission.reply({ resetForm: true }), saved: true, alreadySaved: true });
    }
    if (error instanceof StaleEdit) {
      return data<WriteReply>({ result: submission.reply(), saved: false, conflict: error.conflict }, { status: 409 });
    }
    // Not saved until the user answers (confirms a figure, gives a reason): the form asks, input kept.
    if (error instanceof NeedsAnswer) {
      return data<WriteReply<unknown>>(
        {
          result: submission.reply({ fieldErrors: error.fieldErrors }),
          saved: false,
          questions: error.questions,
          heldFiles: error.heldFiles,
        },
        { status: 422 },
      );
    }
    if (error instanceof RefusedWrite) {
      const message = encodeMessage(error.messageKey, error.values);
      const result = error.field
        ? submission.reply({ fieldErrors: { [error.field]: [message] } })
        : submission.reply({ formErrors: [message] });
      return data<WriteReply>({ result, saved: false }, { status: 422 });
    }
    const refusal = writeRefusalOf(error);
    if (refusal) {
      return data<WriteReply>(
        { result: submission.reply({ formErrors: [encodeMessage(refusal.messageKey)] }), saved: false },
        { status: 422 },
      );
    }
    throw error;
  }
}

/**
 * A parse that failed: the form shows its field errors with the user's input. `lists` names the form's
 * list fields: a post that sent one of them as anything but a list (no browser form does) is not echoed
 * back, since the form could not render it.
 */
export function invalid(submission: Submission<unknown>, options: { lists?: string[] } = {}) {
  const reply = submission.reply();
  const initialValue = reply.initialValue;
  if (initialValue && options.lists?.some((name) => name in initialValue && !isListOfFieldsets(initialValue[name]))) {
    reply.initialValue = null;
  }
  return data<WriteReply>({ result: reply, saved: false }, { status: 400 });
}

function isListOfFieldsets(value: unknown): boolean {
  return (
    Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && !Array.isArray(item))
  );
}
