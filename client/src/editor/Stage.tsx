import type { CanvasSnapshot } from "@logic-canvas/shared";
import { lazy } from "react";
import { Canvas } from "../canvas/Canvas.tsx";
import { useReadOnly } from "../canvas/read-only.ts";
import type { BindingSnapshot, YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import type { Peer } from "../collab/presence.ts";
import type { CollabSession } from "../collab/session.ts";
import { ReadingOverlays } from "../reading/ReadingOverlays.tsx";
import type { ReadingStore } from "../reading/reading-store.ts";
import { LoadedPart } from "../ui/LoadedPart.tsx";
import type { ViewId } from "./views.ts";

// The dashboard brings the charting library; it loads when first opened, not with the canvas.
const Dashboard = lazy(() =>
  import("../monitoring/Dashboard.tsx").then((module) => ({ default: module.Dashboard })),
);

// The printable table, loaded when first printed.
const PrintView = lazy(() =>
  import("../exports/PrintView.tsx").then((module) => ({ default: module.PrintView })),
);

// Revisiting views (issue 17), loaded when first opened.
const RadarView = lazy(() =>
  import("../radar/RadarView.tsx").then((module) => ({ default: module.RadarView })),
);
const AgendaView = lazy(() =>
  import("../plans/AgendaView.tsx").then((module) => ({ default: module.AgendaView })),
);

/** The editor's main area: the chosen view (canvas, progress dashboard or print table). */
export function Stage(props: {
  session: CollabSession;
  binding: YjsFlowBinding;
  snapshot: BindingSnapshot;
  /** Find, trace and filter: drawn over the canvas. */
  reading: ReadingStore;
  view: ViewId;
  /** Leaves the dashboard for the canvas, centred on this goal. */
  onShow: (nodeId: string) => void;
  peers: Peer[];
  follow: Peer | undefined;
  onStopFollowing: () => void;
  loaded: boolean;
  synced: boolean;
  /** The canvas snapshot, drawn until the document has synced. */
  firstLayer: CanvasSnapshot | null;
}) {
  const { session, binding, snapshot, view, follow } = props;
  const readOnly = useReadOnly();
  return (
    <main className="stage-area">
      {follow && (
        <div className="following" role="status">
          Following {follow.user.name}’s view ·{" "}
          <button type="button" className="link-button" onClick={props.onStopFollowing}>
            stop
          </button>
        </div>
      )}
      {view === "progress" && (
        <LoadedPart fallback={<div className="page-message">Loading the dashboard…</div>}>
          <Dashboard
            binding={binding}
            model={snapshot.model}
            checkIns={snapshot.checkIns}
            readOnly={readOnly}
            onShow={props.onShow}
          />
        </LoadedPart>
      )}
      {view === "print" && (
        <LoadedPart fallback={<div className="page-message">Loading…</div>}>
          <PrintView model={snapshot.model} />
        </LoadedPart>
      )}
      {(view === "radar" || view === "agenda") && (
        <LoadedPart fallback={<div className="page-message">Loading…</div>}>
          {view === "radar" ? (
            <RadarView
              model={snapshot.model}
              binding={binding}
              readOnly={readOnly}
              onShow={props.onShow}
            />
          ) : (
            <AgendaView model={snapshot.model} checkIns={snapshot.checkIns} />
          )}
        </LoadedPart>
      )}
      {view === "canvas" && <ReadingOverlays store={props.reading} />}
      {view === "canvas" && (
        <Canvas
          binding={binding}
          snapshot={snapshot}
          peers={props.peers}
          follow={follow}
          onCursor={(c) => session.presence.setCursor(c)}
          onViewport={(v) => session.presence.setViewport(v)}
          onUserMove={props.onStopFollowing}
          loaded={props.loaded}
          synced={props.synced}
          firstLayer={props.firstLayer}
        />
      )}
    </main>
  );
}
