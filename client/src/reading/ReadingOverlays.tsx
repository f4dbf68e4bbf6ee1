import { ChainBar } from "./ChainBar.tsx";
import { FilterLine } from "./FilterLine.tsx";
import { FindBar } from "./FindBar.tsx";
import type { ReadingStore } from "./reading-store.ts";
import "./reading.css";

/** Over the canvas: the find bar (top right), the filter line (top left), the chain bar (bottom). */
export function ReadingOverlays({ store }: { store: ReadingStore }) {
  return (
    <>
      <FilterLine store={store} />
      <FindBar store={store} />
      <ChainBar store={store} />
    </>
  );
}
