import { type ReactFlowState, useStoreApi } from "@xyflow/react";
import { useEffect, useRef } from "react";

/** Flow pixels between dots, and the dots' colour. */
const GAP = 24;
const COLOR = "#d6dae1";
/** A zoom that has not changed for this long has settled: the cards are painted again sharp. */
const ZOOM_SETTLED_MS = 150;

/**
 * What lets a pan frame paint nothing (canvas.css gives the layers `will-change: transform`): the
 * dotted background as one layer moved by a compositor transform, and the cards' layer kept
 * sharp. React Flow's `<Background>` re-rendered an SVG pattern on every pan frame and the whole
 * screen of it was painted again; these dots are CSS on an element a gap larger than the pane,
 * moved by the pan modulo one gap, painted again only when the zoom changes their spacing.
 */
export function PanLayers() {
  const ref = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  useEffect(() => {
    let zoom = 0;
    const place = (state: ReactFlowState) => {
      const element = ref.current;
      if (!element) return;
      const [x, y, z] = state.transform;
      const gap = GAP * z;
      if (z !== zoom) {
        zoom = z;
        // Under a pixel across, a dot would vanish: it stays at least that wide.
        const radius = Math.max(0.5, z / 2);
        element.style.backgroundImage = `radial-gradient(circle at ${gap / 2}px ${gap / 2}px, ${COLOR} ${radius}px, transparent ${radius + 0.5}px)`;
        element.style.backgroundSize = `${gap}px ${gap}px`;
        element.style.inset = `-${gap}px`;
      }
      element.style.transform = `translate(${mod(x, gap)}px, ${mod(y, gap)}px)`;
    };
    place(store.getState());
    const sharpen = sharpAfterZoom(() => store.getState().domNode);
    const stop = store.subscribe((state, previous) => {
      if (state.transform === previous.transform) return;
      place(state);
      if (state.transform[2] !== previous.transform[2]) sharpen.zoomed();
    });
    return () => {
      stop();
      sharpen.stop();
    };
  }, [store]);
  return <div ref={ref} className="dot-grid" aria-hidden="true" />;
}

/**
 * A layer with `will-change: transform` keeps the scale it was painted at while its transform
 * changes, so after a zoom its text would stay blurred or coarse. Once the zoom settles, the
 * cards' layer is let go for two frames and taken back, which paints it once at the new scale.
 */
function sharpAfterZoom(root: () => HTMLElement | null) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  const repaint = () => {
    timer = undefined;
    const viewport = root()?.querySelector<HTMLElement>(".react-flow__viewport");
    if (!viewport) return;
    viewport.style.willChange = "auto";
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        frame = 0;
        viewport.style.willChange = "";
      });
    });
  };
  return {
    zoomed() {
      clearTimeout(timer);
      timer = setTimeout(repaint, ZOOM_SETTLED_MS);
    },
    stop() {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    },
  };
}

function mod(value: number, by: number): number {
  return by > 0 ? ((value % by) + by) % by : 0;
}
