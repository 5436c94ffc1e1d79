import type { Transporter } from "nodemailer";
import { env } from "~/env.server";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends mail through the configured SMTP server; without `SMTP_URL` nothing is sent and `configured` is false. */
export interface Mailer {
  readonly configured: boolean;
  send(mail: OutgoingMail): Promise<void>;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  // One pooled connection per process: reminders go out in batches and should not open one each.
  // nodemailer is loaded by the first mail, not by every worker at start (ADR 36).
  let transport: Promise<Transporter> | undefined;
  return {
    configured: true,
    async send(mail) {
      transport ??= import("nodemailer").then(({ default: nodemailer }) =>
        nodemailer.createTransport(smtpUrl.includes("?") ? smtpUrl : `${smtpUrl}?pool=true`),
      );
      await (await transport).sendMail({ from, ...mail });
    },
  };
}

const noMailer: Mailer = {
  configured: false,
  async send() {},
};

let cached: Mailer | undefined;
export function mailer(): Mailer {
  const { SMTP_URL, MAIL_FROM } = env();
  cached ??= SMTP_URL ? smtpMailer(SMTP_URL, MAIL_FROM) : noMailer;
  return cached;
}

/**
 * An absolute link for a mail: `PUBLIC_URL` when set, otherwise this machine. Never the request's `Host`,
 * which the client chooses: a forged request must not get a reset link to another site mailed to a victim.
 */
export function mailLink(path: string): string {
  const origin = env().PUBLIC_URL ?? `http://localhost:${env().PORT}`;
  return new URL(path, origin).toString();
}
