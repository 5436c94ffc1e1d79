// The first pattern that matches names it: Edge, Opera and Yandex Browser also call themselves Chrome,
// and Chrome calls itself Safari.
const BROWSERS: Array<[string, RegExp]> = [
  ["Edge", /Edg(e|A|iOS)?\//],
  ["Yandex Browser", /YaBrowser\//],
  ["Opera", /OPR\/|Opera/],
  ["Firefox", /Firefox\/|FxiOS\//],
  ["Chrome", /Chrome\/|CriOS\/|Chromium\//],
  ["Safari", /Safari\//],
];
const SYSTEMS: Array<[string, RegExp]> = [
  ["Android", /Android/],
  ["iOS", /iPhone|iPad|iPod/],
  ["Windows", /Windows/],
  ["macOS", /Mac OS X|Macintosh/],
  ["Linux", /Linux|X11/],
];

const first = (names: Array<[string, RegExp]>, agent: string) =>
  names.find(([, pattern]) => pattern.test(agent))?.[0] ?? null;

/** «Chrome», «Windows» from a User-Agent header: enough for a person to recognise their own device. */
export function describeUserAgent(userAgent: string | null): { browser: string | null; system: string | null } {
  const agent = userAgent ?? "";
  return { browser: first(BROWSERS, agent), system: first(SYSTEMS, agent) };
}
