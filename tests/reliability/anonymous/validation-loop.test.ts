import { toModelFile } from "@logic-canvas/shared";
import { expect, it } from "vitest";
import { modelOf } from "../../fixtures/hostile/real-updates.ts";
import { useServerProcess } from "../../support/server-process.ts";
import { percentile, startBystanders } from "../support/harness.ts";
import { requestFrom } from "./raw-http.ts";

/**
 * Hole 2c: CPU. An anonymous caller creates the largest model the server lets them (20,000
 * cards, else the largest size it accepts) and calls `GET …/validation` in a loop. The server's
 * event loop must never stall for a second, and another person's live edits must all arrive.
 * VALIDATION_CALLS sets the number of calls (default 40).
 */

const CALLS = Number(process.env.VALIDATION_CALLS ?? 40);
const CONCURRENCY = 4;

const server = useServerProcess({ limits: { apiRequestsPerSecond: 10_000 } });

async function largestModel(url: string) {
  const refusals: string[] = [];
  for (const cards of [20_000, 10_000, 2_000]) {
    const r = await requestFrom(url, "/api/models", {
      body: JSON.stringify(toModelFile(modelOf(cards))),
    });
    if (r.status === 201) {
      const created = JSON.parse(r.text) as { id: string; links: { viewer: string } };
      return {
        cards,
        refusals,
        id: created.id,
        token: created.links.viewer.split("#token=")[1] ?? "",
      };
    }
    refusals.push(`${cards}: ${r.status} ${r.text.slice(0, 200)}`);
  }
  throw new Error(`no model could be created: ${refusals.join("; ")}`);
}

it("a loop of validation calls on the largest anonymous model never stalls the server", async () => {
  const model = await largestModel(server.url);
  console.log(
    `largest anonymous model: ${model.cards} cards; refused: ${model.refusals.join(" | ") || "none"}`,
  );
  // A 20,000-card model is refused with a message naming the limit.
  if (model.cards < 20_000) expect(model.refusals[0]).toMatch(/400 .*at most [\d,]+ cards/);
  const bystanders = await startBystanders(server.url, 100);
  await new Promise((r) => setTimeout(r, 500));
  await server.stats();
  let next = 0;
  const statuses: number[] = [];
  const worker = async () => {
    while (next < CALLS) {
      next += 1;
      const r = await requestFrom(server.url, `/api/models/${model.id}/validation`, {
        method: "GET",
        contentType: null,
        token: model.token,
      });
      statuses.push(r.status);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = performance.now() - started;
  await new Promise((r) => setTimeout(r, 2_500));
  const stats = await server.stats();
  bystanders.stop();
  console.log(
    `${CALLS} validation calls on ${model.cards} cards in ${elapsed.toFixed(0)} ms; server loop max ${stats.maxDelayMs.toFixed(0)} ms; ` +
      `bystander edits ${bystanders.latencies.length}, p50 ${percentile(bystanders.latencies, 50).toFixed(1)} ms, p99 ${percentile(bystanders.latencies, 99).toFixed(1)} ms, max ${Math.max(...bystanders.latencies).toFixed(0)} ms`,
  );
  expect(statuses.every((s) => s === 200)).toBe(true);
  expect(stats.maxDelayMs, "server event-loop stall (ms)").toBeLessThan(1_000);
  expect(bystanders.lost()).toBe(0);
  expect(bystanders.closes()).toEqual([]);
});
