// The demo record served by the real binary, as a reader's browser meets it: `tandoo demo`
// writes the story into a fresh file, `tandoo user add` makes the accounts the live test
// logs in with, then `tandoo serve` listens on a port the system picks and says which.

import { spawn, execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { existsSync } from "node:fs";

const run = promisify(execFile);

/// The password of every account the tests make (long enough for the account rules).
export const PASSWORD = "a browser test's password";

/// The binary under test: the one `.ci/run` built, named by TANDOO_BIN.
export function binary() {
  const path = process.env.TANDOO_BIN;
  if (!path) {
    throw new Error("TANDOO_BIN must name the tandoo binary to test (e.g. target/debug/tandoo)");
  }
  if (!existsSync(path)) {
    throw new Error(`TANDOO_BIN names ${path}, which does not exist: build it first`);
  }
  return path;
}

/// How long the server may take to say where it listens: a debug build on a busy machine
/// renders the whole first publication before it listens.
const LISTEN_WAIT_MS = 120_000;

/// The demo record in a fresh directory, with `accounts` ([{user, role, commission}]),
/// served until `stop()`; `steps` writes only the story's first steps (1: the set-up, no
/// protocol entered).
export async function startDemo({ accounts = [], steps } = {}) {
  const tandoo = binary();
  const dir = await mkdtemp(join(tmpdir(), "tandoo-browser-"));
  const db = join(dir, "demo.sqlite");
  const only = steps === undefined ? [] : ["--steps", String(steps)];
  await run(tandoo, ["demo", "--db", db, "--no-serve", ...only], { maxBuffer: 16 * 1024 * 1024 });
  for (const { user, role, commission } of accounts) {
    await run(tandoo, ["user", "add", "--db", db, "--user", user, "--role", role, "--commission", commission], {
      env: { ...process.env, TANDOO_PASSWORD: PASSWORD },
    });
  }
  const child = spawn(tandoo, ["serve", "--db", db, "--listen", "127.0.0.1:0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`tandoo serve said no address within ${LISTEN_WAIT_MS} ms:\n${output}`)),
      LISTEN_WAIT_MS,
    );
    const hear = (chunk) => {
      output += chunk;
      // "Serving the record … on http://127.0.0.1:40345/api/health — Ctrl-C stops."
      const found = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(`http://${found[1]}`);
      }
    };
    child.stdout.setEncoding("utf8").on("data", hear);
    child.stderr.setEncoding("utf8").on("data", hear);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`tandoo serve ended (${code}) before listening:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const ended = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      // A server that does not stop on Ctrl-C within a while is stopped for good.
      const late = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await ended;
      clearTimeout(late);
    }
    await rm(dir, { recursive: true, force: true });
  };
  return { base, db, stop };
}

/// A logged-in client of the JSON API: `submit(body)` posts a command as that account.
export async function logIn(base, user) {
  const login = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ user, password: PASSWORD }),
  });
  if (login.status !== 200) {
    throw new Error(`${user} could not log in: ${login.status} ${await login.text()}`);
  }
  const cookie = login.headers.get("set-cookie").split(";")[0];
  const { csrf_token: csrf } = await login.json();
  const call = async (method, path, body) => {
    const answer = await fetch(`${base}${path}`, {
      method,
      headers: {
        Cookie: cookie,
        "X-CSRF-Token": csrf,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    if (!answer.ok) {
      throw new Error(`${method} ${path} as ${user}: ${answer.status} ${text}`);
    }
    return JSON.parse(text);
  };
  return {
    get: (path) => call("GET", path),
    submit: (command) => call("POST", "/api/commands", command),
  };
}
