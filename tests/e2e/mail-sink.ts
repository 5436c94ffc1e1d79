// The browser tests' mail server: a real SMTP server on loopback (tests/mail/smtp-sink.ts) that the app
// under test sends to; each mail is written to MAIL_DIR as JSON (recipients, subject, text), for the
// tests to read as a person reads their inbox. Started by playwright.config.ts beside the app.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startSmtpSink } from "../mail/smtp-sink";

const dir = process.env.MAIL_DIR ?? "./data/e2e-mail";
const port = Number(process.env.SMTP_PORT ?? 5100);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
let received = 0;
const sink = await startSmtpSink({
  port,
  onMail: (_raw, mail) => {
    received += 1;
    writeFileSync(path.join(dir, `${String(received).padStart(5, "0")}.json`), JSON.stringify(mail));
  },
});
const stop = () => void sink.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
