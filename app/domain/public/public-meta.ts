import type { MetaDescriptor } from "@remix-run/node";

// The <meta> of a public page, for search engines and for a link shared in a messenger: made by the
// loader (the words in the reader's language, the address from PUBLIC_URL), written out by the route.

export interface PublicMeta {
  title: string;
  description: string;
  /** The page's absolute address when PUBLIC_URL is set; a relative og:url means nothing to a crawler. */
  url: string | null;
  locale: string;
}

const OG_LOCALE: Record<string, string> = { kk: "kk_KZ", ru: "ru_RU", en: "en_GB" };

export function publicMetaTags(meta: PublicMeta | undefined): MetaDescriptor[] {
  if (!meta) return [{ title: "Oryndau" }];
  return [
    { title: meta.title },
    { name: "description", content: meta.description },
    { property: "og:type", content: "website" },
    { property: "og:title", content: meta.title },
    { property: "og:description", content: meta.description },
    { property: "og:locale", content: OG_LOCALE[meta.locale] ?? meta.locale },
    { property: "og:site_name", content: "Oryndau" },
    ...(meta.url
      ? [
          { property: "og:url", content: meta.url },
          { tagName: "link", rel: "canonical", href: meta.url },
        ]
      : []),
    { name: "twitter:card", content: "summary" },
  ];
}
