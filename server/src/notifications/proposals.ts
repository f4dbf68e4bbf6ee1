import type { Author, CafeProposal } from "@logic-canvas/shared";
import type { Person } from "../access/identity.ts";
import type { Draft } from "./service.ts";

/**
 * "A proposal awaiting their vote": when a World Café proposal is made, everyone seated in that
 * session but its proposer gets one item naming the theme it came from, leading to the model.
 */
export function proposalDrafts(
  modelId: string,
  proposer: Person | null,
  seated: readonly Author[],
  proposal: CafeProposal,
): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Set<string>(proposer ? [proposer.id] : []);
  for (const person of seated) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    drafts.push({
      personId: person.id,
      kind: "vote",
      dedupeKey: `vote:${modelId}:${proposal.id}`,
      modelId,
      excerpt: proposal.reason,
      ...(proposer ? { from: { id: proposer.id, name: proposer.name } } : {}),
    });
  }
  return drafts;
}
