import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderTable } from "./lib/results-table.ts";

/**
 * Prints the benchmark table rendered from bench/results/*.json; with `--write-readme`, puts it
 * into README.md between `<!-- bench:start -->` and `<!-- bench:end -->` (nothing else changes).
 * Run: `npx tsx bench/readme-table.ts [--write-readme]`.
 */
const README = join(dirname(fileURLToPath(import.meta.url)), "..", "README.md");
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

export function writeReadmeTable(): string {
  const text = readFileSync(README, "utf8");
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from)
    return `README.md has no ${START} … ${END} section; the table is printed only`;
  const updated = `${text.slice(0, from + START.length)}\n${renderTable()}\n${text.slice(to)}`;
  writeFileSync(README, updated);
  return "README.md's benchmark table updated";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(renderTable());
  if (process.argv.includes("--write-readme")) console.log(`\n${writeReadmeTable()}`);
}
