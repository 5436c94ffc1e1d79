import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { send } from "./http";

// The built app (`node server.mjs`) as an operator starts it. With PostgreSQL it is a cluster: a
// primary and one worker per core. It runs in a process group of its own, so that stopping it stops
// every worker, and the benchmark waits until the whole group is gone.

export interface AppProcess {
  base: string;
  pid: number;
  /** Resident memory of the primary and every process under it, from /proc/<pid>/status VmRSS. */
  memory(): { totalMb: number; processes: number };
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How to start it: the checkout whose build to run (to compare two builds in one run), Node's flags. */
export interface StartOptions {
  cwd?: string;
  execArgv?: string[];
}

export async function startApp(
  env: Record<string, string>,
  port: number,
  start: StartOptions = {},
): Promise<AppProcess> {
  const child = spawn(process.execPath, [...(start.execArgv ?? []), "server.mjs"], {
    cwd: start.cwd,
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const pid = child.pid!;
  const base = `http://127.0.0.1:${port}`;
  const groupAlive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  const stop = async () => {
    if (!groupAlive()) return;
    process.kill(-pid, "SIGTERM");
    // The app drains and closes its pools within 10 s of SIGTERM; a group still there after 15 s is killed.
    await Promise.race([exited, sleep(15_000)]);
    for (let waited = 0; groupAlive() && waited < 5_000; waited += 100) await sleep(100);
    if (groupAlive()) {
      process.kill(-pid, "SIGKILL");
      while (groupAlive()) await sleep(100);
    }
  };

  // Ready once /readyz (which queries the database) answers: migrations on large data may take a while.
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the app stopped at start (was \`npm run build\` run?):\n${output}`);
    const ready = await send(`${base}/readyz`).then(
      (answer) => answer.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app was not ready within 300 s:\n${output}`);
    }
    await sleep(250);
  }

  // One worker answering is not all of them up: the count of processes is to hold still for 2 s.
  let count = descendants(pid).length;
  for (let still = 0, waited = 0; still < 2_000 && waited < 20_000; waited += 250) {
    await sleep(250);
    const now = descendants(pid).length;
    still = now === count ? still + 250 : 0;
    count = now;
  }

  return {
    base,
    pid,
    memory() {
      const pids = [pid, ...descendants(pid)];
      const kb = pids.reduce((sum, each) => sum + residentKb(each), 0);
      return { totalMb: kb / 1024, processes: pids.length };
    },
    stop,
  };
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent's pid is the second field after the command name, which may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

function residentKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
