import { useEffect, useMemo, useState } from "react";
import { useSignedIn } from "../app/signed-in.ts";
import { sessionTokenFor } from "../collab/review-person.ts";
import { ReviewSession } from "../collab/review-session.ts";
import type { CollabSession } from "../collab/session.ts";
import { AccountReadMarks } from "./account-read-marks.ts";
import type { ReviewContextValue } from "./review-context.ts";

/**
 * Opens the model's review document next to its graph, for as long as the editor is open, once
 * `open` (the editor opens it after the first cards are drawn: only the side panel and the
 * cards' badges need it, and its sync would compete with the graph's). A signed-in person's
 * unread markers are kept on the server (they follow the person); anyone else's in this browser.
 */
export function useReviewSession(
  session: CollabSession,
  linkToken: string,
  displayName: string,
  open = true,
): ReviewSession | null {
  const [review, setReview] = useState<ReviewSession | null>(null);
  const signedIn = Boolean(useSignedIn());
  useEffect(() => {
    if (!open) return;
    const marks = signedIn ? new AccountReadMarks(session.modelId, linkToken) : undefined;
    const created = new ReviewSession(session, sessionTokenFor(linkToken, displayName), marks);
    setReview(created);
    // Read by end-to-end tests (to prove the server refuses a forged write); grants nothing.
    (window as unknown as { logicCanvasReview?: unknown }).logicCanvasReview = created;
    return () => created.destroy();
  }, [session, linkToken, displayName, open, signedIn]);
  return review;
}

/** The context value review components read, rebuilt only when one of its parts changes. */
export function useReviewContextValue(
  review: ReviewSession | null,
  parts: Omit<
    ReviewContextValue,
    "binding" | "onRevision" | "onVersionsChanged" | "sendRevisionReason" | "modelFile"
  >,
): ReviewContextValue | null {
  const { role, modelId, token, displayName, presentNames, focus, askName } = parts;
  const namesKey = presentNames.join("\u0000");
  // biome-ignore lint/correctness/useExhaustiveDependencies: namesKey stands for presentNames
  return useMemo(
    () =>
      review
        ? {
            binding: review.binding,
            role,
            modelId,
            token,
            displayName,
            presentNames,
            focus,
            askName,
            onRevision: (listener) => review.revisions.onRevision(listener),
            onVersionsChanged: (listener) => review.onVersionsChanged(listener),
            sendRevisionReason: (nodeId, reason) => review.sendRevisionReason(nodeId, reason),
            modelFile: review.modelFile,
          }
        : null,
    [review, role, modelId, token, displayName, namesKey, focus, askName],
  );
}
