#!/usr/bin/env node
// `npm start`: install, build the client, then run the server as this process's one child.
//
// Why a script rather than a chain in package.json: `npm start` used to be npm → sh → pnpm →
// pnpm run → sh → tsx → node, and a SIGTERM to the npm process stopped npm but left the server
// holding its port. Here the server is a direct child (node with the tsx loader, no pnpm in
// between); SIGINT, SIGTERM and SIGHUP are passed on to it, the server saves and closes its
// connections (its own handler in server/src/main.ts), and this script exits with its code.
//
// LOGIC_CANVAS_SKIP_BUILD=1 skips install and build (tests of the stop path, a second start).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
/** The process running now (install, build or the server), which a signal is passed on to. */
let current = null;
let stopSignal = null;

function stop(signal) {
  stopSignal ??= signal;
  // Ctrl-C in a terminal reaches the child too (same process group); a second copy is harmless
  // since the server stops once however often it is asked.
  current?.kill(signal);
}
for (const signal of SIGNALS) process.on(signal, () => stop(signal));

// npm passes a SIGTERM on to the shell it ran this script with, and that shell (dash, Debian's
// sh) dies of it without passing it on: this script would be left running with the server. So
// the death of the parent counts as a SIGTERM.
const parent = process.ppid;
const parentWatch = setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    clearInterval(parentWatch);
    stop("SIGTERM");
  }
}, 200);
parentWatch.unref();

/** Runs a command to its end; resolves with its exit code (128 + n when a signal ended it). */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", ...options });
    current = child;
    child.on("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1));
    });
  });
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGTERM: 15, SIGKILL: 9 }[signal];
}

const pnpm = (...args) => run(process.execPath, [join(root, "scripts/pnpm.mjs"), ...args]);

async function main() {
  if (process.env.LOGIC_CANVAS_SKIP_BUILD !== "1") {
    for (const step of [["install"], ["run", "--filter", "@logic-canvas/client", "build"]]) {
      const code = await pnpm(...step);
      if (code !== 0 || stopSignal) return code || 130;
    }
  }
  // The server from its own folder, as `pnpm --filter @logic-canvas/server start` ran it, so
  // its default data folder stays server/data.
  return run(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: join(root, "server"),
  });
}

main().then((code) => process.exit(code));
