import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from "react";
import { editorRoute } from "../app/routes.ts";
import { BindingContext } from "../canvas/actions-context.ts";
import { layoutWithinLanes } from "../canvas/auto-layout.ts";
import { Canvas } from "../canvas/Canvas.tsx";
import { CardSlotsContext } from "../canvas/card-slots.ts";
import { ReadOnlyContext } from "../canvas/read-only.ts";
import { useFlowFromDoc } from "../canvas/useFlowFromDoc.ts";
import type { Notice, YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import type { CollabSession } from "../collab/session.ts";
import { ExportMenu } from "../exports/ExportMenu.tsx";
import { PrintView } from "../exports/PrintView.tsx";
import { ReviewContext } from "../review/review-context.ts";
import { useReviewContextValue, useReviewSession } from "../review/useReviewSession.ts";
import { Avatars } from "./Avatars.tsx";
import { CARD_SLOTS } from "./card-extras.tsx";
import { useEditorKeys } from "./keyboard.ts";
import { MasteryBanner } from "./MasteryBanner.tsx";
import { SidePanel } from "./panels/SidePanel.tsx";
import { canEditGraph, ROLE_EXPLAINS, ROLE_LABEL } from "./roles.ts";
import { ShortcutHelp } from "./ShortcutHelp.tsx";
import { ConnectionProblem, StatusPill } from "./StatusPill.tsx";
import { TitleField } from "./TitleField.tsx";
import { Toolbar } from "./Toolbar.tsx";
import { VIEWS, type ViewId } from "./views.ts";

// The dashboard brings the charting library; it loads when first opened, not with the canvas.
const Dashboard = lazy(() =>
  import("../monitoring/Dashboard.tsx").then((module) => ({ default: module.Dashboard })),
);

export interface EditorProps {
  session: CollabSession;
  role: string;
  displayName: string;
}

export function Editor(props: EditorProps) {
  return (
    <ReactFlowProvider>
      <EditorInner {...props} />
    </ReactFlowProvider>
  );
}

function EditorInner({ session, role, displayName }: EditorProps) {
  const readOnly = !canEditGraph(role);
  const { binding, snapshot } = useFlowFromDoc(session.doc, readOnly);
  const peers = useSyncExternalStore(session.presence.subscribe, session.presence.getPeers);
  const connection = useSyncExternalStore(session.subscribe, session.getState);
  const [following, setFollowing] = useState<number | undefined>();
  const [notices, setNotices] = useState<(Notice & { id: number })[]>([]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [view, setView] = useState<ViewId>("canvas");
  const flow = useReactFlow();

  useEffect(
    () => session.presence.setUser({ name: displayName, role }),
    [session, displayName, role],
  );

  const notify = useCallback((notice: Notice) => {
    const id = Date.now() + Math.random();
    setNotices((list) => [...list.slice(-2), { ...notice, id }]);
    setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 6000);
  }, []);
  useEffect(() => binding?.onNotice(notify), [binding, notify]);

  const selection = useMemo(() => {
    const nodeIds = snapshot.nodes.filter((n) => n.selected).map((n) => n.id);
    const edgeIds = snapshot.edges.filter((e) => e.selected).map((e) => e.id);
    return { nodeIds, edgeIds };
  }, [snapshot.nodes, snapshot.edges]);
  const selectionKey = selection.nodeIds.join(",");
  useEffect(() => {
    session.presence.setSelection(selectionKey ? selectionKey.split(",") : []);
  }, [session, selectionKey]);

  const focusElements = useCallback(
    (nodeIds: string[], edgeIds: string[] = []) => {
      if (!binding) return;
      const ids = new Set(nodeIds);
      for (const edge of snapshot.model.edges)
        if (edgeIds.includes(edge.id)) ids.add(edge.source).add(edge.target);
      binding.select(nodeIds, edgeIds);
      if (ids.size)
        void flow.fitView({
          nodes: [...ids].map((id) => ({ id })),
          duration: 300,
          maxZoom: 1.1,
          padding: 0.4,
        });
    },
    [binding, flow, snapshot.model.edges],
  );

  const linkToken = editorRoute(window.location)?.token ?? "";
  const review = useReviewSession(session, linkToken, displayName);
  const presentNames = useMemo(() => peers.map((p) => p.user.name), [peers]);
  const reviewValue = useReviewContextValue(review, {
    role,
    modelId: session.modelId,
    token: linkToken,
    displayName,
    presentNames,
    focus: focusElements,
  });

  const autoLayout = useCallback(async () => {
    if (!binding) return;
    const sizes = new Map(
      flow
        .getNodes()
        .map((n) => [n.id, { width: n.measured?.width ?? 240, height: n.measured?.height ?? 90 }]),
    );
    binding.applyLayout(await layoutWithinLanes(snapshot.model, sizes));
    setTimeout(() => void flow.fitView({ duration: 300, padding: 0.15, maxZoom: 1 }), 50);
  }, [binding, flow, snapshot.model]);

  useEditorKeys({
    binding,
    readOnly,
    flow,
    onHelp: () => setHelpOpen((v) => !v),
    onLayout: autoLayout,
  });

  if (!binding) return <div className="page-message">Opening the model…</div>;
  const follow = peers.find((p) => p.clientId === following);

  return (
    <BindingContext.Provider value={binding}>
      <ReadOnlyContext.Provider value={readOnly}>
        <CardSlotsContext.Provider value={CARD_SLOTS}>
          <ReviewContext.Provider value={reviewValue}>
            <div className="editor" data-role={role}>
              <header className="topbar">
                <a href="/" className="brand" title="All models">
                  <span className="brand-mark" aria-hidden="true" />
                  <span className="visually-hidden">Logic Canvas home</span>
                </a>
                <TitleField
                  value={snapshot.model.title}
                  readOnly={readOnly}
                  onChange={(title) => binding.setMeta({ title })}
                />
                <span
                  className={`role-badge role-${role}`}
                  title={ROLE_EXPLAINS[role]}
                  data-testid="role"
                >
                  {ROLE_LABEL[role] ?? role}
                </span>
                <div className="topbar-spacer" />
                {VIEWS.length > 1 && (
                  <nav className="view-switch" aria-label="Views">
                    {VIEWS.map((v) => (
                      <button
                        key={v.id}
                        type="button"
                        aria-pressed={view === v.id}
                        onClick={() => setView(v.id)}
                      >
                        {v.label}
                      </button>
                    ))}
                  </nav>
                )}
                <Avatars peers={peers} following={following} onFollow={setFollowing} />
                <StatusPill session={session} />
              </header>
              <ConnectionProblem session={session} />
              {readOnly && (
                <div className="banner banner-info" data-testid="read-only-banner">
                  {ROLE_EXPLAINS[role]}
                </div>
              )}
              <MasteryBanner
                value={snapshot.model.masteryGoal}
                readOnly={readOnly}
                onChange={(masteryGoal) => binding.setMeta({ masteryGoal })}
              />
              <Toolbar
                binding={binding}
                readOnly={readOnly}
                canUndo={snapshot.canUndo}
                canRedo={snapshot.canRedo}
                onLayout={autoLayout}
                onHelp={() => setHelpOpen(true)}
                extra={
                  <ExportMenu
                    binding={binding}
                    model={snapshot.model}
                    checkIns={snapshot.checkIns}
                    modelId={session.modelId}
                    token={editorRoute(window.location)?.token ?? ""}
                    canImport={!readOnly}
                    onPrint={() => {
                      setView("print");
                      setTimeout(() => window.print(), 300);
                    }}
                  />
                }
              />
              <div className="workspace">
                <main className="stage-area">
                  {follow && (
                    <div className="following" role="status">
                      Following {follow.user.name}’s view ·{" "}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setFollowing(undefined)}
                      >
                        stop
                      </button>
                    </div>
                  )}
                  {view === "progress" && (
                    <Suspense fallback={<div className="page-message">Loading the dashboard…</div>}>
                      <Dashboard
                        binding={binding}
                        model={snapshot.model}
                        checkIns={snapshot.checkIns}
                        readOnly={readOnly}
                        onShow={(id) => {
                          setView("canvas");
                          setTimeout(() => focusElements([id]), 50);
                        }}
                      />
                    </Suspense>
                  )}
                  {view === "print" && <PrintView model={snapshot.model} />}
                  {view === "canvas" && (
                    <Canvas
                      binding={binding}
                      snapshot={snapshot}
                      peers={peers}
                      follow={follow}
                      onCursor={(c) => session.presence.setCursor(c)}
                      onViewport={(v) => session.presence.setViewport(v)}
                      onUserMove={() => setFollowing(undefined)}
                      loaded={connection.loaded}
                    />
                  )}
                </main>
                <SidePanel
                  binding={binding}
                  model={snapshot.model}
                  selection={selection}
                  onFocus={focusElements}
                />
              </div>
              <div className="toasts" aria-live="assertive">
                {notices.map((n) => (
                  <div key={n.id} className={`toast toast-${n.kind}`} role="alert">
                    {n.message}
                  </div>
                ))}
              </div>
              {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
              <DebugHandle binding={binding} />
            </div>
          </ReviewContext.Provider>
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
