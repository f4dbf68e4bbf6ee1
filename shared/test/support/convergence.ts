import { readModel, readModelWithIssues, validateModel } from "../../src/index.ts";
import { randomMutation } from "./mutations.ts";
import { PeerNetwork, stateVectorOf } from "./peers.ts";
import { Rng } from "./prng.ts";

export interface ConvergenceOutcome {
  models: string[];
  /** `validateModel` of each peer's final model, as JSON: all peers must see the same issues. */
  validations: string[];
  stateVectors: string[];
  unreadable: number;
  mutations: number;
}

/**
 * One seeded run: peers edit at random while messages arrive out of order and peers drop off
 * and come back; `validateModel` runs on merged states along the way and at the end.
 */
export function runConvergence(
  seed: number,
  options: { peers?: number; steps?: number } = {},
): ConvergenceOutcome {
  const rng = new Rng(seed);
  const net = new PeerNetwork(options.peers ?? 4 + rng.int(2), rng);
  const steps = options.steps ?? 40 + rng.int(40);
  for (let step = 0; step < steps; step += 1) {
    const peer = rng.pick(net.peers);
    if (!peer) break;
    const roll = rng.float();
    if (roll < 0.08) net.setOnline(peer.index, !peer.online);
    else if (roll < 0.3) net.deliverSome(1 + rng.int(6));
    else randomMutation(peer.doc, rng, `peer-${peer.index}`);
    if (step % 10 === 0) validateModel(readModel(peer.doc), { today: "2026-11-23" });
  }
  net.settle();
  let unreadable = 0;
  const models: string[] = [];
  const validations: string[] = [];
  for (const peer of net.peers) {
    const read = readModelWithIssues(peer.doc);
    unreadable += read.unreadable.length;
    models.push(JSON.stringify(read.model));
    validations.push(JSON.stringify(validateModel(read.model, { today: "2026-11-23" })));
  }
  return {
    models,
    validations,
    stateVectors: net.peers.map((p) => stateVectorOf(p.doc)),
    unreadable,
    mutations: steps,
  };
}
