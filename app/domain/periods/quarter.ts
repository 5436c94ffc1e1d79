// Calendar arithmetic on ISO dates ('YYYY-MM-DD'), free of time zones.

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function quarterOf(isoDate: string): Quarter {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter["quarter"] };
}

export function quarterStart({ year, quarter }: Quarter): string {
  return `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-01`;
}

export function quarterEnd({ year, quarter }: Quarter): string {
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, "0")}-${lastDay}`;
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year - b.year || a.quarter - b.quarter;
}

export function nextQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: (quarter + 1) as Quarter["quarter"] };
}

export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter["quarter"] };
}

/** The last day of a month, e.g. «10 months of 2024» ends on 2024-10-31. */
export function monthEnd(year: number, month: number): string {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(lastDay).padStart(2, "0")}`;
}

// Building a DateTimeFormat costs far more than using one, and every request asks for today.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in a time zone (Kazakhstan lives in Asia/Almaty). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** Quarterly reports are due by the 5th day of the month after the quarter. */
export function reportDueDate(quarter: Quarter): string {
  const next = nextQuarter(quarter);
  return `${next.year}-${String((next.quarter - 1) * 3 + 1).padStart(2, "0")}-05`;
}

/** «2024-Q3» in URLs and forms. */
export function formatQuarterParam({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}

export function parseQuarterParam(value: string | null): Quarter | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(value ?? "");
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  return { year, quarter: Number(match[2]) as Quarter["quarter"] };
}
