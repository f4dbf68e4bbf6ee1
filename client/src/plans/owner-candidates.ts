import type { Author, LogicModel, PersonRef } from "@logic-canvas/shared";
import type { ReviewSnapshot } from "../collab/review-binding.ts";

/**
 * The people an activity or a goal can be given to: me, everyone the review document knows by id (authors
 * of comments and votes: people on links and signed-in members alike), the owners already named
 * in the model and the workspace's members. By id, so a renamed person appears once.
 */
export function ownerCandidates(
  snapshot: Pick<ReviewSnapshot, "threads" | "votes" | "me">,
  model: LogicModel,
  members: readonly PersonRef[] = [],
): PersonRef[] {
  const byId = new Map<string, PersonRef>();
  const add = (p: Pick<Author, "id" | "name"> | undefined) => {
    if (p && !byId.has(p.id) && p.name.trim()) byId.set(p.id, { id: p.id, name: p.name });
  };
  add(snapshot.me ?? undefined);
  for (const member of members) add(member);
  for (const thread of snapshot.threads) {
    add(thread.author);
    for (const message of thread.messages) if (!message.deleted) add(message.author);
  }
  for (const vote of snapshot.votes) add(vote.author);
  for (const node of model.nodes) {
    add(node.plan?.owner);
    add(node.owner);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
