import http from "node:http";
import zlib from "node:zlib";
import autocannon from "autocannon";

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
  const { status, headers, raw, ms } = await exchange(url, options).catch(
    (error: Error & { reusedSocket?: boolean }) => {
      // A kept-alive connection the server closed as idle just as it was reused: the request never
      // reached the app, so it is sent again on a new connection (as Node's documentation advises).
      if (error.reusedSocket) return exchange(url, options);
      throw error;
    },
  );
  return { status, headers, transferred: raw.length, body: decode(raw, headers["content-encoding"]), ms };
}

function exchange(
  url: string,
  options: SendOptions,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: Buffer; ms: number }> {
  const payload = options.form?.toString();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        agent,
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
  requestsPerSecond: number;
  /** Every answer's time, ms. */
  latencies: number[];
  /** Bytes on the wire per answer, headers included. */
  bytesPerAnswer: number;
  /** Answers that were not 2xx, errors and timeouts: a run with any of them is not a figure. */
  failures: string | null;
}

/** `connections` clients requesting `url` back to back for `seconds`. */
export async function load(url: string, connections: number, seconds: number, cookie?: string): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        // A slow answer is a figure (its time counts), not a failure: only one after a minute is.
        timeout: 60,
        headers: { "accept-encoding": BROWSER_ENCODINGS, ...(cookie ? { cookie } : {}) },
      },
      (error: unknown, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const problems = [
    result.non2xx && `${result.non2xx} non-2xx`,
    result.errors && `${result.errors} errors`,
    result.timeouts && `${result.timeouts} timeouts`,
  ].filter(Boolean);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    latencies,
    bytesPerAnswer: result.requests.total ? result.throughput.total / result.requests.total : 0,
    failures: problems.length ? `${url}: ${problems.join(", ")}` : null,
  };
}
