import { createHash } from "node:crypto";
import type { RawBuilder } from "kysely";
import type { Principal } from "~/domain/auth/access";
import { getUserSessionAlong } from "~/domain/auth/session.server";
import { roadMapRevisionValue } from "~/domain/execution/figures-cache.server";
import { publicRevisionValue } from "~/domain/public/publication.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";
import { keptAnswer, pageCache } from "./kept-pages.server";
import type { PageCache } from "./page-cache.server";

// A repeat view answered before Remix runs (ADR 20). A page that Remix rendered and kept (entry.server.tsx)
// is remembered under everything it was made from: the URL, the principal exactly as loaded for the
// request (user, name, every role with its scope), the road map's revision (moved by every write that
// can change what the page shows, migration 2026-11-22T1400), the locale and the day. The next request
// with all of these equal costs a session lookup (with the bell's stamp), a revision lookup and the kept bytes; anything that
// differs — another scope, a write, a new day — goes through Remix, which checks access again.

/** What a view is made for, read fresh for each request. */
export interface ViewIdentity {
  /** Null for a public view: its page is the same for everyone, signed in or not. */
  principal: Principal | null;
  revision: number | string;
  /** The header's bell: the user's newest notification and unread count ("" for a public view). */
  notifications: string;
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
  revision: (match: RegExpMatchArray) => RawBuilder<number | string | null>;
  /** The page shows nothing of its reader (ADR 31): keyed without a principal, answered signed in or not. */
  public?: true;
}

/** Pages whose whole content follows from a road map's revision, its reader and the URL. */
const CACHEABLE_VIEWS: CacheableView[] = [
  // The road map's dashboard (routes/_app.roadmaps.$roadMapId._index.tsx) and its layout.
  { path: /^\/roadmaps\/(\d{1,9})\/?$/, revision: (match) => roadMapRevisionValue(Number(match[1])) },
  // A published programme's public page and its road maps' (routes/p.*): the same for every reader.
  {
    path: /^\/p\/(\d{1,9})(?:\/\d{1,9})?\/?$/,
    revision: (match) => publicRevisionValue(Number(match[1])),
    public: true,
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

async function revisionAlone(revision: RawBuilder<number | string | null>): Promise<number | string | null> {
  const db = await database();
  return (await db.selectNoFrom(revision.as("revision")).executeTakeFirstOrThrow()).revision;
}

/** The identity of a request for a cacheable view, or null: not such a view, nobody signed in, no database. */
export async function viewIdentityOf(request: Request): Promise<ViewIdentity | null> {
  if (leftToRemix(request)) return null;
  const url = new URL(request.url);
  for (const view of CACHEABLE_VIEWS) {
    const match = url.pathname.match(view.path);
    if (!match) continue;
    try {
      // The revision is read before the page is rendered, so a page is never remembered under a
      // revision older than its data.
      const revision = view.revision(match);
      const session = view.public ? null : await getUserSessionAlong(request, revision);
      const identity = view.public
        ? { principal: null, revision: await revisionAlone(revision), notifications: "" }
        : session && {
            principal: session.principal,
            revision: session.alongside,
            notifications: `${session.notifications.newest}:${session.notifications.unread}`,
          };
      if (!identity || identity.revision === null) return null;
      return {
        ...identity,
        revision: identity.revision,
        locale: await localeOf(request),
        today: todayIn(env().APP_TIME_ZONE),
      };
    } catch {
      // Remix answers instead, with its own handling of an unavailable database.
      return null;
    }
  }
  return null;
}
