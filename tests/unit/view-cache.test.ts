import { describe, expect, test } from "vitest";
import type { Principal } from "~/domain/auth/access";
import { keepable, PageCache } from "~/http/page-cache.server";
import { ViewCache, leftToRemix, viewKey, type ViewIdentity } from "~/http/view-cache.server";

// The view cache (ADR 20) answers a repeat view before Remix with the page kept for exactly the same
// URL, reader (every role with its scope), road map revision, locale and day.

const admin: Principal = {
  id: 1,
  login: "admin",
  displayName: "Admin",
  locale: "kk",
  assignments: [{ role: "admin", departmentId: null, councilId: null, councilPosition: null, territoryPath: null }],
};
const akim: Principal = {
  id: 2,
  login: "akim",
  displayName: "Akim",
  locale: "kk",
  assignments: [{ role: "akim", departmentId: null, councilId: null, councilPosition: null, territoryPath: [1, 5] }],
};
const url = "http://localhost/roadmaps/1?asOf=2024-10-31";
const identity = (changes: Partial<ViewIdentity> = {}): ViewIdentity => ({
  principal: admin,
  revision: 7,
  notifications: "0:0",
  kpiMenu: false,
  locale: "kk",
  today: "2026-12-01",
  ...changes,
});

describe("the view cache", () => {
  test("a view carrying a notice to show is left to Remix, which shows and clears it", () => {
    expect(leftToRemix(new Request(url, { headers: { Cookie: "__session=abc" } }))).toBe(false);
    expect(
      leftToRemix(new Request(url, { headers: { Cookie: "__session=abc; __flash=eyJrZXkiOiJ4In0%3D.sig" } })),
    ).toBe(true);
    expect(leftToRemix(new Request(url, { method: "POST" }))).toBe(true);
  });

  test("a view's key changes with the reader's scope, the revision, the bell, the menu, the locale, the day and the URL", () => {
    const key = viewKey(url, identity());
    expect(viewKey(url, identity())).toBe(key);
    const otherScope: Principal = {
      ...admin,
      assignments: [{ ...akim.assignments[0]!, territoryPath: [1, 6] }],
    };
    for (const other of [
      viewKey(url, identity({ principal: akim })),
      viewKey(url, identity({ principal: otherScope })),
      viewKey(
        url,
        identity({ principal: { ...akim, assignments: [{ ...akim.assignments[0]!, territoryPath: [1, 6] }] } }),
      ),
      viewKey(url, identity({ revision: 8 })),
      viewKey(url, identity({ notifications: "4:1" })),
      viewKey(url, identity({ kpiMenu: true })),
      viewKey(url, identity({ locale: "ru" })),
      viewKey(url, identity({ today: "2026-12-02" })),
      viewKey(`${url}&section=3`, identity()),
    ]) {
      expect(other).not.toBe(key);
    }
  });

  test("answers a view with the page kept for it, and nothing for another reader or revision", async () => {
    const pages = new PageCache(1024 * 1024);
    const views = new ViewCache(100, () => pages);
    const page = await keepable(Buffer.from("<html><p>the whole road map</p></html>"), "whole");
    pages.set("page-of-admin", page);
    const request = new Request(url, { headers: { "Accept-Encoding": "identity" } });
    const adminKey = viewKey(url, identity());

    expect(await views.answer(request, adminKey)).toBeNull();
    views.remember(adminKey, "page-of-admin", new Response("x", { headers: { "Content-Type": "text/html" } }));
    const answer = await views.answer(request, adminKey);
    expect(await answer?.text()).toBe("<html><p>the whole road map</p></html>");
    expect(answer?.headers.get("Content-Type")).toBe("text/html");
    expect(answer?.headers.get("Content-Security-Policy")).toContain("script-src 'self'");

    expect(await views.answer(request, viewKey(url, identity({ principal: akim })))).toBeNull();
    expect(await views.answer(request, viewKey(url, identity({ revision: 8 })))).toBeNull();
  });

  test("remembers only kept pages answered 200 without a cookie, and forgets a view whose page is gone", async () => {
    const pages = new PageCache(1024 * 1024);
    const views = new ViewCache(100, () => pages);
    pages.set("kept", await keepable(Buffer.from("<p>kept</p>"), "kept"));
    const request = new Request(url);
    const remembered = (key: string) => views.answer(request, key);

    views.remember("no-page", undefined, new Response("x"));
    views.remember("error", "kept", new Response("x", { status: 500 }));
    views.remember("cookie", "kept", new Response("x", { headers: { "Set-Cookie": "a=b" } }));
    for (const key of ["no-page", "error", "cookie"]) expect(await remembered(key)).toBeNull();

    views.remember("gone", "dropped-page", new Response("x"));
    expect(await remembered("gone")).toBeNull();
    expect(views.size).toBe(0);
  });

  test("holds no more views than its bound, forgetting the least recently used", async () => {
    const pages = new PageCache(1024 * 1024);
    pages.set("kept", await keepable(Buffer.from("<p>kept</p>"), "kept"));
    const views = new ViewCache(2, () => pages);
    const request = new Request(url);
    views.remember("a", "kept", new Response("x"));
    views.remember("b", "kept", new Response("x"));
    await views.answer(request, "a");
    views.remember("c", "kept", new Response("x"));
    expect(views.size).toBe(2);
    expect(await views.answer(request, "b")).toBeNull();
    expect(await views.answer(request, "a")).not.toBeNull();
  });
});
