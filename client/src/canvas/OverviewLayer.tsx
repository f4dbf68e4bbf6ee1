import { KIND_LABELS } from "@logic-canvas/shared";
import { useStore, useStoreApi } from "@xyflow/react";
import { useEffect, useMemo, useRef } from "react";
import { useCardMarks } from "./card-marks.ts";
import { useZoomedOut } from "./detail-level.ts";
import type { CardNode, LinkEdge } from "./flow-types.ts";
import { boxesOf, drawOverview, type OverviewScene } from "./overview-draw.ts";

/**
 * The zoomed-out canvas: while the zoom is below `FULL_DETAIL_ZOOM` React Flow draws no card or
 * link (it holds none then; fit and find read the whole model from the binding's index),
 * and this one `<canvas>` draws them all as shapes, redrawn at most once a frame when the view,
 * the cards or their marks change. Pointer events pass through to React Flow's pane, which pans
 * and zooms as usual; `Canvas` turns a click on a shape into a selection.
 */
export function OverviewLayer(props: { nodes: readonly CardNode[]; edges: readonly LinkEdge[] }) {
  const zoomedOut = useZoomedOut();
  if (!zoomedOut) return null;
  return <OverviewCanvas {...props} />;
}

function OverviewCanvas({
  nodes,
  edges,
}: {
  nodes: readonly CardNode[];
  edges: readonly LinkEdge[];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const marks = useCardMarks();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const boxes = useMemo(() => boxesOf(nodes), [nodes]);
  const scene = useRef<OverviewScene>({ nodes, edges, boxes, marks });
  scene.current = { nodes, edges, boxes, marks };
  const ratio = window.devicePixelRatio || 1;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new scene or size draws again
  useEffect(() => {
    let frame = 0;
    const draw = () => {
      frame = 0;
      const element = canvas.current;
      const ctx = element?.getContext("2d");
      if (!element || !ctx) return;
      const { transform, width: w, height: h } = store.getState();
      const [x, y, zoom] = transform;
      const view = { x, y, zoom, width: w, height: h, pixelRatio: ratio };
      element.dataset.drawnCards = String(drawOverview(ctx, scene.current, view));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    draw();
    const stopView = store.subscribe((state, previous) => {
      if (
        state.transform !== previous.transform ||
        state.width !== previous.width ||
        state.height !== previous.height
      )
        schedule();
    });
    const stopMarks = marks.subscribe(schedule);
    return () => {
      stopView();
      stopMarks();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [store, marks, ratio, nodes, edges, width, height]);

  const selected = nodes.find((n) => n.selected);
  return (
    <>
      <canvas
        ref={canvas}
        className="overview-layer"
        width={Math.round(width * ratio)}
        height={Math.round(height * ratio)}
        style={{ width, height }}
        data-testid="overview-layer"
        role="img"
        aria-label={`Zoomed-out view of ${nodes.length} cards, drawn as coloured shapes`}
        aria-describedby="overview-hint"
      />
      <p id="overview-hint" className="visually-hidden">
        Zoom in to read and edit the cards. The arrow keys still move between cards and Enter zooms
        in to the selected one.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {selected
          ? `${KIND_LABELS[selected.data.node.kind].short}: ${selected.data.node.title}`
          : ""}
      </p>
    </>
  );
}
