import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { measureHistory } from "~/domain/audit/history.server";
import type { Principal } from "~/domain/auth/access";
import { newSubmissionKey } from "~/domain/editing/submission.server";
import { evidenceLimits } from "~/domain/evidence/evidence.server";
import { entryLimits } from "~/domain/progress/entries.server";
import { measureDetail } from "~/domain/progress/measure.server";
import { PAGE_SIZE, pageFromParam, pageOfIndex } from "~/domain/progress/paging";
import { subtreeTerritoryIds } from "~/domain/roadmap/roadmap.server";
import { territoryShareLine } from "~/domain/shares/share-of-base";
import { shareFigures, shareKey } from "~/domain/shares/shares.server";
import { todayIn } from "~/domain/periods/quarter";
import { env } from "~/env.server";
import { pickText, type Locale } from "~/i18n/locales";

/** Everything the measure page shows this user, in their language: the measure, its quarters, entries and history. */
export async function measurePage(
  db: Kysely<Database>,
  principal: Principal,
  measureId: number,
  search: URLSearchParams,
  locale: Locale,
) {
  const today = todayIn(env().APP_TIME_ZONE);
  const detail = await measureDetail(db, principal, measureId, today);
  const slice = detail.roadMap.view.territoryIds
    ? new Set(await subtreeTerritoryIds(db, detail.roadMap.view.territoryIds))
    : null;
  const editId = Number(search.get("edit"));
  // Entries and history a page at a time, newest first; an entry being edited opens on its own page.
  const editIndex = detail.entries.findIndex((entry) => entry.id === editId);
  const entryPaging = pageFromParam(
    search.get("entriesPage") ?? (editIndex >= 0 ? String(pageOfIndex(editIndex)) : null),
    detail.entries.length,
  );
  const historyPage = pageFromParam(search.get("historyPage"), Number.MAX_SAFE_INTEGER).page;
  const history = await measureHistory(db, measureId, {
    territoryIds: slice,
    limit: PAGE_SIZE,
    offset: (historyPage - 1) * PAGE_SIZE,
  });
  const { measure } = detail;
  const shares = (
    await shareFigures(db, {
      measureIds: [measure.id],
      asOf: { date: today, includeCurrentQuarter: false, facts: "all" },
      territoryIds: slice,
    })
  ).get(shareKey(measure.id, null));
  const territoryName = (id: number) => detail.entryTerritories.find((t) => t.id === id)?.name ?? null;

  return {
    today,
    submissionKey: newSubmissionKey(),
    timeZone: env().APP_TIME_ZONE,
    thresholds: detail.roadMap.thresholds,
    measure: {
      id: measure.id,
      number: measure.number,
      title: pickText(measure.title, locale),
      completionForm: pickText(measure.completion_form, locale),
      unit: measure.unit,
      department: pickText(measure.department_name, locale),
      departmentHead: pickText(measure.department_head, locale),
      coExecutors: measure.coExecutors.map((d) => pickText(d.name, locale)),
      territory: pickText(measure.territory_name, locale),
      territoryId: measure.territory_id,
      deadline: measure.deadline,
      deadlineChanges: measure.deadlineChanges.map((c) => ({
        from: c.previous_deadline,
        to: c.new_deadline,
        reason: pickText(c.reason, locale),
      })),
      fundingSource: pickText(measure.funding_source, locale),
      plannedFunding: measure.planned_funding,
      weight: measure.weight,
      removedOn: measure.removed_on,
      removedReason: pickText(measure.removed_reason, locale),
    },
    roadMap: { id: detail.roadMap.id, title: pickText(detail.roadMap.title, locale) },
    section: { number: measure.section_number, title: pickText(measure.section_title, locale) },
    quarters: detail.quarters,
    entries: detail.entries.slice(entryPaging.offset, entryPaging.offset + entryPaging.size).map((entry) => ({
      ...entry,
      territoryName: pickText(entry.territoryName, locale),
      narrativeShown: pickText(entry.narrative, locale),
      behindReasonShown: pickText(entry.behindReason, locale),
    })),
    editEntryId: detail.canWrite && detail.entries.some((e) => e.id === editId && !e.locked) ? editId : null,
    territories: detail.entryTerritories.map((t) => ({ id: t.id, name: pickText(t.name, locale)?.text ?? "" })),
    canWrite: detail.canWrite && measure.removed_on === null,
    limits: entryLimits({ startYear: detail.programmeYears.start, endYear: detail.programmeYears.end }, today),
    fileLimits: {
      count: evidenceLimits().count,
      megabytes: Math.round((evidenceLimits().fileBytes / 2 ** 20) * 10) / 10,
    },
    history,
    entryPages: { page: entryPaging.page, pages: entryPaging.pages, total: detail.entries.length },
    historyPages: { page: historyPage, more: history.more },
    shares: shares && {
      baseLabel: pickText(shares.baseLabel, locale),
      total: { target: shares.target, plan: shares.plan, fact: shares.fact },
      territories: shares.territories.map((territory) => ({
        key: territory.territoryId,
        name: pickText(territoryName(territory.territoryId), locale),
        ...territoryShareLine(territory),
      })),
    },
  };
}

export type MeasurePageData = Awaited<ReturnType<typeof measurePage>>;
