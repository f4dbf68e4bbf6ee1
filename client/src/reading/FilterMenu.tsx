import {
  type CardFilter,
  KIND_LABELS,
  NODE_KINDS,
  STATUS_FILTER_LABELS,
  STATUS_FILTERS,
} from "@logic-canvas/shared";
import { useEffect, useRef, useState } from "react";
import type { ReadingStore } from "./reading-store.ts";
import { useReadingView } from "./use-reading.ts";
import "./reading.css";

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

/** The canvas filter's choices: goal statuses and lanes, as checkboxes. */
function FilterChoices({
  filter,
  onChange,
}: {
  filter: CardFilter;
  onChange: (f: CardFilter) => void;
}) {
  return (
    <>
      <fieldset>
        <legend>Goals that are</legend>
        {STATUS_FILTERS.map((status) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={filter.statuses.includes(status)}
              onChange={(e) =>
                onChange({ ...filter, statuses: toggle(filter.statuses, status, e.target.checked) })
              }
            />
            {STATUS_FILTER_LABELS[status]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Lanes</legend>
        {NODE_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={filter.lanes.includes(kind)}
              onChange={(e) =>
                onChange({ ...filter, lanes: toggle(filter.lanes, kind, e.target.checked) })
              }
            />
            {KIND_LABELS[kind].label}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** Toolbar group: Find, and the Filter menu (a popover of checkboxes). */
export function ReadingTools({ store }: { store: ReadingStore }) {
  const view = useReadingView(store);
  const [open, setOpen] = useState(false);
  const group = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    function outside(event: PointerEvent) {
      if (!group.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const active = view.filterWords !== "";
  return (
    <div className="tool-group reading-tools" ref={group}>
      <button type="button" onClick={() => store.openFind()} title="Find cards (Ctrl/Cmd+F)">
        Find
      </button>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="filter-menu"
        className={active ? "is-active" : undefined}
        onClick={() => setOpen((v) => !v)}
        title="Show only some goals or lanes"
      >
        Filter{active ? " (on)" : ""}
      </button>
      {open && (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the menu; the checkboxes inside are the controls
        <div
          className="filter-menu"
          id="filter-menu"
          data-testid="filter-menu"
          onKeyDown={(e) => {
            if (e.key === "Escape") setOpen(false);
          }}
        >
          <FilterChoices filter={view.filter} onChange={(f) => store.setFilter(f)} />
          <p className="muted small">
            Checking none shows all. Cards that do not match are hidden.
          </p>
        </div>
      )}
    </div>
  );
}
