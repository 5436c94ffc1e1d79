import postgres from "postgres";

// The benchmark writes (progress entries, a returned report, an account): it works on a copy of the
// data it is given, made as a template copy, and drops the copy at the end, so the data given stays
// as it was and a second run measures the same rows.

export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const IN_USE = "55006";

export async function copyDatabase(sourceUrl: string, log: (line: string) => void): Promise<ScratchDatabase> {
  const source = new URL(sourceUrl);
  const sourceName = decodeURIComponent(source.pathname.slice(1));
  const name = `${sourceName}_bench_${process.pid}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unusable database name: ${name}`);
  const server = new URL(source);
  server.pathname = "/postgres";
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  try {
    const [{ version }] = await admin<
      [{ version: number }]
    >`SELECT current_setting('server_version_num')::int AS version`;
    // A file copy is several times faster than the WAL-logged default (PostgreSQL 15+) for a large database.
    const strategy = version >= 150_000 ? " STRATEGY FILE_COPY" : "";
    // A template copy needs the source to itself; other sessions usually leave within a minute.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${sourceName}${strategy}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== IN_USE || attempt >= 60) throw error;
        if (attempt === 0) log(`waiting for other sessions to leave ${sourceName}…`);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(source);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = postgres(server.toString(), { max: 1, onnotice: () => {} });
      try {
        await client.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
