import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "~/env.server";

// Where evidence files' bytes are kept, behind the few operations the app needs, so that another
// store (an S3-compatible bucket) can take the file system's place by implementing the same interface.

export interface FileStore {
  /** Keeps the bytes under the key; a key is written once. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under the key, or null when there are none. */
  get(key: string): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Forgets the key; nothing happens when it is not there. */
  remove(key: string): Promise<void>;
}

/** Keys are the store's own (evidence.server.ts makes them): hex, optionally with a variant suffix. */
const KEY = /^[0-9a-f]{32}(\.thumb)?$/;

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a file store key: ${key}`);
  return key;
}

/** Files under a directory, two levels of sub-directories by the key's first letters. */
export function fileSystemStore(root: string): FileStore {
  const where = (key: string) => path.join(root, checkedKey(key).slice(0, 2), checkedKey(key).slice(2, 4), key);
  return {
    async put(key, bytes) {
      const file = where(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { flag: "wx", mode: 0o600 });
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(where(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(where(key), { force: true });
    },
  };
}

let store: FileStore | undefined;

/** The store the settings name: the file system under EVIDENCE_DIR, or DATA_DIR/evidence. */
export function evidenceStore(): FileStore {
  store ??= fileSystemStore(env().EVIDENCE_DIR ?? path.join(env().DATA_DIR, "evidence"));
  return store;
}
