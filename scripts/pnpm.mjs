#!/usr/bin/env node
// Runs the pnpm version pinned in package.json's packageManager without corepack, whose
// signature check fails against this registry: a fresh machine needs only Node and npm.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const { packageManager } = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
);
const version = packageManager.replace(/^pnpm@/, "");
const result = spawnSync("npx", ["--yes", `pnpm@${version}`, ...process.argv.slice(2)], {
  stdio: "inherit",
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
