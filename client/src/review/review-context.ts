import type { ModelFile } from "@logic-canvas/shared";
import { createContext, useContext } from "react";
import type { ReviewBinding } from "../collab/review-binding.ts";
import type { GoalRevision } from "../collab/review-revisions.ts";

/** What review components need from the editor: the review data, who is here, and actions. */
export interface ReviewContextValue {
  binding: ReviewBinding;
  role: string;
  modelId: string;
  /** The link token, for the history API. */
  token: string;
  displayName: string;
  /** Display names of the people present now (for @mention suggestions and "not weighed in"). */
  presentNames: string[];
  focus: (nodeIds: string[], edgeIds?: string[]) => void;
  /** Asks for the person's name: comments and votes are signed, so they need one first. */
  askName?: () => void;
  onRevision?: (listener: (revision: GoalRevision) => void) => () => void;
  /** Someone saved or restored a version: the History panel lists it without a refresh. */
  onVersionsChanged?: (listener: () => void) => () => void;
  /** The whole model as a file, comments and votes included; null until the comments arrived. */
  modelFile?: () => ModelFile | null;
  /** Resolves with null once saved, or with the problem in words. */
  sendRevisionReason?: (nodeId: string, reason: string) => Promise<string | null>;
}

export const ReviewContext = createContext<ReviewContextValue | null>(null);

export function useReviewContext(): ReviewContextValue | null {
  return useContext(ReviewContext);
}
