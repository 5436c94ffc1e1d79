import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import type { ReceivedMail } from "../mail/smtp-sink";
import { e2eMailDir } from "./mail-settings";

/** The mails the browser tests' SMTP server received for an address, oldest first. */
export function mailsTo(address: string): ReceivedMail[] {
  const dir = e2eMailDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as ReceivedMail)
    .filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}

/** Waits for the `count`th mail to an address, as one waits for it in an inbox. */
export async function waitForMail(address: string, count = 1): Promise<ReceivedMail> {
  await expect
    .poll(() => mailsTo(address).length, { timeout: 15_000, message: `mail to ${address}` })
    .toBeGreaterThanOrEqual(count);
  return mailsTo(address)[count - 1]!;
}
