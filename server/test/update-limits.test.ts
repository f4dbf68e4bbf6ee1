import { spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  fullStateOf,
  mutationUpdates,
  otherYjsUpdates,
} from "../../tests/fixtures/hostile/real-updates.ts";
import {
  HOSTILE_UPDATES,
  type HostileUpdate,
  OUT_OF_RANGE_UPDATES,
} from "../../tests/fixtures/hostile/yjs-updates.ts";
import { checkUpdate } from "../src/gate/update-limits.ts";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("checkUpdate accepts what real Yjs produces", () => {
  it("every update of 40 random editing sessions, their merges, diffs and full states", () => {
    const updates = mutationUpdates(40, 60);
    expect(updates.length).toBeGreaterThan(1_500);
    for (const update of updates) expect(checkUpdate(update)).toEqual({ ok: true });
  });

  it("pastes, deletes, nested maps and arrays, formatted text, embeds, XML, subdocuments", () => {
    for (const update of otherYjsUpdates()) expect(checkUpdate(update)).toEqual({ ok: true });
  });

  it("the full state of a 5,000-card model (sync step 2 to a fresh client)", () => {
    const state = fullStateOf(5_000);
    expect(state.length).toBeGreaterThan(500_000);
    expect(checkUpdate(state)).toEqual({ ok: true });
  });
});

describe("checkUpdate refuses the hostile corpus", () => {
  for (const entry of [...HOSTILE_UPDATES, ...OUT_OF_RANGE_UPDATES]) {
    it(`${entry.name}`, () => {
      const result = checkUpdate(entry.bytes);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
    });
  }

  it("truncations and single-byte changes of real updates: never a pass that Yjs cannot take", () => {
    const real = mutationUpdates(3, 40).filter((u) => u.length > 8);
    let refused = 0;
    let accepted = 0;
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 3_000; i++) {
      const base = real[rand(real.length)] as Uint8Array;
      const bytes = Uint8Array.from(base);
      const mutated =
        i % 3 === 0
          ? bytes.subarray(0, rand(bytes.length))
          : (() => {
              for (let k = 0; k <= rand(3); k++) bytes[rand(bytes.length)] = rand(256);
              return bytes;
            })();
      const result = checkUpdate(mutated);
      if (!result.ok) {
        refused += 1;
        continue;
      }
      accepted += 1;
      // What passes must be safe to apply and to encode again (the server relays and stores it).
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, mutated);
      } catch {
        // Yjs refusing a well-formed but inconsistent update is fine: the gate catches throws.
      }
      expect(() => Y.encodeStateAsUpdate(doc)).not.toThrow();
    }
    expect(refused).toBeGreaterThan(500);
    expect(accepted).toBeGreaterThan(100);
  });
});

function runUnguarded(entry: HostileUpdate, timeoutMs: number) {
  return new Promise<{ timedOut: boolean; outcome?: string; extraRssMB?: number }>((done) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(repo, "tests/fixtures/hostile/apply-victim.ts"), entry.name],
      { cwd: repo, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += String(d);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", () => {
      clearTimeout(timer);
      const line = out.trim().split("\n").pop() ?? "";
      if (!line.startsWith("{")) return done({ timedOut: true });
      const parsed = JSON.parse(line) as { outcome: string; extraRssMB: number };
      done({ timedOut: false, outcome: parsed.outcome, extraRssMB: parsed.extraRssMB });
    });
  });
}

describe("without the check, Yjs is hurt by the corpus (each in a child process)", () => {
  it("each entry does the harm its name claims", { timeout: 90_000 }, async () => {
    const results: Awaited<ReturnType<typeof runUnguarded>>[] = [];
    // Two at a time: the machine has two cores.
    for (let i = 0; i < HOSTILE_UPDATES.length; i += 2) {
      const pair = HOSTILE_UPDATES.slice(i, i + 2);
      results.push(...(await Promise.all(pair.map((e) => runUnguarded(e, 8_000)))));
    }
    HOSTILE_UPDATES.forEach((entry, i) => {
      const r = results[i];
      const label = `${entry.name}: ${JSON.stringify(r)}`;
      if (entry.harm === "hang") expect(r?.timedOut, label).toBe(true);
      else if (entry.harm === "alloc") expect(r?.extraRssMB ?? 0, label).toBeGreaterThan(100);
      else if (entry.harm === "poison") expect(r?.outcome, label).toBe("poisoned");
      else expect(r?.outcome, label).toBe("threw");
    });
  });
});
