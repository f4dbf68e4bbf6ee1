import { canEditGraph } from "@logic-canvas/shared";
import { useReactFlow } from "@xyflow/react";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { editorRoute } from "../app/routes.ts";
import { useFlowFromDoc } from "../canvas/useFlowFromDoc.ts";
import type { Peer } from "../collab/presence.ts";
import type { CollabSession } from "../collab/session.ts";
import { useReadingStore } from "../reading/use-reading.ts";
import type { ReviewContextValue } from "../review/review-context.ts";
import { useReviewContextValue, useReviewSession } from "../review/useReviewSession.ts";
import { useCardFromLink } from "./card-from-link.ts";
import { useAutoLayout, useFocusElements, useNotices, useSharedSelection } from "./editor-hooks.ts";
import { useAfterFirstCards } from "./first-render.ts";
import { useEditorKeys } from "./keyboard.ts";
import type { ViewId } from "./views.ts";

/**
 * Everything the editor's layout reads: the flow binding of the document, who is here and whom
 * this person follows, the connection, the shown view, the selection, the review and the reading
 * tools, with the editor's keys wired to them. One hook, so that `EditorInner` reads as layout.
 */
export function useEditorState(args: {
  session: CollabSession;
  role: string;
  displayName: string;
  onAskName: (() => void) | undefined;
}) {
  const { session, role, displayName } = args;
  const readOnly = !canEditGraph(role);
  const { binding, snapshot } = useFlowFromDoc(session.doc, readOnly);
  const peers = useSyncExternalStore(session.presence.subscribe, session.presence.getPeers);
  const connection = useSyncExternalStore(session.subscribe, session.getState);
  const [following, setFollowing] = useState<number | undefined>();
  const [helpOpen, setHelpOpen] = useState(false);
  const [view, setView] = useState<ViewId>("canvas");
  const flow = useReactFlow();

  useEffect(
    () => session.presence.setUser({ name: displayName, role }),
    [session, displayName, role],
  );
  const notices = useNotices(binding);
  const selection = useSharedSelection(session, snapshot);
  const focusElements = useFocusElements(binding, snapshot);
  useCardFromLink(snapshot, focusElements);
  const sidePanelWork = useAfterFirstCards(
    snapshot.nodes.length > 0,
    connection.phase === "saved" || connection.phase === "closed",
  );
  const review = useEditorReview(
    session,
    role,
    displayName,
    peers,
    focusElements,
    args.onAskName,
    sidePanelWork,
  );
  const autoLayout = useAutoLayout(binding, snapshot, flow);
  const reading = useReadingStore(snapshot.model, selection.nodeIds);
  useEditorKeys({
    binding,
    readOnly,
    flow,
    onHelp: () => setHelpOpen((v) => !v),
    onLayout: autoLayout,
    onFind: view === "canvas" ? () => reading.openFind() : undefined,
  });
  return {
    readOnly,
    binding,
    snapshot,
    peers,
    connection,
    following,
    setFollowing,
    helpOpen,
    setHelpOpen,
    view,
    setView,
    notices,
    selection,
    focusElements,
    review,
    autoLayout,
    reading,
    sidePanelWork,
  };
}

/** The review session of this model, with what review components need from the editor. */
function useEditorReview(
  session: CollabSession,
  role: string,
  displayName: string,
  peers: Peer[],
  focus: (nodeIds: string[], edgeIds?: string[]) => void,
  askName: (() => void) | undefined,
  open: boolean,
): ReviewContextValue | null {
  const linkToken = editorRoute(window.location)?.token ?? "";
  const review = useReviewSession(session, linkToken, displayName, open);
  const presentNames = useMemo(() => peers.map((p) => p.user.name), [peers]);
  return useReviewContextValue(review, {
    role,
    modelId: session.modelId,
    token: linkToken,
    displayName,
    presentNames,
    focus,
    askName,
  });
}
