import { describe, expect, it } from "vitest";
import { runConvergence } from "./support/convergence.ts";

/** 200 in the normal run; `CONVERGENCE_SEEDS=2000` for a long run. */
const SEEDS = Number(process.env.CONVERGENCE_SEEDS ?? 200);
const CHUNK = 50;

function expectConverged(seed: number): void {
  const outcome = runConvergence(seed);
  const [first, ...rest] = outcome.models;
  for (const model of rest) expect(model, `seed ${seed}`).toBe(first);
  expect(new Set(outcome.stateVectors).size, `seed ${seed}`).toBe(1);
  expect(new Set(outcome.validations).size, `seed ${seed}`).toBe(1);
  // Every merged card and link still reads as valid: no merge made one vanish from the model.
  expect(outcome.unreadable, `seed ${seed}`).toBe(0);
}

/**
 * Seeds that failed before a fix (with this harness's mutation mix). Seeds 6 and 14 made a card
 * unreadable (hidden from every peer): one peer set an activity's stage while another moved the
 * card to a goal lane, and the merged card failed the schema. Fixed in doc/read.ts.
 */
const REGRESSION_SEEDS = { stageAfterLaneChange: 6, stageAfterLaneChangeWithLinks: 14 };

describe("convergence regressions", () => {
  for (const [name, seed] of Object.entries(REGRESSION_SEEDS)) {
    it(`${name} (seed ${seed})`, () => expectConverged(seed));
  }
});

describe("concurrent editing converges", () => {
  for (let start = 1; start <= SEEDS; start += CHUNK) {
    const end = Math.min(SEEDS, start + CHUNK - 1);
    it(`seeds ${start}-${end}: 4-5 peers end with identical models and state vectors`, () => {
      for (let seed = start; seed <= end; seed += 1) expectConverged(seed);
    });
  }
});
