import type { Page } from "@playwright/test";

/**
 * What a reader of the page would call broken, found in the rendered page: the page scrolls sideways;
 * a badge, button or status word is cut («Аяқтал…», an empty pink blob); an icon squeezed to a dot;
 * a dictionary key («kpi.rank») or an enum code («on_track», «{{count}}») shown instead of words.
 * One line per finding, naming the element and its text, so that a failure says what to fix.
 */
export async function pageFitProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) => {
      const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
      const classes = [...element.classList].filter((name) => !name.startsWith("m_")).slice(0, 2);
      return `<${element.tagName.toLowerCase()}${classes.length ? `.${classes.join(".")}` : ""}> «${text}»`;
    };
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
    };

    const width = window.innerWidth;
    const pageWidth = Math.max(document.body.scrollWidth, document.documentElement.scrollWidth);
    if (pageWidth > width) {
      // Name the widest element that sticks out, so the failure points at the culprit.
      let widest: Element | undefined;
      let widestRight = width;
      for (const element of document.body.querySelectorAll("*")) {
        const right = element.getBoundingClientRect().right + window.scrollX;
        if (right > widestRight + 0.5 && !element.closest(".mantine-ScrollArea-root, [data-scroll]")) {
          widestRight = right;
          widest = element;
        }
      }
      problems.push(`page is ${pageWidth}px wide in a ${width}px window${widest ? `: ${describe(widest)}` : ""}`);
    }

    // Text that must be read whole: badges, buttons, status and RAG words, anything set to end in «…».
    const wholeText = document.querySelectorAll(
      ".mantine-Badge-root, .mantine-Badge-label, .mantine-Button-label, .status, .rag, .mantine-SegmentedControl-label",
    );
    const seen = new Set<Element>();
    for (const element of wholeText) {
      if (!visible(element)) continue;
      if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 2) {
        seen.add(element);
        problems.push(`cut text ${describe(element)} (${element.scrollWidth}px of text in ${element.clientWidth}px)`);
      }
    }
    for (const element of document.body.querySelectorAll("*")) {
      // Layout sizes first: the style is read only for the few elements whose text is wider than they are.
      if (element.scrollWidth <= element.clientWidth + 1 || seen.has(element)) continue;
      if (getComputedStyle(element).textOverflow === "ellipsis" && visible(element)) {
        problems.push(`cut text ${describe(element)} (ends in «…»)`);
      }
    }
    // Tabler icons carry their intended size; one squeezed by its row shrinks towards a dot.
    for (const icon of document.querySelectorAll("svg.tabler-icon")) {
      if (!visible(icon)) continue;
      const intended = Number(icon.getAttribute("width"));
      if (intended && icon.getBoundingClientRect().width < intended - 1) {
        problems.push(
          `squeezed icon ${describe(icon.parentElement ?? icon)} (${icon.getBoundingClientRect().width}px of ${intended}px)`,
        );
      }
    }

    // Keys and codes in the page's words; not in addresses, file names, typed-in fields, nor in what is
    // marked not to be translated (a login).
    const words: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest("script, style, template, textarea, [translate='no']")) {
        words.push(node.textContent ?? "");
      }
    }
    const text = words.join(" ");
    const KEY = /(?<![\w.@/-])[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)+(?![\w@/-]|\.\w)/g;
    const NOT_A_KEY = /\.(xlsx|docx|pdf|csv|png|jpe?g|kz|ru|com|org|net|gov|html?)$/;
    for (const [key] of text.matchAll(KEY)) {
      if (!NOT_A_KEY.test(key)) problems.push(`dictionary key shown: «${key}»`);
    }
    for (const [code] of text.matchAll(/(?<![\w.@/-])[a-z]+_[a-z_]+(?![\w@/-])|\{\{\s*\w+\s*\}\}/g)) {
      problems.push(`code shown: «${code}»`);
    }
    return problems;
  });
}

// Query parameters that change what a page lays out (the projector's sizes, an edit form, a confirmation);
// any other (the filters, a sort) only changes which rows are shown.
const LAYOUT_PARAMETERS = new Set(["large", "edit", "close"]);

/** A page's shape: its path with ids as `:id`, e.g. /roadmaps/:id?filtered&large. */
export function pageShape(link: string): string {
  const url = new URL(link, "http://x");
  const path = url.pathname.replace(/\/\d+(?=\/|$)/g, "/:id");
  const keys = [...new Set(url.searchParams.keys())];
  const query = [
    ...(keys.some((key) => !LAYOUT_PARAMETERS.has(key)) ? ["filtered"] : []),
    ...keys.filter((key) => LAYOUT_PARAMETERS.has(key)).sort(),
  ].join("&");
  return query ? `${path}?${query}` : path;
}

// The paper and projector views (fitted to A4 or a screen by their own tests), sign-out, language
// and downloads are not pages of the app's shell.
const NOT_A_SHELL_PAGE = /^\/(logout|language)|\/(print|protocol|present)(\?|$)|\.(pdf|xlsx|docx|csv)(\?|$)|\/tables\//;

/**
 * The pages a signed-in user reaches by following links from `start`, one of each shape (a road map's
 * overview is checked once, not once per road map), read over HTTP so that the crawl is quick and
 * changes nothing. Shapes in `checked` (seen as another user) are not followed again, but the start
 * pages always are: they differ most from one role to another. At most `limit` pages; `checked`
 * gains the shapes returned.
 */
export async function reachablePages(
  page: Page,
  start: string[],
  limit: number,
  checked = new Set<string>(),
): Promise<string[]> {
  const queue = [...start];
  const shapes = new Set([...checked, ...queue.map(pageShape)]);
  const pages: string[] = [];
  while (queue.length && pages.length < limit) {
    const response = await page.request.get(queue.shift()!);
    if (!response.ok() || !(response.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    // A start page may redirect (/kpi to the user's own ranking): the page is where it lands.
    const landed = new URL(response.url());
    const path = `${landed.pathname}${landed.search}`;
    if (pages.includes(path)) continue;
    shapes.add(pageShape(path));
    pages.push(path);
    for (const [, href] of (await response.text()).matchAll(/<a [^>]*href="(\/[^"#]*)"/g)) {
      const link = href!.replace(/&amp;/g, "&");
      const shape = pageShape(link);
      if (NOT_A_SHELL_PAGE.test(link) || shapes.has(shape)) continue;
      shapes.add(shape);
      queue.push(link);
    }
  }
  for (const path of pages) checked.add(pageShape(path));
  return pages;
}
