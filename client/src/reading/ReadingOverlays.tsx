import { ChainBar } from "./ChainBar.tsx";
import { FilterLine } from "./FilterLine.tsx";
import { FindBar } from "./FindBar.tsx";
import type { ReadingStore } from "./reading-store.ts";
import "./reading.css";

/**
 * Over the canvas: the find bar at the top right; at the bottom centre, where cards are fewest,
 * the filter line above the chain bar.
 */
export function ReadingOverlays({ store }: { store: ReadingStore }) {
  return (
    <>
      <FindBar store={store} />
      <div className="reading-dock">
        <FilterLine store={store} />
        <ChainBar store={store} />
      </div>
    </>
  );
}
