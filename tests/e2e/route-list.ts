import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

// The app's routes as the Remix build knows them (`build/server`, made before the browser tests run),
// with the intents their actions switch on read from the route's source and the domain modules it
// imports. Generated, so a new route or intent is in the authorisation matrix and the fuzz test
// without anyone adding it.

export interface AppRoute {
  id: string;
  /** The full path with `:params`, e.g. /measures/:measureId; "/" for the app's index. */
  path: string;
  params: string[];
  index: boolean;
  hasLoader: boolean;
  hasAction: boolean;
  /** Intents named in the route's action (empty when it takes none). */
  intents: string[];
}

interface BuildRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  hasLoader: boolean;
  hasAction: boolean;
}

function sourceOf(module: string): string {
  const file = [`${module}.tsx`, `${module}.ts`].find((candidate) => existsSync(candidate));
  return file ? readFileSync(file, "utf8") : "";
}

const INTENT_PATTERNS = [
  /case "([a-z][\w-]*)":/g,
  /intent: z\.literal\("([\w-]+)"\)/g,
  /name="intent" value="([\w-]+)"/g,
  /intent: z\.enum\(\[([^\]]+)\]/g,
];

/** Intents in the route's own module and in the action modules it hands its form to. */
function intentsOf(routeId: string): string[] {
  const route = sourceOf(path.join("app", routeId));
  const delegates = [...route.matchAll(/from "~\/domain\/([\w/.-]*action[\w/.-]*)"/g)].map((match) =>
    sourceOf(path.join("app/domain", match[1]!)),
  );
  const intents = new Set<string>();
  for (const source of [route, ...delegates]) {
    for (const pattern of INTENT_PATTERNS) {
      for (const match of source.matchAll(pattern)) {
        for (const name of match[1]!.matchAll(/([a-z][\w-]*)/g)) intents.add(name[1]!);
      }
    }
  }
  return [...intents].sort();
}

export async function appRoutes(): Promise<AppRoute[]> {
  const buildFile = path.resolve("build/server/index.js");
  if (!existsSync(buildFile)) throw new Error("No build: run `npm run build` (npm run test:e2e does) first.");
  const build = (await import(pathToFileURL(buildFile).href)) as {
    assets: { routes: Record<string, BuildRoute> };
  };
  const routes = build.assets.routes;
  const fullPath = (route: BuildRoute): string => {
    const own = route.path ?? "";
    const parent = route.parentId ? routes[route.parentId] : undefined;
    const above = parent ? fullPath(parent) : "";
    return [above, own].filter(Boolean).join("/");
  };
  return Object.values(routes).map((route) => {
    const full = `/${fullPath(route)}`;
    return {
      id: route.id,
      path: full,
      params: [...full.matchAll(/:(\w+)/g)].map((match) => match[1]!),
      index: route.index === true,
      hasLoader: route.hasLoader,
      hasAction: route.hasAction,
      intents: route.hasAction ? intentsOf(route.id) : [],
    };
  });
}

/** The route's path with its parameters filled in; null when a parameter has no value. */
export function fillPath(route: AppRoute, values: Partial<Record<string, string | number>>): string | null {
  let missing = false;
  const filled = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) missing = true;
    return encodeURIComponent(String(value));
  });
  return missing ? null : filled;
}

/** A file name each export route serves, for its `:file` parameter. */
export function tableFileFor(route: AppRoute): string {
  if (route.path.startsWith("/measures/")) return "entries.csv";
  if (route.path.startsWith("/kpi/")) return "kpiRanking.csv";
  return "sections.csv";
}

/** Where a form posts to a route: an index route's action is asked for with `?index`. */
export function actionUrl(route: AppRoute, filled: string, data = false): string {
  const base = data ? `${filled === "/" ? "/_root" : filled}.data` : filled;
  return route.index ? `${base}?index` : base;
}

/** The `.data` URL of a page (Remix single fetch). */
export function dataUrl(filled: string): string {
  return `${filled === "/" ? "/_root" : filled}.data`;
}

/** Every form field name the app's sources mention (hidden inputs, schema keys), for the fuzz test. */
export function formFieldNames(): string[] {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.tsx?$/.test(entry.name)) {
        const source = readFileSync(file, "utf8");
        for (const match of source.matchAll(/name="([A-Za-z][\w.[\]-]*)"/g)) names.add(match[1]!);
        for (const match of source.matchAll(/\b([a-z][A-Za-z]*): z\./g)) names.add(match[1]!);
      }
    }
  };
  visit("app");
  return [...names].sort();
}
