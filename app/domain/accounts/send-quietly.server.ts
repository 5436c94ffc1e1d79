import type { Mailer, OutgoingMail } from "~/domain/mail/mailer.server";

/**
 * Sends a mail that the answer to the request does not wait for. A failure is logged for the operator:
 * the user cannot act on it, and telling them would say which accounts exist.
 */
export function sendQuietly(mail: Mailer, message: OutgoingMail): Promise<void> {
  return mail.send(message).catch((error: unknown) => {
    console.error("A mail could not be sent:", error);
  });
}
