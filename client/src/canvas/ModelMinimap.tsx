import { Panel, useReactFlow, useStoreApi } from "@xyflow/react";
import { type PointerEvent, useEffect, useMemo, useRef, type WheelEvent } from "react";
import type { CardNode } from "./flow-types.ts";
import { drawCards, drawView, flowAt, frameOf } from "./minimap-draw.ts";

const WIDTH = 168;
const HEIGHT = 112;

/**
 * The overview map of the whole model. React Flow's own map draws the nodes React Flow holds,
 * which are only those near the view (`cull/culled-elements.ts`), and it keeps one subscribed
 * component per node (profiled: the largest cost of a pan frame at 5,000 cards); this one draws
 * every card on one `<canvas>` when the cards change and only the view's rectangle as the view
 * moves. Dragging on it pans the canvas there; the wheel zooms.
 */
export function ModelMinimap({ nodes }: { nodes: readonly CardNode[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const flow = useReactFlow();
  const ratio = window.devicePixelRatio || 1;
  const frame = useMemo(() => frameOf(nodes, WIDTH, HEIGHT), [nodes]);
  const cards = useMemo(() => {
    const layer = document.createElement("canvas");
    layer.width = Math.round(WIDTH * ratio);
    layer.height = Math.round(HEIGHT * ratio);
    const ctx = layer.getContext("2d");
    if (ctx) drawCards(ctx, nodes, frame, ratio);
    return layer;
  }, [nodes, frame, ratio]);

  useEffect(() => {
    let pending = 0;
    const draw = () => {
      pending = 0;
      const ctx = canvas.current?.getContext("2d");
      const { transform, width, height } = store.getState();
      if (ctx)
        drawView(
          ctx,
          cards,
          frame,
          { x: transform[0], y: transform[1], zoom: transform[2], width, height },
          ratio,
        );
    };
    draw();
    const stop = store.subscribe((state, previous) => {
      if (state.transform !== previous.transform || state.width !== previous.width)
        if (!pending) pending = requestAnimationFrame(draw);
    });
    return () => {
      stop();
      if (pending) cancelAnimationFrame(pending);
    };
  }, [store, cards, frame, ratio]);

  const centreAt = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const at = flowAt(frame, event.clientX - box.left, event.clientY - box.top);
    void flow.setCenter(at.x, at.y, { zoom: flow.getZoom() });
  };
  const onWheel = (event: WheelEvent<HTMLCanvasElement>) => {
    if (event.deltaY < 0) void flow.zoomIn({ duration: 0 });
    else void flow.zoomOut({ duration: 0 });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap model-minimap">
      <canvas
        ref={canvas}
        width={Math.round(WIDTH * ratio)}
        height={Math.round(HEIGHT * ratio)}
        style={{ width: WIDTH, height: HEIGHT, display: "block", cursor: "pointer" }}
        role="img"
        aria-label="Overview of the whole model"
        data-testid="model-minimap"
        className="nopan nowheel"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          centreAt(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons & 1) centreAt(event);
        }}
        onWheel={onWheel}
      />
    </Panel>
  );
}
