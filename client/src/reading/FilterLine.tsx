import { NO_FILTER } from "@logic-canvas/shared";
import type { ReadingStore } from "./reading-store.ts";
import { useReadingView } from "./use-reading.ts";

/**
 * "Filters on: Off track · 212 cards hidden · Clear", always in view while a filter hides cards,
 * so nobody takes hidden cards for deleted ones.
 */
export function FilterLine({ store }: { store: ReadingStore }) {
  const view = useReadingView(store);
  if (view.filterWords === "") return null;
  return (
    <div className="filter-line" role="status" data-testid="filter-line">
      <span>
        <strong>Filters on:</strong> {view.filterWords}
        {` · ${view.filterHidden} ${view.filterHidden === 1 ? "card" : "cards"} hidden`}
      </span>
      <button type="button" className="link-button" onClick={() => store.setFilter(NO_FILTER)}>
        Clear
      </button>
    </div>
  );
}
