import { canEditGraph } from "@logic-canvas/shared";
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { type ReactNode, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { editorRoute } from "../app/routes.ts";
import { BindingContext } from "../canvas/actions-context.ts";
import { CardMarksContext } from "../canvas/card-marks.ts";
import { CardSlotsContext } from "../canvas/card-slots.ts";
import { ReadOnlyContext, useReadOnly } from "../canvas/read-only.ts";
import { useFlowFromDoc } from "../canvas/useFlowFromDoc.ts";
import type { BindingSnapshot, YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import type { Peer } from "../collab/presence.ts";
import type { CollabSession } from "../collab/session.ts";
import { useExportActions } from "../exports/ExportMenu.tsx";
import { ReadingTools } from "../reading/FilterMenu.tsx";
import type { ReadingStore } from "../reading/reading-store.ts";
import { useReadingStore } from "../reading/use-reading.ts";
import { ReviewContext, type ReviewContextValue } from "../review/review-context.ts";
import { useReviewContextValue, useReviewSession } from "../review/useReviewSession.ts";
import { CARD_SLOTS } from "./card-extras.tsx";
import { useAutoLayout, useFocusElements, useNotices, useSharedSelection } from "./editor-hooks.ts";
import { useEditorKeys } from "./keyboard.ts";
import { MasteryBanner } from "./MasteryBanner.tsx";
import { ModelMenu } from "./ModelMenu.tsx";
import { SidePanel } from "./panels/SidePanel.tsx";
import { ROLE_EXPLAINS } from "./roles.ts";
import { ShortcutHelp } from "./ShortcutHelp.tsx";
import { Stage } from "./Stage.tsx";
import { ConnectionProblem } from "./StatusPill.tsx";
import { Toasts } from "./Toasts.tsx";
import { Toolbar } from "./Toolbar.tsx";
import { Topbar } from "./Topbar.tsx";
import { type ViewId, viewShowsCanvas } from "./views.ts";

export interface EditorProps {
  session: CollabSession;
  role: string;
  /** "" until the person has named themselves (viewers and commenters may open unnamed). */
  displayName: string;
  /** Asks for the person's name (the Model menu; a first comment or vote). */
  onAskName: () => void;
}

export function Editor(props: EditorProps) {
  return (
    <ReactFlowProvider>
      <EditorInner {...props} />
    </ReactFlowProvider>
  );
}

/** The editor's state and its layout: top bar, banners, toolbar, stage, side panel, toasts. */
function EditorInner({ session, role, displayName, onAskName }: EditorProps) {
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
  const reviewValue = useEditorReview(session, role, displayName, peers, focusElements, onAskName);
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

  if (!binding) return <div className="page-message">Opening the model…</div>;
  const follow = peers.find((p) => p.clientId === following);

  return (
    <EditorProviders binding={binding} readOnly={readOnly} review={reviewValue} reading={reading}>
      <div className="editor" data-role={role}>
        <Topbar
          session={session}
          role={role}
          title={snapshot.model.title}
          readOnly={readOnly}
          onTitle={(title) => binding.setMeta({ title })}
          view={view}
          onView={setView}
          peers={peers}
          following={following}
          onFollow={setFollowing}
          menu={
            <ModelMenu
              modelId={session.modelId}
              token={editorRoute(window.location)?.token ?? ""}
              role={role}
              title={snapshot.model.title}
              displayName={displayName}
              onAskName={onAskName}
            />
          }
        />
        <Banners session={session} role={role} binding={binding} snapshot={snapshot} />
        <EditorToolbar
          session={session}
          binding={binding}
          snapshot={snapshot}
          reading={reading}
          view={view}
          onLayout={autoLayout}
          onHelp={() => setHelpOpen(true)}
          onPrint={() => {
            setView("print");
            setTimeout(() => window.print(), 300);
          }}
        />
        <div className="workspace">
          <Stage
            session={session}
            binding={binding}
            snapshot={snapshot}
            reading={reading}
            view={view}
            onShow={(id) => {
              setView("canvas");
              setTimeout(() => focusElements([id]), 50);
            }}
            peers={peers}
            follow={follow}
            onStopFollowing={() => setFollowing(undefined)}
            loaded={connection.loaded}
          />
          <SidePanel
            binding={binding}
            model={snapshot.model}
            selection={selection}
            onFocus={focusElements}
          />
        </div>
        <Toasts notices={notices} />
        {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
        <DebugHandle binding={binding} />
      </div>
    </EditorProviders>
  );
}

/** The editing commands, with the export, import and print actions under "More". */
function EditorToolbar(props: {
  session: CollabSession;
  binding: YjsFlowBinding;
  snapshot: BindingSnapshot;
  reading: ReadingStore;
  view: ViewId;
  onLayout: () => void;
  onHelp: () => void;
  onPrint: () => void;
}) {
  const { binding, snapshot } = props;
  const readOnly = useReadOnly();
  const canvasTools = viewShowsCanvas(props.view);
  const exports = useExportActions({
    binding,
    model: snapshot.model,
    checkIns: snapshot.checkIns,
    modelId: props.session.modelId,
    token: editorRoute(window.location)?.token ?? "",
    canImport: !readOnly,
    onPrint: props.onPrint,
  });
  return (
    // A landmark, so that the toolbar is not page content outside every region.
    <section aria-label="Tools">
      <Toolbar
        binding={binding}
        readOnly={readOnly}
        canUndo={snapshot.canUndo}
        canRedo={snapshot.canRedo}
        onLayout={props.onLayout}
        onHelp={props.onHelp}
        canvasTools={canvasTools}
        actions={exports.actions}
        tools={canvasTools && <ReadingTools store={props.reading} />}
        extra={exports.overlays}
      />
    </section>
  );
}

/** Under the top bar: a connection problem, what this role may do, and the mastery goal. */
function Banners(props: {
  session: CollabSession;
  role: string;
  binding: YjsFlowBinding;
  snapshot: BindingSnapshot;
}) {
  const { binding, role } = props;
  const readOnly = useReadOnly();
  return (
    <>
      <ConnectionProblem session={props.session} />
      {readOnly && (
        <div className="banner banner-info" data-testid="read-only-banner">
          {ROLE_EXPLAINS[role]}
        </div>
      )}
      <MasteryBanner
        value={props.snapshot.model.masteryGoal}
        readOnly={readOnly}
        onChange={(masteryGoal) => binding.setMeta({ masteryGoal })}
      />
    </>
  );
}

/** The review session of this model, with what review components need from the editor. */
function useEditorReview(
  session: CollabSession,
  role: string,
  displayName: string,
  peers: Peer[],
  focus: (nodeIds: string[], edgeIds?: string[]) => void,
  askName: () => void,
): ReviewContextValue | null {
  const linkToken = editorRoute(window.location)?.token ?? "";
  const review = useReviewSession(session, linkToken, displayName);
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

/**
 * What the parts below read from context: the binding, read-only, card slots, the review, and
 * the reading tools' marks (a stable store: cards subscribe to their own mark).
 */
function EditorProviders(props: {
  binding: YjsFlowBinding;
  readOnly: boolean;
  review: ReviewContextValue | null;
  reading: ReadingStore;
  children: ReactNode;
}) {
  return (
    <BindingContext.Provider value={props.binding}>
      <ReadOnlyContext.Provider value={props.readOnly}>
        <CardSlotsContext.Provider value={CARD_SLOTS}>
          <CardMarksContext.Provider value={props.reading}>
            <ReviewContext.Provider value={props.review}>{props.children}</ReviewContext.Provider>
          </CardMarksContext.Provider>
        </CardSlotsContext.Provider>
      </ReadOnlyContext.Provider>
    </BindingContext.Provider>
  );
}

/**
 * Exposes the binding for end-to-end tests and diagnosis (e.g. to prove that a write forced past
 * the UI is refused by the server). It grants nothing: the server enforces every role.
 */
function DebugHandle({ binding }: { binding: YjsFlowBinding }) {
  useEffect(() => {
    (window as unknown as { logicCanvas?: unknown }).logicCanvas = { binding };
  }, [binding]);
  return null;
}
