import { ChainBar } from "./ChainBar.tsx";
import { FilterLine } from "./FilterLine.tsx";
import { FindBar } from "./FindBar.tsx";
import type { ReadingStore } from "./reading-store.ts";
import "./reading.css";

/**
 * Over the canvas: the find bar at the top right; at the bottom centre, where cards are fewest,
 * the filter line; the chain bar in a band it adds above the canvas, so it never lies over a card.
 */
export function ReadingOverlays({ store }: { store: ReadingStore }) {
  return (
    <>
      <FindBar store={store} />
      <div className="reading-dock">
        <FilterLine store={store} />
      </div>
      <ChainBar store={store} />
    </>
  );
}
