import type * as Y from "yjs";
import { type AnyType, type Change, type ChangedTypes, changesUnder } from "../doc/changes.ts";
import { threadsMap, votesMap } from "./doc.ts";

/**
 * What a transaction on a review document changed, read through the one change walker
 * (`doc/changes.ts`): a thread or a vote set or removed (`at: "entry"`), or something written
 * inside a thread (`at: "inside"`, whose `path` starts with `messages` and a message id for a
 * message). Anything else is `outside` the review document's layout.
 */

export type ReviewSubject = "thread" | "vote";
export type ReviewChange = Change<ReviewSubject>;

export function reviewChanges(doc: Y.Doc, changed: ChangedTypes): ReviewChange[] {
  return changesUnder(changed, [
    { subject: "thread", type: threadsMap(doc) as AnyType, collection: true },
    { subject: "vote", type: votesMap(doc) as AnyType, collection: true },
  ]);
}
