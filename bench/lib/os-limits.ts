import { readFileSync } from "node:fs";

/** This process's open-file limit (what `ulimit -n` shows), soft and hard; children inherit it. */
export function openFileLimit(): { soft: number; hard: number } {
  const limits = readFileSync("/proc/self/limits", "utf8");
  const line = limits.split("\n").find((l) => l.startsWith("Max open files")) ?? "";
  const [soft, hard] = line
    .replace("Max open files", "")
    .trim()
    .split(/\s+/)
    .map((v) => (v === "unlimited" ? Number.POSITIVE_INFINITY : Number(v)));
  return { soft: soft ?? NaN, hard: hard ?? NaN };
}

/**
 * Whether `connections` sockets fit: the server holds one descriptor per connection (plus its
 * database, listening socket and Node's own, ~100), and so do the client processes between them.
 */
export function checkOpenFiles(connections: number, clientProcesses: number) {
  const limit = openFileLimit();
  const serverNeeds = connections + 100;
  const clientNeeds = Math.ceil(connections / clientProcesses) + 100;
  const enough = limit.soft >= Math.max(serverNeeds, clientNeeds);
  return {
    ulimitN: limit,
    serverNeeds,
    perClientProcessNeeds: clientNeeds,
    enough,
    note: enough
      ? `ulimit -n ${limit.soft} covers ${serverNeeds} descriptors in the server`
      : `raise it first: ulimit -n ${serverNeeds} (hard limit ${limit.hard})`,
  };
}
