import type { Migration } from "kysely";
import * as foundation from "./2026-11-22T0800-foundation";
import * as executionSpeed from "./2026-11-22T1400-execution-speed";
import * as adminEditing from "./2026-11-30T1200-admin-editing";
import * as imports from "./2026-12-01T0900-imports";
import * as roadMapImport from "./2026-12-01T1100-road-map-import";
import * as measureTerms from "./2026-12-02T0800-measure-terms";
import * as sharesOfBase from "./2026-12-02T0820-shares-of-base";
import * as sessionsAndSignIn from "./2026-12-02T0830-sessions-and-sign-in";
import * as personTitle from "./2026-12-03T0800-person-title";
import * as evidenceFiles from "./2026-12-03T0900-evidence-files";
import * as userEmail from "./2026-12-04T0700-user-email";
import * as territoryBoundaries from "./2026-12-05T1100-territory-boundaries";
import * as accountTokens from "./2026-12-05T0800-account-tokens";
import * as apiTokens from "./2026-12-05T1000-api-tokens";
import * as publicPage from "./2026-12-05T0900-public-page";
import * as evidencePending from "./2026-12-05T1300-evidence-pending";
import * as notifications from "./2026-12-05T0700-notifications";
import * as revisionsOfMapsAndScopes from "./2026-12-06T0800-revisions-of-maps-and-scopes";

// Every migration, in the order of its date-prefixed name. Listed here rather than read from the
// directory so that the bundled server and the scripts run exactly the same set.
export const migrations: Record<string, Migration> = {
  "2026-11-22T0800-foundation": foundation,
  "2026-11-22T1400-execution-speed": executionSpeed,
  "2026-11-30T1200-admin-editing": adminEditing,
  "2026-12-01T0900-imports": imports,
  "2026-12-01T1100-road-map-import": roadMapImport,
  "2026-12-02T0800-measure-terms": measureTerms,
  "2026-12-02T0820-shares-of-base": sharesOfBase,
  "2026-12-02T0830-sessions-and-sign-in": sessionsAndSignIn,
  "2026-12-03T0800-person-title": personTitle,
  "2026-12-03T0900-evidence-files": evidenceFiles,
  "2026-12-04T0700-user-email": userEmail,
  "2026-12-05T0700-notifications": notifications,
  "2026-12-05T0800-account-tokens": accountTokens,
  "2026-12-05T0900-public-page": publicPage,
  "2026-12-05T1000-api-tokens": apiTokens,
  "2026-12-05T1100-territory-boundaries": territoryBoundaries,
  "2026-12-05T1300-evidence-pending": evidencePending,
  "2026-12-06T0800-revisions-of-maps-and-scopes": revisionsOfMapsAndScopes,
};
