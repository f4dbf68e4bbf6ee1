import { type Consensus, consensusFor } from "../review/consensus.ts";
import type { Vote } from "../review/schema.ts";
import type { CafeHead, CafeSession } from "./schema.ts";

/**
 * The session's state machine, pure: draft → round 1 … round N (one per prompt) → synthesis →
 * closed. Each step is taken by the facilitator; the server stamps the round's start and end
 * with its own clock, so every browser shows the same timer whatever its own clock says.
 */

export type CafeStep = { ok: true; head: CafeHead } | { ok: false; message: string };

/** Minutes each round lasts: the session's duration shared equally among its prompts. */
export function roundMinutes(head: Pick<CafeHead, "minutes" | "prompts">): number {
  return head.minutes / head.prompts.length;
}

/** The stage in words: "Draft", "Round 2 of 3", "Synthesis", "Closed". */
export function stageLabel(head: Pick<CafeHead, "phase" | "round" | "prompts">): string {
  if (head.phase === "round") return `Round ${head.round} of ${head.prompts.length}`;
  return { draft: "Not started", synthesis: "Synthesis", closed: "Closed" }[head.phase];
}

/** What the facilitator's next step does, in words ("Reveal prompt 1"), or null once closed. */
export function nextStepLabel(head: Pick<CafeHead, "phase" | "round" | "prompts">): string | null {
  if (head.phase === "draft") return "Reveal prompt 1";
  if (head.phase === "round")
    return head.round < head.prompts.length
      ? `Reveal prompt ${head.round + 1}`
      : "End the last round and start synthesis";
  if (head.phase === "synthesis") return "Close the session";
  return null;
}

/**
 * The next state, at server time `nowMs`. `expected` is the stage the facilitator saw ("round:1"):
 * two clicks of the same button, or two facilitators at once, advance only once.
 */
export function advance(head: CafeHead, nowMs: number, expected?: string): CafeStep {
  if (expected !== undefined && expected !== stageKey(head))
    return { ok: false, message: `The session has already moved on (${stageLabel(head)}).` };
  const { roundStartedAt: _s, roundEndsAt: _e, ...rest } = head;
  if (head.phase === "closed") return { ok: false, message: "The session is closed." };
  if (head.phase === "synthesis") return { ok: true, head: { ...rest, phase: "closed" } };
  if (head.phase === "round" && head.round >= head.prompts.length)
    return { ok: true, head: { ...rest, phase: "synthesis" } };
  const round = head.phase === "draft" ? 1 : head.round + 1;
  const ends = nowMs + roundMinutes(head) * 60_000;
  return {
    ok: true,
    head: {
      ...rest,
      phase: "round",
      round,
      roundStartedAt: new Date(nowMs).toISOString(),
      roundEndsAt: new Date(ends).toISOString(),
    },
  };
}

/** The stage as a key ("draft", "round:2", "synthesis", "closed"), for `advance`'s check. */
export function stageKey(head: Pick<CafeHead, "phase" | "round">): string {
  return head.phase === "round" ? `round:${head.round}` : head.phase;
}

/** The prompts everyone may read: those revealed so far. */
export function revealedPrompts(head: Pick<CafeHead, "phase" | "round" | "prompts">): string[] {
  if (head.phase === "draft") return [];
  if (head.phase === "round") return head.prompts.slice(0, head.round);
  return [...head.prompts];
}

/** Why a note cannot be written now, or null: notes are written during rounds only. */
export function noteRefusal(head: Pick<CafeHead, "phase">): string | null {
  if (head.phase === "round") return null;
  if (head.phase === "draft") return "Notes open when the facilitator reveals the first prompt.";
  return "The rounds are over: notes can no longer be added.";
}

/** Why a person cannot take a seat now, or null: tables are chosen before synthesis. */
export function seatRefusal(head: Pick<CafeHead, "phase">): string | null {
  return head.phase === "draft" || head.phase === "round"
    ? null
    : "The rounds are over: tables can no longer be changed.";
}

/** Why themes and proposals cannot be changed now, or null: that is synthesis work. */
export function synthesisRefusal(head: Pick<CafeHead, "phase">): string | null {
  return head.phase === "synthesis"
    ? null
    : "Themes and proposals are made during synthesis, after the last round.";
}

/**
 * Milliseconds left in the round at server time `serverNowMs` (0 once it is over), never more
 * than the round's length: the clock offset is an estimate, and a browser a second ahead of its
 * estimate must not read "45:01" on a 45-minute round.
 */
export function remainingMs(
  head: Pick<CafeHead, "roundEndsAt" | "roundStartedAt">,
  serverNowMs: number,
): number {
  if (!head.roundEndsAt) return 0;
  const ends = Date.parse(head.roundEndsAt);
  const length = head.roundStartedAt
    ? ends - Date.parse(head.roundStartedAt)
    : Number.POSITIVE_INFINITY;
  return Math.max(0, Math.min(length, ends - serverNowMs));
}

/** "12:05" for 725,000 ms; whole seconds, rounded up so the timer reads 0:00 only when over. */
export function clockText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * The server clock's offset from this one (add it to `Date.now()`), from one request: the
 * server's time is taken to be read halfway between sending and receiving (NTP's estimate).
 */
export function clockOffset(sentMs: number, serverMs: number, receivedMs: number): number {
  return serverMs - (sentMs + receivedMs) / 2;
}

/**
 * A proposal's vote under the review document's consensus rules (fist-to-five, wide agreement,
 * quorum), with the session's participants (and its facilitator) as the people who take part.
 */
export function proposalConsensus(
  session: Pick<CafeSession, "participants" | "facilitator">,
  proposalId: string,
  votes: readonly Vote[],
): Consensus {
  const people = new Set(session.participants.map((p) => p.person.id));
  people.add(session.facilitator.id);
  for (const vote of votes) if (vote.target === proposalId) people.add(vote.author.id);
  return consensusFor(proposalId, votes, [], people.size);
}

/** Closing a proposal's vote: accepted on wide agreement, otherwise rejected (kept with votes). */
export function voteOutcome(consensus: Consensus): "accepted" | "rejected" {
  return consensus.state === "wide-agreement" ? "accepted" : "rejected";
}
