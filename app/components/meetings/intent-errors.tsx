import { FormErrors, useErrorText } from "~/components/field-error";
import type { WriteReply } from "~/domain/editing/action.server";

/** The errors of the one form of the meeting page that was sent, by its intent. */
export function useIntentErrors(reply: WriteReply | undefined) {
  const errorText = useErrorText();
  const repliedIntent = reply?.result.initialValue?.intent;
  const error = (intent: string, name: string) =>
    repliedIntent === intent ? errorText(reply?.result.error?.[name] ?? undefined) : undefined;
  const formError = (intent: string) =>
    repliedIntent === intent ? <FormErrors errors={reply?.result.error?.[""] ?? undefined} /> : null;
  const fieldErrors = (intent: string, name: string) =>
    repliedIntent === intent ? (reply?.result.error?.[name] ?? undefined) : undefined;
  return { error, formError, fieldErrors };
}
export type IntentErrors = ReturnType<typeof useIntentErrors>;
