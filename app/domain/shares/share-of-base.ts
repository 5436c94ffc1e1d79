// Shares of a base (DESIGN.md «The numbers, defined once»): 35 000 documents of a fund of 100 000 are
// 35 %. Counts and bases are kept; a rollup over many units (districts, libraries) sums the counts and
// sums the bases, and only then divides — it never averages the units' percentages, which would
// weigh a library of 2 000 books like one of 200 000.

/** One unit's count together with the base it is a share of; base null when none was given. */
export interface ShareUnit {
  count: number;
  base: number | null;
}

export interface Share {
  /** Σ counts. */
  count: number;
  /** Σ bases; null when no unit has one. */
  base: number | null;
  /** Σ counts / Σ bases; null unless every unit has a base (a share of an unknown whole is unknown). */
  ratio: number | null;
  /** Units whose base is unknown. */
  withoutBase: number;
}

export function rollUpShares(units: readonly ShareUnit[]): Share {
  let count = 0;
  let base = 0;
  let withoutBase = 0;
  for (const unit of units) {
    count += unit.count;
    if (unit.base !== null && unit.base > 0) base += unit.base;
    else withoutBase += 1;
  }
  const known = units.length > withoutBase;
  return {
    count,
    base: known ? base : null,
    ratio: known && withoutBase === 0 ? count / base : null,
    withoutBase,
  };
}

export interface SharePlanRow {
  territoryId: number;
  year: number;
  quarter: number;
  planned: number;
  base: number | null;
}

export interface ShareEntryRow {
  territoryId: number;
  entryDate: string;
  value: number;
  base: number | null;
}

export interface TerritoryShare {
  territoryId: number;
  /** The base as of D: the latest one recorded by then (an entry's, or a started quarter's plan row), else the first planned. */
  base: number | null;
  /** Planned count of the window (the plan due by D). */
  plan: number;
  /** Planned count of every quarter: the share the measure aims at. */
  target: number;
  /** Count done up to D. */
  fact: number;
}

export interface MeasureShares {
  territories: TerritoryShare[];
  target: Share;
  plan: Share;
  fact: Share;
}

const quarterStart = (year: number, quarter: number) => `${year}-${String(quarter * 3 - 2).padStart(2, "0")}-01`;

/**
 * A share-of-base measure's shares as of D, territory by territory and rolled up. `plans` and
 * `entries` are the rows that count (entries already filtered by the fact basis); `planDue` says
 * whether a plan row's quarter belongs to the window.
 */
export function measureShares(input: {
  plans: readonly SharePlanRow[];
  entries: readonly ShareEntryRow[];
  asOf: string;
  planDue: (year: number, quarter: number) => boolean;
}): MeasureShares {
  const territories = new Map<number, TerritoryShare & { baseDate: string }>();
  const of = (territoryId: number) => {
    let share = territories.get(territoryId);
    if (!share) {
      share = { territoryId, base: null, plan: 0, target: 0, fact: 0, baseDate: "" };
      territories.set(territoryId, share);
    }
    return share;
  };
  const byQuarter = [...input.plans].sort((a, b) => a.year - b.year || a.quarter - b.quarter);
  for (const row of byQuarter) {
    const share = of(row.territoryId);
    share.target += row.planned;
    if (input.planDue(row.year, row.quarter)) share.plan += row.planned;
    if (row.base === null) continue;
    const started = quarterStart(row.year, row.quarter);
    // The first planned base stands until a later one has started by D.
    if (share.base === null || (started <= input.asOf && started >= share.baseDate)) {
      share.base = row.base;
      share.baseDate = started <= input.asOf ? started : "";
    }
  }
  const byDate = [...input.entries].sort((a, b) => a.entryDate.localeCompare(b.entryDate));
  for (const row of byDate) {
    if (row.entryDate > input.asOf) continue;
    const share = of(row.territoryId);
    share.fact += row.value;
    if (row.base !== null && row.entryDate >= share.baseDate) {
      share.base = row.base;
      share.baseDate = row.entryDate;
    }
  }
  const list = [...territories.values()]
    .map(({ baseDate: _, ...share }) => share)
    .sort((a, b) => a.territoryId - b.territoryId);
  return {
    territories: list,
    target: rollUpShares(list.map((share) => ({ count: share.target, base: share.base }))),
    plan: rollUpShares(list.map((share) => ({ count: share.plan, base: share.base }))),
    fact: rollUpShares(list.map((share) => ({ count: share.fact, base: share.base }))),
  };
}

/** One territory's shares as rollups of itself: its target, plan due and fact over its own base. */
export function territoryShareLine(share: TerritoryShare): { target: Share; plan: Share; fact: Share } {
  const of = (count: number) => rollUpShares([{ count, base: share.base }]);
  return { target: of(share.target), plan: of(share.plan), fact: of(share.fact) };
}
