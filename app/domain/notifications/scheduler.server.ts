import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { Mailer } from "~/domain/mail/mailer.server";
import { todayIn } from "~/domain/periods/quarter";
import { dropStaleMail, sendDueMail } from "./outbox.server";
import { scanReminders } from "./scan.server";

// Runs in every server process (each cluster worker, each server on one PostgreSQL): the unique keys
// of notification and the claimed outbox make the copies harmless (docs/decisions/0029).

const STOP_WAIT_MS = 3_000;

export interface SchedulerOptions {
  db: Kysely<Database>;
  mailer: Mailer;
  timeZone: string;
  origin: string;
  /** How often time-based reminders are looked for. */
  scanEveryMs?: number;
  /** How often the outbox is looked at. */
  sendEveryMs?: number;
  onError: (error: unknown) => void;
}

export interface Scheduler {
  /** One scan and one send, as a tick does; resolves when both are done. */
  runOnce(now?: Date): Promise<void>;
  /** Ticks every `sendEveryMs` from now on, scanning every `scanEveryMs`. */
  start(): void;
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const scanEveryMs = options.scanEveryMs ?? 5 * 60_000;
  let lastScan = -Infinity;
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const tick = async (now: Date, forceScan: boolean) => {
    if (forceScan || now.getTime() - lastScan >= scanEveryMs) {
      lastScan = now.getTime();
      await scanReminders(options.db, todayIn(options.timeZone, now));
      await dropStaleMail(options.db, now);
    }
    await sendDueMail(options.db, options.mailer, { origin: options.origin, now });
  };
  // One tick at a time in a process: a slow SMTP server must not pile up overlapping sends.
  const run = (now: Date, forceScan: boolean) => {
    running ??= tick(now, forceScan)
      .catch(options.onError)
      .finally(() => (running = null));
    return running;
  };

  return {
    runOnce: (now = new Date()) => run(now, true),
    start() {
      if (timer) return;
      void run(new Date(), true);
      timer = setInterval(() => void run(new Date(), false), options.sendEveryMs ?? 60_000);
      // Reminders must not keep a process alive that is otherwise done.
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      // A stopping server has seconds to close: a mail stuck on a slow SMTP server is left to its lease.
      let wait: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([running, new Promise((resolve) => (wait = setTimeout(resolve, STOP_WAIT_MS)))]);
      clearTimeout(wait);
    },
  };
}
