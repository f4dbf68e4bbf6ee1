import type { CanvasSnapshot } from "@logic-canvas/shared";
import { ReactFlowProvider } from "@xyflow/react";
import { lazy, type ReactNode, useEffect } from "react";
import { editorRoute } from "../app/routes.ts";
import { useCafeActions } from "../cafe/cafe-actions.tsx";
import { BindingContext } from "../canvas/actions-context.ts";
import { CardMarksContext } from "../canvas/card-marks.ts";
import { CardSlotsContext } from "../canvas/card-slots.ts";
import { ReadOnlyContext, useReadOnly } from "../canvas/read-only.ts";
import type { BindingSnapshot, YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import type { CollabSession } from "../collab/session.ts";
import { useExportActions } from "../exports/ExportMenu.tsx";
import { useMeasurementImportActions } from "../measurement-import/MeasurementImport.tsx";
import { ReadingTools } from "../reading/FilterMenu.tsx";
import type { ReadingStore } from "../reading/reading-store.ts";
import { ReviewContext, type ReviewContextValue } from "../review/review-context.ts";
import { LoadedPart } from "../ui/LoadedPart.tsx";
import { CARD_SLOTS } from "./card-extras.tsx";
import { EditorTopbar } from "./EditorTopbar.tsx";
import { useEditorState } from "./editor-state.ts";
import { modelFacts } from "./first-render.ts";
import { MasteryBanner } from "./MasteryBanner.tsx";
import { PurposeBanner } from "./PurposeBanner.tsx";
import { SidePanel } from "./panels/SidePanel.tsx";
import { ROLE_EXPLAINS } from "./roles.ts";
import { SkipToCanvas } from "./SkipToCanvas.tsx";
import { Stage } from "./Stage.tsx";
import { ConnectionProblem } from "./StatusPill.tsx";
import { Toasts } from "./Toasts.tsx";
import { Toolbar } from "./Toolbar.tsx";
import { type ViewId, viewShowsCanvas } from "./views.ts";
import { warmEditorParts } from "./warm-parts.ts";

// The keyboard's help loads when first asked for, not before the first cards.
const ShortcutHelp = lazy(() =>
  import("./ShortcutHelp.tsx").then((m) => ({ default: m.ShortcutHelp })),
);

export interface EditorProps {
  session: CollabSession;
  role: string;
  /** "" until the person has named themselves (viewers and commenters may open unnamed). */
  displayName: string;
  /** Asks for the person's name (the Model menu; a first comment or vote); none when signed in. */
  onAskName: (() => void) | undefined;
  /** The canvas snapshot (`canvas-snapshot.ts`), drawn until the graph document has synced. */
  firstLayer: CanvasSnapshot | null;
}

export function Editor(props: EditorProps) {
  return (
    <ReactFlowProvider>
      <EditorInner {...props} />
    </ReactFlowProvider>
  );
}

/** The editor's state and its layout: top bar, banners, toolbar, stage, side panel, toasts. */
function EditorInner({ session, role, displayName, onAskName, firstLayer }: EditorProps) {
  const state = useEditorState({ session, role, displayName, onAskName });
  const { binding, snapshot, readOnly, reading, view, setView, peers, following } = state;
  if (!binding) return <div className="page-message">Opening the model…</div>;
  const follow = peers.find((p) => p.clientId === following);
  // Until the document brings the model, the first layer's title, mastery goal and counts.
  const early = firstLayer && !state.connection.synced && snapshot.nodes.length === 0;
  const shown = modelFacts(early ? firstLayer : null, snapshot.model);

  return (
    <EditorProviders binding={binding} readOnly={readOnly} review={state.review} reading={reading}>
      <div className="editor" data-role={role}>
        {view === "canvas" && <SkipToCanvas />}
        <EditorTopbar
          {...{ session, role, displayName, onAskName, state, binding }}
          title={shown.title}
        />
        <Banners
          session={session}
          role={role}
          binding={binding}
          snapshot={snapshot}
          masteryGoal={shown.masteryGoal}
          early={Boolean(early)}
        />
        <EditorToolbar
          session={session}
          binding={binding}
          snapshot={snapshot}
          reading={reading}
          view={view}
          onLayout={state.autoLayout}
          onHelp={() => state.setHelpOpen(true)}
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
              setTimeout(() => state.focusElements([id]), 50);
            }}
            peers={peers}
            follow={follow}
            onStopFollowing={() => state.setFollowing(undefined)}
            loaded={state.connection.loaded}
            synced={state.connection.synced}
            firstLayer={firstLayer}
          />
          <SidePanel
            binding={binding}
            model={snapshot.model}
            selection={state.selection}
            onFocus={state.focusElements}
            counts={shown.counts}
          />
        </div>
        <Toasts notices={state.notices} />
        {state.helpOpen && (
          <LoadedPart fallback={null}>
            <ShortcutHelp onClose={() => state.setHelpOpen(false)} />
          </LoadedPart>
        )}
        <DebugHandle binding={binding} />
        <WarmParts />
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
  const cafe = useCafeActions();
  const measurements = useMeasurementImportActions({ binding, snapshot, readOnly });
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
        actions={[...exports.actions, ...measurements.actions, ...cafe.actions]}
        tools={canvasTools && <ReadingTools store={props.reading} />}
        extra={
          <>
            {exports.overlays}
            {cafe.overlays}
            {measurements.overlays}
          </>
        }
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
  masteryGoal: string;
  /** The first layer's goal: shown, not edited, until the document has synced. */
  early: boolean;
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
      <PurposeBanner
        purpose={props.snapshot.model}
        readOnly={readOnly}
        onSave={(purpose) => binding.revisit.setPurpose(purpose)}
      />
      <MasteryBanner
        value={props.masteryGoal}
        readOnly={readOnly || props.early}
        onChange={(masteryGoal) => binding.setMeta({ masteryGoal })}
      />
    </>
  );
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

/** Once the editor is up, its parts that load on first use are fetched (see warm-parts.ts). */
function WarmParts() {
  useEffect(warmEditorParts, []);
  return null;
}
