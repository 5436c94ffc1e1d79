// `npm run import:roadmap -- FILE.xlsx [--road-map ID] [--sheet NAME] [--dry-run] [--json]
//   [--facts-date YYYY-MM-DD] [--create-departments] [--as LOGIN] [--lang kk|ru|en]`
// Bulk loads on the server, by the same code path as the admin page: the reader, the preview, the save
// (one transaction, audited as the admin user given by --as, `admin` by default). With --dry-run
// nothing is saved; --json prints each sheet read in the issue's JSON shape. Exits 1 when the file has
// errors or the save is refused. The same settings as the app: DATABASE_URL, or PGlite under DATA_DIR.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase, type DatabaseConnection } from "~db/client";
import type { Locale } from "~db/schema";
import { isAdmin } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { RefusedWrite, StaleEdit } from "~/domain/editing/write-errors";
import type { ImportChoices, ImportPlan } from "~/domain/import/import-plan";
import { readRoadMapWorkbook, roadMapSheetJson } from "~/domain/import/read-road-map";
import { applyRoadMapImport, previewRoadMapImport } from "~/domain/import/road-map-import.server";
import type { SheetIssue } from "~/domain/import/road-map-sheet";
import { cleanFileName, sha256Of } from "~/domain/import/uploads.server";
import { isIsoDate, todayIn } from "~/domain/periods/quarter";
import { translator } from "~/i18n/i18n";
import { isLocale } from "~/i18n/locales";

const USAGE =
  "Usage: npm run import:roadmap -- FILE.xlsx [--road-map ID] [--sheet NAME] [--dry-run] [--json] " +
  "[--facts-date YYYY-MM-DD] [--create-departments] [--as LOGIN] [--lang kk|ru|en]";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        "road-map": { type: "string" },
        sheet: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        "facts-date": { type: "string" },
        "create-departments": { type: "boolean", default: false },
        as: { type: "string", default: "admin" },
        lang: { type: "string", default: "kk" },
      },
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
})();

const filePath = positionals[0];
if (!filePath || positionals.length > 1) fail(USAGE);
const locale: Locale = isLocale(values.lang) ? values.lang : fail(`--lang must be kk, ru or en\n${USAGE}`);
const roadMapId = values["road-map"] === undefined ? null : Number(values["road-map"]);
if (roadMapId !== null && !(Number.isInteger(roadMapId) && roadMapId > 0)) fail(`--road-map must be an id\n${USAGE}`);
if (roadMapId === null && !values["dry-run"])
  fail(`Saving needs --road-map ID (or read only with --dry-run)\n${USAGE}`);
const factsDate = values["facts-date"] ?? todayIn(process.env.APP_TIME_ZONE || "Asia/Almaty");
if (!isIsoDate(factsDate)) fail(`--facts-date must be YYYY-MM-DD\n${USAGE}`);

let bytes: Uint8Array;
try {
  bytes = new Uint8Array(readFileSync(filePath));
} catch (error) {
  fail(`Cannot read ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
}
const file = { name: cleanFileName(path.basename(filePath)), bytes, sha256: sha256Of(bytes) };
const t = translator(locale);
const messageOf = (issue: SheetIssue) => issue.message || String(t(issue.code as never, issue.params ?? {}));
const line = (issue: SheetIssue) =>
  `  ${issue.severity === "error" ? "ERROR  " : "warning"} ${issue.cell ?? "—"}: ${messageOf(issue)}`;

let connection: DatabaseConnection | null = null;
let exitCode = 0;
try {
  let years: { start: number; end: number } | undefined;
  if (roadMapId !== null) {
    connection = await openDatabase({
      databaseUrl: process.env.DATABASE_URL || undefined,
      pgliteDir: path.join(process.env.DATA_DIR || "./data", "pglite"),
    });
    const programme = await connection.db
      .selectFrom("road_map as rm")
      .innerJoin("programme as p", "p.id", "rm.programme_id")
      .select(["p.start_year", "p.end_year"])
      .where("rm.id", "=", roadMapId)
      .executeTakeFirst();
    if (!programme) throw new Error(`There is no road map ${roadMapId}.`);
    years = { start: programme.start_year, end: programme.end_year };
  }
  const read = await readRoadMapWorkbook(file.bytes, file.name, { sheet: values.sheet, years, messageLocale: locale });
  if (values.json && values["dry-run"]) {
    console.log(JSON.stringify(read.sheets.map(roadMapSheetJson), null, 2));
    for (const issue of read.fileIssues) console.error(line(issue));
    exitCode = [...read.fileIssues, ...read.merged.issues].some((i) => i.severity === "error") ? 1 : 0;
  } else if (!connection || roadMapId === null) {
    for (const sheet of read.sheets) {
      console.log(
        `${sheet.sheet} (${sheet.locale}): ${sheet.sections.length} sections, ${sheet.measures.length} measures`,
      );
    }
    const issues = [...read.fileIssues, ...read.merged.issues];
    for (const issue of issues) console.log(line(issue));
    exitCode = issues.some((i) => i.severity === "error") ? 1 : 0;
  } else {
    const user = await connection.db
      .selectFrom("app_user")
      .select("id")
      .where("login", "=", values.as)
      .executeTakeFirst();
    const principal = user ? await loadPrincipal(connection.db, user.id) : null;
    if (!principal || !isAdmin(principal)) throw new Error(`${values.as} is not an active administrator (--as LOGIN).`);
    let choices: ImportChoices = { departments: {}, factsDate };
    let { plan } = await previewRoadMapImport(connection.db, principal, roadMapId, read, choices);
    if (values["create-departments"]) {
      const departments = Object.fromEntries(
        plan.executors.filter((e) => !e.resolved).map((e) => [e.key, { kind: "new" as const }]),
      );
      choices = { departments, factsDate };
      ({ plan } = await previewRoadMapImport(connection.db, principal, roadMapId, read, choices));
    }
    if (values.json)
      console.log(
        JSON.stringify(
          { summary: plan.summary, issues: plan.issues.map((i) => ({ ...i, message: messageOf(i) })) },
          null,
          2,
        ),
      );
    else printSummary(plan);
    if (plan.summary.errors > 0) {
      exitCode = 1;
    } else if (!values["dry-run"]) {
      const outcome = await applyRoadMapImport(
        connection.db,
        principal,
        roadMapId,
        file,
        read,
        choices,
        { revision: plan.revision },
        todayIn(process.env.APP_TIME_ZONE || "Asia/Almaty"),
      );
      console.log(
        outcome.nothingChanged
          ? "Nothing to change: the road map already holds this file."
          : `Saved as import batch ${outcome.batchId}.`,
      );
    } else {
      console.log("Dry run: nothing saved.");
    }
  }
} catch (error) {
  exitCode = 1;
  if (error instanceof RefusedWrite) console.error(String(t(error.messageKey as never, error.values)));
  else if (error instanceof StaleEdit) console.error(String(t("roadMapImport.stale")));
  else console.error(error instanceof Error ? error.message : String(error));
} finally {
  await connection?.close();
}
process.exit(exitCode);

function printSummary(plan: ImportPlan) {
  const { summary } = plan;
  const row = (label: string, counts: { added: number; changed: number; unchanged: number }) =>
    `${label.padEnd(10)} added ${counts.added}, changed ${counts.changed}, unchanged ${counts.unchanged}`;
  console.log(row("Sections", summary.sections));
  console.log(`${row("Measures", summary.measures)}, not in the file ${summary.measures.notInFile}`);
  console.log(row("Facts", summary.facts));
  const undecided = plan.executors.filter((e) => !e.resolved);
  console.log(
    `Executors  ${plan.executors.length} named, ${summary.newDepartments} new departments, ${undecided.length} unknown` +
      (undecided.length ? " (add --create-departments to create them)" : ""),
  );
  console.log(`Problems   ${summary.errors} errors, ${summary.warnings} warnings`);
  for (const issue of plan.issues) console.log(line(issue));
}
