import type { Transaction } from "kysely";
import type { Database, LocalizedText } from "../schema";
import { compareQuarters, nextQuarter, quarterEnd, quarterOf, type Quarter } from "~/domain/periods/quarter";

// Small helpers shared by the demo-data modules.

/** Text of one record in Kazakh, Russian and (optionally) English. */
export function t(kk: string, ru: string, en?: string): LocalizedText {
  return en === undefined ? { kk, ru } : { kk, ru, en };
}

/** Russian-only text (the Blagoveshchensk library documents exist only in Russian), English optional. */
export function ru(text: string, en?: string): LocalizedText {
  return en === undefined ? { ru: text } : { ru: text, en };
}

/** A jsonb column takes its value as a JSON string. */
export function json(value: LocalizedText): string;
export function json(value: LocalizedText | null | undefined): string | null;
export function json(value: LocalizedText | null | undefined): string | null {
  return value ? JSON.stringify(value) : null;
}

/**
 * A number in [0, 1) fixed by its key (FNV-1a). It gives the generated series some variety without
 * randomness: the same key gives the same number on every run, and a later `today` adds entries
 * without changing the earlier ones.
 */
export function unitHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

export function q(year: number, quarter: 1 | 2 | 3 | 4): Quarter {
  return { year, quarter };
}

/** Every quarter from `from` to `to`, both included. */
export function quartersBetween(from: Quarter, to: Quarter): Quarter[] {
  const quarters: Quarter[] = [];
  for (let current = from; compareQuarters(current, to) <= 0; current = nextQuarter(current)) quarters.push(current);
  return quarters;
}

/** Has the quarter ended by `today`? */
export function hasEnded(quarter: Quarter, today: string): boolean {
  return quarterEnd(quarter) < today;
}

export function isCurrent(quarter: Quarter, today: string): boolean {
  return compareQuarters(quarter, quarterOf(today)) === 0;
}

/** An ISO date `days` after another. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A moment on a calendar date in Kazakhstan's time (UTC+5). */
export function at(isoDate: string, time = "10:00"): string {
  return `${isoDate}T${time}:00+05:00`;
}

/** Placeholder evidence links: real pages are not invented, so they live under example.org. */
export function evidence(...path: Array<string | number>): string[] {
  return [`https://example.org/oryndau-demo/${path.join("/")}`];
}

/** What every module of the seed needs: the open transaction, the date, and the ids made so far. */
export interface SeedContext {
  trx: Transaction<Database>;
  today: string;
  territory(key: string): number;
  department(key: string): number;
  user(login: string): number;
}

/** A lookup that fails loudly on a key that was never inserted (a typo in a data table). */
export function lookup(kind: string, map: ReadonlyMap<string, number>): (key: string) => number {
  return (key) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`Demo data: unknown ${kind} «${key}»`);
    return id;
  };
}

/** Inserts in slices, so that no statement nears PostgreSQL's limit of bind parameters. */
export function chunks<T>(rows: T[], size = 500): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += size) result.push(rows.slice(i, i + size));
  return result;
}
