// Sign-in throttling (ADR 0010): five failures for a login are free; after that each attempt waits
// twice as long as the one before, 10 s, 20 s, … up to 10 minutes. A client address gets twenty: a
// whole office may sign in through one address. The wait never becomes a lock: once it is over, the
// right password signs in. A day after the last failure the count is forgotten.

export const FREE_FAILURES = 5;
export const FREE_FAILURES_PER_ADDRESS = 20;
const FIRST_WAIT_SECONDS = 10;
const LONGEST_WAIT_SECONDS = 10 * 60;
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export interface FailureCount {
  failures: number;
  lastFailedAt: Date;
}

/** How long to wait after the last failure before the next attempt, in seconds. */
export function waitSeconds(failures: number, free = FREE_FAILURES): number {
  if (failures < free) return 0;
  return Math.min(FIRST_WAIT_SECONDS * 2 ** (failures - free), LONGEST_WAIT_SECONDS);
}

/** Whether an attempt may be made now and, if so, the count it leaves should it fail. */
export function nextAttempt(
  count: FailureCount | undefined,
  now: Date,
  free = FREE_FAILURES,
): { allowed: true; failures: number } | { allowed: false; retryAt: Date } {
  if (!count || now.getTime() - count.lastFailedAt.getTime() >= FORGET_AFTER_MS) return { allowed: true, failures: 1 };
  const retryAt = new Date(count.lastFailedAt.getTime() + waitSeconds(count.failures, free) * 1000);
  if (now < retryAt) return { allowed: false, retryAt };
  return { allowed: true, failures: count.failures + 1 };
}
