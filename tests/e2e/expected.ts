import { readFileSync } from "node:fs";
import path from "node:path";
import type { LocalizedText } from "~db/schema";
import type { SectionExecutionRow } from "~/domain/execution/execution.server";
import type { ExpectedKpi } from "./kpi-expected";

export interface ExpectedFigures {
  today: string;
  roadMaps: Array<{
    id: number;
    title: LocalizedText;
    sections: Array<{ id: number; title: LocalizedText; number: string | null }>;
    measures: Array<{ id: number; number: string; territoryId: number }>;
    /** The territories directly below the road map's own. */
    territories: Array<{ id: number; name: LocalizedText }>;
    /** Reference figures as of a date, for the whole road map (territory null) or one district's share. */
    figures: Array<{ asOf: string; territory: number | null; rows: SectionExecutionRow[] }>;
  }>;
  /** The Karaganda KPI ranking by the reference calculator. */
  kpi: ExpectedKpi;
}

export const expectedFiguresFile = (dataDir: string) => path.join(dataDir, "expected-figures.json");

export function readExpectedFigures(): ExpectedFigures {
  return JSON.parse(
    readFileSync(expectedFiguresFile(process.env.E2E_DATA_DIR ?? "./data/e2e"), "utf8"),
  ) as ExpectedFigures;
}
