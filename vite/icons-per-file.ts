import type { Plugin } from "vite";

// `import { IconX } from "@tabler/icons-react"` makes the bundler read the package's index and its 6 000
// icon modules (four in five of the client build's modules, half of its time) to keep the 48 we use,
// and makes every server process load all of them (≈ 85 MB). Each named import is turned into an
// import of that icon's own module instead; the icons are the same.
const BARREL_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']@tabler\/icons-react["'];?/g;
const ICON = /^Icon[A-Za-z0-9]+$/;

/** The same module with each icon imported from its own file; null when there is nothing to change. */
export function importIconsPerFile(code: string): string | null {
  if (!code.includes("@tabler/icons-react")) return null;
  let changed = false;
  const result = code.replace(BARREL_IMPORT, (whole, names: string) => {
    const specifiers = names
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => {
        const [imported = "", local = imported] = name.split(/\s+as\s+/);
        return { imported, local };
      });
    // Anything but plain icons (types, helpers) keeps the import as it was.
    if (specifiers.some(({ imported }) => !ICON.test(imported))) return whole;
    changed = true;
    return specifiers
      .map(({ imported, local }) => `import ${local} from "@tabler/icons-react/dist/esm/icons/${imported}.mjs";`)
      .join("\n");
  });
  return changed ? result : null;
}

export function iconsPerFile(): Plugin {
  return {
    name: "oryndau:icons-per-file",
    transform(code, id) {
      if (id.includes("/node_modules/")) return null;
      const result = importIconsPerFile(code);
      return result === null ? null : { code: result, map: null };
    },
  };
}
