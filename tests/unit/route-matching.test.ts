import { createRequire } from "node:module";
import type { AgnosticRouteObject, AgnosticRouteMatch } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// @remix-run/router is patched (patches/, docs/decisions/0034) to keep each route tree's ranked
// branches and the branch each path matched. Its server build (the CommonJS file, what Remix's server
// runtime loads) must still match every path to the routes it matched before, on every call.
const router = createRequire(import.meta.url)("@remix-run/router") as {
  matchRoutes: (routes: AgnosticRouteObject[], path: string) => AgnosticRouteMatch[] | null;
};

const tree = (): AgnosticRouteObject[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "login", path: "login" },
      {
        id: "app",
        children: [
          { id: "home", index: true },
          {
            id: "roadmap",
            path: "roadmaps/:roadMapId",
            children: [
              { id: "overview", index: true },
              { id: "measure", path: "measures/:measureId" },
            ],
          },
          { id: "roadmap-new", path: "roadmaps/new" },
        ],
      },
      { id: "not-found", path: "*" },
    ],
  },
];

const matched = (routes: AgnosticRouteObject[], path: string) =>
  router.matchRoutes(routes, path)?.map((match) => `${match.route.id}${JSON.stringify(match.params)}`);

describe("route matching (patched router)", () => {
  it("matches each path to the same routes and parameters however often it is asked", () => {
    const routes = tree();
    const paths = [
      "/login",
      "/",
      "/roadmaps/7",
      "/roadmaps/new",
      "/roadmaps/7/measures/12",
      "/roadmaps/7/x/y",
      "/LOGIN/",
    ];
    const first = paths.map((path) => matched(routes, path));
    expect(first[2]).toEqual([
      'root{"roadMapId":"7"}',
      'app{"roadMapId":"7"}',
      'roadmap{"roadMapId":"7"}',
      'overview{"roadMapId":"7"}',
    ]);
    // A static segment wins over a parameter: /roadmaps/new is the form, not road map «new».
    expect(first[3]).toEqual(["root{}", "app{}", "roadmap-new{}"]);
    expect(first[5]).toEqual(['root{"*":"roadmaps/7/x/y"}', 'not-found{"*":"roadmaps/7/x/y"}']);
    expect(first[6]).toEqual(["root{}", "login{}"]);
    for (let round = 0; round < 3; round++) expect(paths.map((path) => matched(routes, path))).toEqual(first);
    // Each call gives its own parameters: one request's cannot leak into another's.
    const [one, two] = [router.matchRoutes(routes, "/roadmaps/1"), router.matchRoutes(routes, "/roadmaps/2")];
    expect([one?.at(-1)?.params, two?.at(-1)?.params]).toEqual([{ roadMapId: "1" }, { roadMapId: "2" }]);
  });

  it("finds a route added to the tree in place after the tree was matched", () => {
    const routes = tree();
    expect(matched(routes, "/search")?.at(-1)).toBe('not-found{"*":"search"}');
    routes[0]!.children!.push({ id: "search", path: "search" });
    expect(matched(routes, "/search")).toEqual(["root{}", "search{}"]);
  });
});
