import type { Vote } from "./schema.ts";

/**
 * Fist-to-five: 0 blocks, 1–2 hold reservations that need talking through, 3 can live with it,
 * 4–5 support it. Goal consensus is "wide agreement", not unanimity (seed 003): a goal has it
 * when at least WIDE_AGREEMENT_SHARE of the votes are 3 or more and nobody blocks.
 */
const SUPPORT_LEVEL = 3;
export const WIDE_AGREEMENT_SHARE = 0.8;
export const FIST_TO_FIVE_LABELS = [
  "Block: I cannot support this",
  "Serious reservations",
  "Reservations to discuss",
  "I can live with it",
  "I support it",
  "Full support, I will champion it",
] as const;

type ConsensusState = "wide-agreement" | "objections" | "mixed" | "no-votes";

export interface Consensus {
  target: string;
  /** distribution[level] = number of votes at that level, 0..5 */
  distribution: [number, number, number, number, number, number];
  votes: number;
  supportShare: number;
  blocks: number;
  state: ConsensusState;
  /** People with a vote below SUPPORT_LEVEL: the objections to talk through. */
  objectors: string[];
  /** Participants who have not voted on this target. */
  notYet: string[];
}

export function consensusFor(
  target: string,
  votes: readonly Vote[],
  participants: readonly string[] = [],
): Consensus {
  const mine = votes.filter((v) => v.target === target);
  const distribution: Consensus["distribution"] = [0, 0, 0, 0, 0, 0];
  for (const vote of mine) distribution[vote.level] = (distribution[vote.level] ?? 0) + 1;
  const supporting = mine.filter((v) => v.level >= SUPPORT_LEVEL).length;
  const blocks = distribution[0];
  const supportShare = mine.length === 0 ? 0 : supporting / mine.length;
  const objectors = mine.filter((v) => v.level < SUPPORT_LEVEL).map((v) => v.author.name);
  const voted = new Set(mine.map((v) => v.author.name));
  let state: ConsensusState = "mixed";
  if (mine.length === 0) state = "no-votes";
  else if (blocks === 0 && supportShare >= WIDE_AGREEMENT_SHARE) state = "wide-agreement";
  else if (blocks > 0 || objectors.length > 0) state = "objections";
  return {
    target,
    distribution,
    votes: mine.length,
    supportShare,
    blocks,
    state,
    objectors,
    notYet: participants.filter((name) => !voted.has(name)),
  };
}

/** One summary per target (the mastery goal and every goal node), in the order given. */
export function consensusSummary(
  targets: readonly string[],
  votes: readonly Vote[],
  participants: readonly string[],
): Consensus[] {
  return targets.map((target) => consensusFor(target, votes, participants));
}
