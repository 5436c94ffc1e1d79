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
  /** One scan (for `today`, else today's date in the time zone) and one send, as a tick does. */
  runOnce(at?: { today?: string; now?: Date }): Promise<void>;
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

  const tick = async (at: Date | undefined, forceScan: boolean, today?: string) => {
    const started = at ?? new Date();
    if (forceScan || started.getTime() - lastScan >= scanEveryMs) {
      lastScan = started.getTime();
      await scanReminders(options.db, today ?? todayIn(options.timeZone, started));
      await dropStaleMail(options.db, started);
    }
    // The clock read after the scan: mail it has just queued is due.
    await sendDueMail(options.db, options.mailer, { origin: options.origin, now: at ?? new Date() });
  };
  // One tick at a time in a process: a slow SMTP server must not pile up overlapping sends.
  const run = (at: Date | undefined, forceScan: boolean, today?: string) => {
    running ??= tick(at, forceScan, today)
      .catch(options.onError)
      .finally(() => (running = null));
    return running;
  };

  return {
    runOnce: (at = {}) => run(at.now, true, at.today),
    start() {
      if (timer) return;
      void run(undefined, true);
      timer = setInterval(() => void run(undefined, false), options.sendEveryMs ?? 60_000);
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
