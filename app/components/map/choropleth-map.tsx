import { useTranslation } from "react-i18next";
import { RAG_FILL, RagSign } from "~/components/rag";
import type { Rag, Thresholds } from "~/domain/execution/execution";

// A choropleth drawn entirely from the server's path strings: no script, the same in print, in the
// browser and in the meeting pack. Colour is never alone: each band has its own hatching, the legend
// its sign and words, each shape a <title> card, and the list beside the map has every figure.

export type AreaState = "figures" | "empty" | "outside";

export interface MapArea {
  id: number;
  name: string;
  d: string;
  labelAt: [number, number];
  small: boolean;
  state: AreaState;
  rag: Rag | null;
  /** The figure as the table beside it writes it; null when there is none to show. */
  figure: string | null;
  /** Where a click leads (the table row's link); none for what lies outside the view. */
  href: string | null;
}

const BANDS = ["green", "amber", "red", "none"] as const;
type Band = (typeof BANDS)[number];

const bandOf = (area: Pick<MapArea, "state" | "rag">): Band => (area.state === "figures" && area.rag) || "none";

/** The map's own short label: the kind of unit («ауданы», «город») goes, the list keeps the full name. */
export function shortName(name: string): string {
  const short = name
    .replace(/\s+(ауданы|қаласы|району|District)$/u, "")
    .replace(/\s+район$/u, "")
    .replace(/^(город|район)\s+/u, "");
  return short || name;
}

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-amber`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill={RAG_FILL.amber} />
        <line x1="0" y1="0" x2="0" y2="8" stroke="#fff" strokeOpacity="0.45" strokeWidth="3" />
      </pattern>
      <pattern id={`${prefix}-red`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill={RAG_FILL.red} />
        <path d="M0 4H8M4 0V8" stroke="#fff" strokeOpacity="0.4" strokeWidth="2" />
      </pattern>
      <pattern id={`${prefix}-none`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#dee2e6" />
        <circle cx="3" cy="3" r="1" fill="#868e96" />
      </pattern>
    </defs>
  );
}

const fillOf = (prefix: string, band: Band) => (band === "green" ? RAG_FILL.green : `url(#${prefix}-${band})`);

export function ChoroplethMap({
  id,
  title,
  areas,
  width,
  height,
  thresholds,
  unmapped,
  testId = "territory-map",
}: {
  id: string;
  title: string;
  areas: MapArea[];
  width: number;
  height: number;
  thresholds: Thresholds;
  /** Territories compared in the table that have no boundary to draw. */
  unmapped: string[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const words = (area: MapArea) =>
    area.state === "outside"
      ? t("geoMap.outside")
      : area.state === "empty" || !area.rag
        ? t("geoMap.noFigures")
        : `${area.figure ?? ""} · ${t(`rag.${area.rag}`)}`;
  // Small shapes carry a number instead of a label; the list beside the map spells them out.
  const numbers = new Map(areas.filter((area) => area.small).map((area, index) => [area.id, index + 1]));
  // What lies outside the reader's view is drawn for orientation only: grey, unnamed, not listed.
  const listed = areas
    .filter((area) => area.state !== "outside")
    .sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0));
  const described = (area: MapArea) => (area.state === "outside" ? words(area) : `${area.name}: ${words(area)}`);

  return (
    <figure className="choropleth" data-testid={testId} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="choropleth-title">
        {title}
      </figcaption>
      <div className="choropleth-body">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="choropleth-svg"
          aria-labelledby={`${id}-title`}
          xmlns="http://www.w3.org/2000/svg"
        >
          <Patterns prefix={id} />
          {areas.map((area) => {
            const band = bandOf(area);
            const shape = (
              <>
                <title>{described(area)}</title>
                <path
                  d={area.d}
                  fill={fillOf(id, band)}
                  stroke="#fff"
                  strokeWidth={1.2}
                  strokeLinejoin="round"
                  data-shape
                />
              </>
            );
            const data = { "data-territory": area.id, "data-rag": band, "data-state": area.state };
            return area.href ? (
              <a key={area.id} href={area.href} className="choropleth-area" aria-label={described(area)} {...data}>
                {shape}
              </a>
            ) : (
              <g key={area.id} className="choropleth-area" {...data}>
                {shape}
              </g>
            );
          })}
          <g className="choropleth-labels" aria-hidden="true">
            {listed.map((area) => {
              const [x, y] = area.labelAt;
              const number = numbers.get(area.id);
              if (number !== undefined) {
                return (
                  <g key={area.id}>
                    <circle cx={x} cy={y} r={9} fill="#fff" stroke="#212529" strokeWidth={1} />
                    <text x={x} y={y + 4} textAnchor="middle" className="choropleth-number">
                      {number}
                    </text>
                  </g>
                );
              }
              return (
                <text key={area.id} x={x} y={y} textAnchor="middle" className="choropleth-label">
                  <tspan x={x} dy={area.figure ? "-0.2em" : "0.35em"} className="choropleth-place">
                    {shortName(area.name)}
                  </tspan>
                  {area.state === "figures" && area.figure && (
                    <tspan x={x} y={y} dy="0.95em" className="choropleth-figure">
                      {area.figure}
                    </tspan>
                  )}
                </text>
              );
            })}
          </g>
        </svg>
        <div className="choropleth-side">
          <ul className="choropleth-legend" aria-label={t("geoMap.legend")}>
            {BANDS.map((band) => (
              <li key={band}>
                <svg width="22" height="14" aria-hidden="true">
                  <Patterns prefix={`${id}-key-${band}`} />
                  <rect width="22" height="14" rx="2" fill={fillOf(`${id}-key-${band}`, band)} />
                </svg>
                <RagSign rag={band === "none" ? null : band} />
                <span>{t(`geoMap.band.${band}`, { green: thresholds.green, amber: thresholds.amber })}</span>
              </li>
            ))}
          </ul>
          <ol className="choropleth-list" aria-label={t("geoMap.listTitle")}>
            {listed.map((area) => {
              const band = bandOf(area);
              const number = numbers.get(area.id);
              return (
                <li key={area.id} data-territory={area.id}>
                  <span className="choropleth-key">{number ?? ""}</span>
                  <span className="choropleth-name">{area.href ? <a href={area.href}>{area.name}</a> : area.name}</span>
                  <span className={`rag rag-${band}`}>
                    <RagSign rag={band === "none" ? null : band} />
                    {area.state === "figures" && area.figure ? area.figure : words(area)}
                  </span>
                </li>
              );
            })}
          </ol>
          {unmapped.length > 0 && (
            <p className="choropleth-note">{t("geoMap.unmapped", { names: unmapped.join(", ") })}</p>
          )}
        </div>
      </div>
      <p className="choropleth-attribution">{t("geoMap.attribution")}</p>
    </figure>
  );
}
