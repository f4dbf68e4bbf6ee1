import type { Hocuspocus } from "@hocuspocus/server";
import {
  type Author,
  applyProposalChange,
  CAFE_LIMITS,
  type CafeProposal,
  changeProblem,
  newId,
  type ProposalChange,
  proposalConsensus,
  readModel,
  readReview,
  synthesisRefusal,
  voteOutcome,
  writeCafeEntry,
} from "@logic-canvas/shared";
import { ApiError } from "../http/respond.ts";
import { changeDocument } from "./documents.ts";
import { type Actor, contextOf, refused, sessionIn } from "./service.ts";

/**
 * Proposals: a theme becomes a proposed revision of the model, voted on with the review's
 * fist-to-five votes (its id is their target). Closing the vote decides it by the review's
 * consensus rules; an accepted proposal is applied to the graph as one forward change whose
 * revision-log entry carries the theme as its reason. A rejected one is kept with its votes.
 */
export class CafeProposals {
  /** Proposals being decided now: a second click waits for nothing and is refused. */
  private readonly deciding = new Set<string>();

  constructor(
    private readonly hocuspocus: Hocuspocus,
    /** Told of each new proposal and who is seated in its session (the inbox rings them). */
    private readonly proposed: (
      modelId: string,
      actor: Actor,
      seated: Author[],
      proposal: CafeProposal,
    ) => void = () => undefined,
  ) {}

  async propose(
    modelId: string,
    actor: Actor,
    id: string,
    themeId: string,
    change: ProposalChange,
  ): Promise<CafeProposal> {
    const model = await changeDocument(this.hocuspocus, "graph", modelId, contextOf(actor), (doc) =>
      readModel(doc),
    );
    const problem = changeProblem(change, model);
    if (problem) throw refused(problem, 400);
    let seated: Author[] = [];
    const made = await changeDocument(
      this.hocuspocus,
      "review",
      modelId,
      contextOf(actor),
      (doc) => {
        const session = sessionIn(doc, id);
        const stage = synthesisRefusal(session);
        if (stage) throw refused(stage);
        const theme = session.themes.find((t) => t.id === themeId);
        if (!theme) throw refused("This session has no such theme.", 400);
        if (session.proposals.length >= CAFE_LIMITS.proposals)
          throw refused(`A session has at most ${CAFE_LIMITS.proposals} proposals.`);
        const proposal: CafeProposal = {
          id: newId(),
          theme: theme.id,
          reason: theme.title,
          change,
          status: "open",
          createdAt: new Date().toISOString(),
        };
        writeCafeEntry(doc, id, "r", proposal.id, proposal, null);
        seated = session.participants.map((p) => p.person);
        return proposal;
      },
    );
    this.proposed(modelId, actor, seated, made);
    return made;
  }

  /** Closes the vote: applies the proposal on wide agreement, otherwise records the rejection. */
  async decide(modelId: string, actor: Actor, id: string, proposalId: string) {
    const key = `${modelId}/${id}/${proposalId}`;
    if (this.deciding.has(key)) throw refused("This proposal is being decided already.");
    this.deciding.add(key);
    try {
      return await this.decideOnce(modelId, actor, id, proposalId);
    } finally {
      this.deciding.delete(key);
    }
  }

  private async decideOnce(modelId: string, actor: Actor, id: string, proposalId: string) {
    const { session, proposal, votes } = await changeDocument(
      this.hocuspocus,
      "review",
      modelId,
      contextOf(actor),
      (doc) => {
        const found = sessionIn(doc, id);
        const stage = synthesisRefusal(found);
        if (stage) throw refused(stage);
        const open = found.proposals.find((p) => p.id === proposalId);
        if (!open) throw new ApiError(404, "not-found", "This session has no such proposal.");
        if (open.status !== "open") throw refused(`This proposal was ${open.status} already.`);
        const mine = readReview(doc).votes.filter((v) => v.target === proposalId);
        return { session: found, proposal: open, votes: mine };
      },
    );
    const consensus = proposalConsensus(session, proposalId, votes);
    const outcome = voteOutcome(consensus);
    let createdCard: string | null = null;
    if (outcome === "accepted") {
      const reason = `${proposal.reason} (World Café “${session.title}”)`;
      const applied = await changeDocument(
        this.hocuspocus,
        "graph",
        modelId,
        contextOf(actor, reason),
        (doc) => applyProposalChange(doc, proposal.change, null),
      );
      if (!applied.ok) throw refused(`The proposal was not applied: ${applied.message}`);
      if (proposal.change.kind === "newCard") createdCard = applied.cardId;
    }
    const decided: CafeProposal = {
      ...proposal,
      status: outcome,
      decidedAt: new Date().toISOString(),
      votes: votes.slice(0, CAFE_LIMITS.participants),
      ...(createdCard ? { createdCard } : {}),
    };
    await changeDocument(this.hocuspocus, "review", modelId, contextOf(actor), (doc) =>
      writeCafeEntry(doc, id, "r", proposalId, decided, null),
    );
    return { proposal: decided, consensus };
  }
}
