import { createHash } from "node:crypto";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { getUserSessionAlong } from "~/domain/auth/session.server";
import { roadMapRevisionValue } from "~/domain/execution/figures-cache.server";
import { publicRevisionValue } from "~/domain/public/publication.server";
import { editableDepartmentIds } from "~/domain/auth/permissions.server";
import { showsKpiMenu } from "~/domain/kpi/landing.server";
import { todayIn } from "~/domain/periods/quarter";
import { myPageSources } from "~/domain/progress/my-page.server";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";
import { keptAnswer, pageCache } from "./kept-pages.server";
import type { PageCache } from "./page-cache.server";
import type { RequestContext } from "./handle.server";

// A repeat view answered before Remix runs (ADR 20). A page that Remix rendered and kept (entry.server.tsx)
// is remembered under everything it was made from: the URL, the principal exactly as loaded for the
// request (user, name, every role with its scope), the road map's revision (moved by every write that
// can change what the page shows, migration 2026-11-22T1400) — for /my, its departments' road maps'
// revisions and the decisions it lists, read whole (ADR 37) —, the header's bell and menu, the locale
// and the day. A kept dashboard costs one statement (the session, its bell and the revision, ADR 38) and
// the kept bytes; anything that differs — another scope, a write, a new decision, a new day — goes
// through Remix, which checks access again.

/** What a view is made for, read fresh for each request. */
export interface ViewIdentity {
  /** Null for a public view: its page is the same for everyone, signed in or not. */
  principal: Principal | null;
  /** What the page is made from besides its reader's roles: a revision, or /my's sources. */
  revision: unknown;
  /** The header's bell: the user's newest notification and unread count ("" for a public view). */
  notifications: string;
  /** Whether the header's menu leads to KPI (it depends on the KPI figures in the reader's scope). */
  kpiMenu: boolean;
  locale: string;
  today: string;
}

interface CacheableView {
  path: RegExp;
  /**
   * What the page is made from, as a scalar subquery: read in the session's own statement (one round
   * trip for a kept page), or alone for a public view. Null when there is no such page to keep (an
   * unpublished programme).
   */
  revision?: (match: RegExpMatchArray) => RawBuilder<number | string | null>;
  /**
   * For a page made from what the reader's roles reach: what it is made from, read once the principal
   * is known; null when the reader has no such page. It may leave what it read in the request's context
   * for the page's loader.
   */
  sources?: (db: Kysely<Database>, principal: Principal, context: RequestContext) => Promise<unknown>;
  /** The page shows nothing of its reader (ADR 31): keyed without a principal, answered signed in or not. */
  public?: true;
}

/** Pages whose whole content follows from what they are made of, their reader and the URL. */
const CACHEABLE_VIEWS: CacheableView[] = [
  // The road map's dashboard (routes/_app.roadmaps.$roadMapId._index.tsx) and its layout.
  { path: /^\/roadmaps\/(\d{1,9})\/?$/, revision: (match) => roadMapRevisionValue(Number(match[1])) },
  // A published programme's public page and its road maps' (routes/p.*): the same for every reader.
  {
    path: /^\/p\/(\d{1,9})(?:\/\d{1,9})?\/?$/,
    revision: (match) => publicRevisionValue(Number(match[1])),
    public: true,
  },
  // A department's quarter (routes/_app.my.tsx): its loader makes the page from the same sources.
  {
    path: /^\/my\/?$/,
    sources: async (db, principal, context) => {
      const departmentIds = editableDepartmentIds(principal);
      if (departmentIds.length === 0) return null;
      const sources = await myPageSources(db, principal.id, departmentIds);
      context.myPage = sources;
      return { revisions: sources.revisions, decisions: sources.decisions };
    },
  },
];

export function viewKey(url: string, identity: ViewIdentity): string {
  return createHash("sha256").update(url).update("\0").update(JSON.stringify(identity)).digest("base64url");
}

interface RememberedView {
  pageKey: string;
  headers: [string, string][];
}

/** Headers the kept page's answer sets again for each request (its coding and validator). */
const PER_ANSWER = new Set(["content-encoding", "content-length", "etag"]);

/** View keys → the kept page Remix answered with; least recently used forgotten first. */
export class ViewCache {
  private readonly views = new Map<string, RememberedView>();

  constructor(
    readonly maxViews: number,
    private readonly pages: () => PageCache,
  ) {}

  get size(): number {
    return this.views.size;
  }

  /** The kept page for this view as this request's answer, or null (never seen, or the page is gone). */
  async answer(request: Request, key: string): Promise<Response | null> {
    const view = this.views.get(key);
    if (!view) return null;
    const page = this.pages().get(view.pageKey);
    if (!page) {
      this.views.delete(key);
      return null;
    }
    this.views.delete(key);
    this.views.set(key, view);
    return keptAnswer(this.pages(), request, view.pageKey, page, 200, new Headers(view.headers));
  }

  /** Remembers Remix's answer to a view when it was a kept page for everyone with this identity. */
  remember(key: string, pageKey: string | undefined, response: Response): void {
    if (!pageKey || (response.status !== 200 && response.status !== 304) || response.headers.has("Set-Cookie")) return;
    const headers = [...response.headers].filter(([name]) => !PER_ANSWER.has(name.toLowerCase()));
    this.views.delete(key);
    this.views.set(key, { pageKey, headers });
    if (this.views.size > this.maxViews) this.views.delete(this.views.keys().next().value!);
  }
}

/** A remembered view is ≈ 300 bytes: 20 000 of them are a few MB, far below the pages they point at. */
export const viewCache = new ViewCache(20_000, pageCache);

/** Requests Remix answers itself, whatever the view: writes, development, a notice to show and clear. */
export function leftToRemix(request: Request): boolean {
  return (
    request.method !== "GET" ||
    env().PAGE_CACHE_MB === 0 ||
    process.env.NODE_ENV === "development" ||
    // A notice carried to this page (domain/editing/flash.server.ts) is shown and cleared by the root loader.
    (request.headers.get("Cookie")?.includes("__flash=") ?? false)
  );
}

async function revisionAlone(revision: RawBuilder<unknown>): Promise<unknown> {
  const db = await database();
  return (await db.selectNoFrom(revision.as("revision")).executeTakeFirstOrThrow()).revision;
}

/** The identity of a request for a cacheable view, or null: not such a view, nobody signed in, no database. */
export async function viewIdentityOf(request: Request, context: RequestContext): Promise<ViewIdentity | null> {
  if (leftToRemix(request)) return null;
  const url = new URL(request.url);
  for (const view of CACHEABLE_VIEWS) {
    const match = url.pathname.match(view.path);
    if (!match) continue;
    try {
      // What the page is made of is read before it is rendered, so a page is never remembered under a
      // revision older than its data.
      const revision = view.revision?.(match) ?? sql<null>`null`;
      if (view.public) {
        const alone = await revisionAlone(revision);
        if (alone === null) return null;
        const locale = await localeOf(request);
        return { principal: null, revision: alone, notifications: "", kpiMenu: false, locale, today: today() };
      }
      const session = await getUserSessionAlong(request, revision);
      if (!session) return null;
      const { principal } = session;
      const db = await database();
      const [made, kpiMenu, locale] = await Promise.all([
        view.sources ? view.sources(db, principal, context) : session.alongside,
        showsKpiMenu(db, principal),
        localeOf(request),
      ]);
      if (made === null) return null;
      const notifications = `${session.notifications.newest}:${session.notifications.unread}`;
      return { principal, revision: made, notifications, kpiMenu, locale, today: today() };
    } catch {
      // Remix answers instead, with its own handling of an unavailable database.
      return null;
    }
  }
  return null;
}

const today = () => todayIn(env().APP_TIME_ZONE);
