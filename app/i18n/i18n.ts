import i18next, { type i18n, type TFunction } from "i18next";
import type { Locale } from "./locales";
import { accountMessages } from "./messages/account";
import { admin } from "./messages/admin";
import { common } from "./messages/common";
import { dashboard } from "./messages/dashboard";
import { exportMessages } from "./messages/export";
import { figures } from "./messages/figures";
import { kpi } from "./messages/kpi";
import { login } from "./messages/login";
import { measure } from "./messages/measure";
import { meetings } from "./messages/meetings";
import { overview } from "./messages/overview";
import { progress } from "./messages/progress";
import { roadMapImport } from "./messages/road-map-import";
import { roadMapSheet } from "./messages/road-map-sheet";
import { upload } from "./messages/upload";
import { quarterSheet } from "./messages/quarter-sheet";
import { reportForms } from "./messages/report-forms";
import { scope } from "./messages/scope";
import { serverErrors } from "./messages/server-errors";
import { myPage } from "./messages/my-page";
import { oneLanguage } from "./messages/one-language";
import { fastViews } from "./messages/fast-views";
import { searchEvidence } from "./messages/search-evidence";
import { compareDeadends } from "./messages/compare-deadends";
import { mapMessages } from "./messages/map";
import { passwordReset } from "./messages/password-reset";
import { apiTokens } from "./messages/api-tokens";
import { publicPage } from "./messages/public-page";
import { finish } from "./messages/finish";
import { notifications } from "./messages/notifications";
import { polish } from "./messages/polish";

// Every area's messages; an area of the app adds its file here.
const areas = [
  common,
  login,
  overview,
  progress,
  measure,
  dashboard,
  admin,
  kpi,
  meetings,
  upload,
  roadMapSheet,
  roadMapImport,
  exportMessages,
  quarterSheet,
  reportForms,
  scope,
  accountMessages,
  serverErrors,
  figures,
  myPage,
  oneLanguage,
  fastViews,
  searchEvidence,
  compareDeadends,
  mapMessages,
  passwordReset,
  apiTokens,
  publicPage,
  finish,
  notifications,
  polish,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (area: U) => void : never) extends (area: infer I) => void
  ? I
  : never;
export type Dictionary = UnionToIntersection<(typeof areas)[number]["kk"]>;

function dictionary(locale: Locale): Dictionary {
  return Object.assign({}, ...areas.map((area) => area[locale])) as Dictionary;
}

export const dictionaries: Record<Locale, Dictionary> = {
  kk: dictionary("kk"),
  ru: dictionary("ru"),
  en: dictionary("en"),
};

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: Dictionary };
  }
}

/** An i18next instance for one language; the same on the server and in the browser. */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: dictionaries[locale] } },
    initImmediate: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

const translators = new Map<Locale, TFunction>();
/** A translate function for server code (errors, exports). */
export function translator(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = createI18n(locale).t;
    translators.set(locale, t);
  }
  return t;
}
