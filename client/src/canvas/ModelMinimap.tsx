import { Panel, useReactFlow, useStoreApi } from "@xyflow/react";
import { type PointerEvent, useEffect, useRef, useState, type WheelEvent } from "react";
import type { CardNode } from "./flow-types.ts";
import { drawCards, flowAt, frameOf, type MapFrame, viewRect } from "./minimap-draw.ts";

const WIDTH = 168;
const HEIGHT = 112;

/**
 * The overview map of the whole model. React Flow's own map draws the nodes React Flow holds,
 * which are only those near the view (`cull/culled-elements.ts`), and it keeps one subscribed
 * component per node (profiled: the largest cost of a pan frame at 5,000 cards); this one draws
 * every card on one `<canvas>` when the cards change (at most twice a second); the view's
 * rectangle above it is an element moved by a compositor transform, so a pan frame paints
 * nothing in the map. Dragging on it pans the canvas there; the wheel zooms.
 */
export function ModelMinimap({ nodes }: { nodes: readonly CardNode[] }) {
  const cardsCanvas = useRef<HTMLCanvasElement>(null);
  const viewBox = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  const flow = useReactFlow();
  const ratio = window.devicePixelRatio || 1;
  const frame = useCardsLayer(cardsCanvas, nodes, ratio);

  useEffect(() => {
    let size = "";
    const place = () => {
      const element = viewBox.current;
      if (!element) return;
      const { transform, width, height } = store.getState();
      const [x, y, zoom] = transform;
      const rect = viewRect(frame, { x, y, zoom, width, height });
      element.style.transform = `translate(${rect.x}px, ${rect.y}px)`;
      // Its size changes with the zoom alone: a pan moves it without a layout or a paint.
      const next = `${rect.width}:${rect.height}`;
      if (next !== size) {
        size = next;
        element.style.width = `${rect.width}px`;
        element.style.height = `${rect.height}px`;
      }
    };
    place();
    return store.subscribe((state, previous) => {
      if (
        state.transform !== previous.transform ||
        state.width !== previous.width ||
        state.height !== previous.height
      )
        place();
    });
  }, [store, frame]);

  const centreAt = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const at = flowAt(frame, event.clientX - box.left, event.clientY - box.top);
    void flow.setCenter(at.x, at.y, { zoom: flow.getZoom() });
  };
  const onWheel = (event: WheelEvent<HTMLCanvasElement>) => {
    if (event.deltaY < 0) void flow.zoomIn({ duration: 0 });
    else void flow.zoomOut({ duration: 0 });
  };
  const size = { width: Math.round(WIDTH * ratio), height: Math.round(HEIGHT * ratio) };
  const style = { width: WIDTH, height: HEIGHT, display: "block" } as const;

  return (
    <Panel position="bottom-right" className="react-flow__minimap model-minimap">
      <div style={{ position: "relative", width: WIDTH, height: HEIGHT, overflow: "hidden" }}>
        <canvas
          ref={cardsCanvas}
          {...size}
          style={{ ...style, cursor: "pointer" }}
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
        <div ref={viewBox} className="minimap-view" />
      </div>
    </Panel>
  );
}

/**
 * The cards' layer, drawn again at most every `CARDS_INTERVAL_MS`: a colleague dragging a card
 * changes the cards a dozen times a second, and a map this small need not follow each move
 * (profiled: redrawing 5,000 rectangles per remote move was the largest cost left).
 */
function useCardsLayer(
  canvas: React.RefObject<HTMLCanvasElement | null>,
  nodes: readonly CardNode[],
  ratio: number,
): MapFrame {
  const [frame, setFrame] = useState(() => frameOf(nodes, WIDTH, HEIGHT));
  const latest = useRef(nodes);
  latest.current = nodes;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const drawnAt = useRef(0);
  const first = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new cards schedule a draw (read from `latest`)
  useEffect(() => {
    const draw = () => {
      timer.current = undefined;
      drawnAt.current = performance.now();
      const next = frameOf(latest.current, WIDTH, HEIGHT);
      const ctx = canvas.current?.getContext("2d");
      if (ctx) drawCards(ctx, latest.current, next, ratio);
      setFrame((before) => (sameFrame(before, next) ? before : next));
    };
    if (timer.current || first.current) return;
    if (drawnAt.current === 0) {
      // The first drawing waits for the frame after the one the cards are painted in: it reads
      // every card of the model (5,000 and more), and the page's first cards need none of it.
      first.current = requestAnimationFrame(() => {
        first.current = 0;
        timer.current = setTimeout(draw, 0);
      });
      return;
    }
    const wait = CARDS_INTERVAL_MS - (performance.now() - drawnAt.current);
    if (wait <= 0) draw();
    else timer.current = setTimeout(draw, wait);
  }, [canvas, nodes, ratio]);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      cancelAnimationFrame(first.current);
    },
    [],
  );
  return frame;
}

const CARDS_INTERVAL_MS = 500;

function sameFrame(a: MapFrame, b: MapFrame): boolean {
  return a.x === b.x && a.y === b.y && a.scale === b.scale;
}
