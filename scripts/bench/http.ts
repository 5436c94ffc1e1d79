import http from "node:http";
import zlib from "node:zlib";

// HTTP as a browser sends it: every request asks for compressed answers, bytes are counted as they
// travel, and anything but 2xx (or the redirect a form's save answers) is an error, not a figure.

export const BROWSER_ENCODINGS = "gzip, deflate, br";

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Bytes of the body as they travelled (compressed, when the server compressed it). */
  transferred: number;
  /** The body as the browser has it after decompression. */
  body: Buffer;
  /** From sending the request to the answer's last byte. */
  ms: number;
}

type SendOptions = { method?: string; headers?: Record<string, string>; form?: URLSearchParams };

export async function send(url: string, options: SendOptions = {}): Promise<Answer> {
  const { status, headers, raw, ms } = await retried(url, options, agent);
  return { status, headers, transferred: raw.length, body: decode(raw, headers["content-encoding"]), ms };
}

function retried(url: string, options: SendOptions, pool: http.Agent) {
  return exchange(url, options, pool).catch((error: Error & { reusedSocket?: boolean }) => {
    // A kept-alive connection the server closed as idle just as it was reused: the request never
    // reached the app, so it is sent again on a new connection (as Node's documentation advises).
    if (error.reusedSocket) return exchange(url, options, pool);
    throw error;
  });
}

function exchange(
  url: string,
  options: SendOptions,
  pool: http.Agent,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: Buffer; ms: number }> {
  const payload = options.form?.toString();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        agent: pool,
        method: options.method ?? "GET",
        headers: {
          "accept-encoding": BROWSER_ENCODINGS,
          ...(payload === undefined
            ? {}
            : { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(payload) }),
          ...options.headers,
        },
        timeout: 120_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            raw: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`${url}: no answer within 120 s`)));
    request.on("error", (error: Error & { code?: string }) =>
      reject(Object.assign(error, { reusedSocket: request.reusedSocket && error.code === "ECONNRESET" })),
    );
    request.end(payload);
  });
}

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  if (encoding === "br") return zlib.brotliDecompressSync(raw);
  if (encoding === "gzip") return zlib.gunzipSync(raw);
  if (encoding === "deflate") return zlib.inflateSync(raw);
  return raw;
}

/** A GET that must answer 2xx. */
export async function get(url: string, cookie?: string): Promise<Answer> {
  const answer = await send(url, { headers: cookie ? { cookie } : {} });
  if (answer.status < 200 || answer.status >= 300)
    throw new Error(`GET ${url} answered ${answer.status}: ${answer.body.toString().slice(0, 300)}`);
  return answer;
}

export async function signIn(base: string, login: string, password: string): Promise<string> {
  const answer = await send(`${base}/login`, {
    method: "POST",
    form: new URLSearchParams({ login, password, redirectTo: "/" }),
  });
  const cookies = [answer.headers["set-cookie"] ?? []].flat().map((cookie) => cookie.split(";")[0]!);
  if (answer.status !== 302 || !cookies.some((cookie) => cookie.startsWith("__session=")))
    throw new Error(`could not sign in as ${login} (${answer.status})`);
  return cookies.join("; ");
}

export function closeConnections(): void {
  agent.destroy();
}

export interface LoadResult {
  /** Answers per second, the time for the answers still in flight at the end included. */
  requestsPerSecond: number;
  /** Every answer's time, ms. */
  latencies: number[];
  /** Body bytes on the wire per answer (compressed, when the server compressed it). */
  bytesPerAnswer: number;
  /** Answers that were not 2xx and requests that failed, and what they were. */
  failed: number;
  failures: string | null;
}

/**
 * `connections` clients, each on its own kept-alive connection, requesting `url` back to back for
 * `seconds` (each at least once). Requests in flight at the end are waited for (and counted): a load generator that
 * dropped them, as autocannon does, would leave the server working on them into the next run.
 */
export async function load(url: string, connections: number, seconds: number, cookie?: string): Promise<LoadResult> {
  const pool = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const problems = new Map<string, number>();
  const problem = (what: string) => problems.set(what, (problems.get(what) ?? 0) + 1);
  let bytes = 0;
  const begun = performance.now();
  const until = begun + seconds * 1000;
  const client = async () => {
    do {
      try {
        const answer = await retried(url, { headers: cookie ? { cookie } : {} }, pool);
        bytes += answer.raw.length;
        if (answer.status >= 200 && answer.status < 300) latencies.push(answer.ms);
        else problem(`${answer.status}`);
      } catch (error) {
        problem((error as { code?: string }).code ?? String(error));
      }
    } while (performance.now() < until);
  };
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - begun) / 1000;
  pool.destroy();
  const answers = latencies.length + [...problems.values()].reduce((sum, count) => sum + count, 0);
  return {
    requestsPerSecond: latencies.length / elapsed,
    latencies,
    bytesPerAnswer: answers ? bytes / answers : 0,
    failed: answers - latencies.length,
    failures: problems.size ? `${url}: ${[...problems].map(([what, count]) => `${count} × ${what}`).join(", ")}` : null,
  };
}
