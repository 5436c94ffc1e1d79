import { lazy, Suspense, useState, useSyncExternalStore, type ComponentType } from "react";

// recharts is the largest library the app has (≈ 110 kB gzipped), and our charts are pictures: no
// tooltip, no animation, nothing to click. The server draws them (it renders each page whole, so the
// drawing's module is loaded before the page is sent). The browser keeps the server's SVG for as long
// as the chart shows the figures it was drawn with, and loads recharts only when it must draw a chart
// itself: after a client-side navigation changed them. The drawing's module is imported only
// dynamically, so that recharts stays out of the page's chunks.

const noSubscription = () => () => {};
// React leaves an element's server HTML alone when it hydrates one set by dangerouslySetInnerHTML
// (the mismatch is expected, hence suppressHydrationWarning), and later renders leave it alone too
// while the value stays the same.
const KEEP_SERVER_HTML = { __html: "" };

/**
 * A recharts drawing as a page uses it, in a `.chart` box. `load` brings the drawing's module;
 * `aspect` (width / height) keeps the chart's space while the browser loads it.
 */
export function drawnOnServer<P extends object>(load: () => Promise<ComponentType<P>>, aspect: number) {
  // lazy() types its props with refs, which a drawing does not take: it is the same component.
  const Drawing = lazy(() => load().then((drawing) => ({ default: drawing }))) as unknown as ComponentType<P>;
  const space = { aspectRatio: String(aspect) };
  function DrawnOnServer(props: P) {
    const hydrating = useSyncExternalStore(
      noSubscription,
      () => false,
      () => true,
    );
    // What the server drew, when this chart came with the page; forgotten once the chart is drawn
    // here, since the server's SVG is then gone (back to the same figures, it is drawn here again).
    const figures = JSON.stringify(props);
    const [drawnOnServer, setDrawnOnServer] = useState(() => (hydrating ? figures : null));
    if (drawnOnServer !== null && drawnOnServer !== figures) setDrawnOnServer(null);
    if (!import.meta.env.SSR && drawnOnServer === figures) {
      return (
        <div
          className="chart"
          aria-hidden
          style={space}
          dangerouslySetInnerHTML={KEEP_SERVER_HTML}
          suppressHydrationWarning
        />
      );
    }
    return (
      <div className="chart" aria-hidden style={space}>
        <Suspense fallback={null}>
          <Drawing {...props} />
        </Suspense>
      </div>
    );
  }
  return DrawnOnServer;
}
