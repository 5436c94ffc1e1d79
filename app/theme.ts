import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from "@mantine/core";

// The blue of Kazakhstan's flag, from light to dark.
const steppe: MantineColorsTuple = [
  "#e3f8fd",
  "#d0eef7",
  "#a2dbed",
  "#70c7e3",
  "#49b6da",
  "#30acd5",
  "#1ea6d3",
  "#0091bb",
  "#00759c",
  "#006283",
];

export const theme = createTheme({
  primaryColor: "steppe",
  // Shades 8 (and 9, on hover): white text on them, and they on white, pass WCAG AA.
  primaryShade: 8,
  colors: { steppe },
  fontFamily: "Inter, 'Segoe UI', 'DejaVu Sans', 'Noto Sans', Roboto, system-ui, sans-serif",
  headings: { fontFamily: "Inter, 'Segoe UI', 'DejaVu Sans', 'Noto Sans', Roboto, system-ui, sans-serif" },
  defaultRadius: "md",
});

/**
 * Secondary text and the text of Mantine's "light" variants (badges, light buttons), darkened so that
 * they pass WCAG AA (4.5:1) on white, on the grey page and on their own tint.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "#596168",
    "--mantine-color-steppe-light-color": "#005a78",
    "--mantine-color-red-light-color": "#a61e1e",
    "--mantine-color-yellow-light-color": "#6b4100",
    "--mantine-color-orange-light-color": "#9a3d00",
    "--mantine-color-teal-light-color": "#0b5e45",
    "--mantine-color-gray-light-color": "#495057",
  },
  dark: {},
});
