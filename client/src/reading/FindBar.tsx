import type { SearchedField } from "@logic-canvas/shared";
import { useReactFlow } from "@xyflow/react";
import { useEffect, useRef, useState } from "react";
import { centreOnCard } from "./centre.ts";
import type { ReadingStore } from "./reading-store.ts";
import type { ReadingView } from "./reading-view.ts";
import { useReadingView } from "./use-reading.ts";

const FIELD_WORDS: Record<SearchedField, string> = {
  title: "",
  notes: "in notes",
  indicator: "in the indicator",
};

/**
 * Find on the canvas (Ctrl/Cmd+F): searches every card of the model, mounted or not, and steps
 * through the matches, centring each. The query is this component's own state, so typing
 * re-renders the bar and the cards whose mark changed, never the editor.
 */
export function FindBar({ store }: { store: ReadingStore }) {
  const view = useReadingView(store);
  const flow = useReactFlow();
  const [query, setQuery] = useState("");
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (view.findRequest > 0) input.current?.select();
  }, [view.findRequest]);

  if (!view.findOpen) return null;

  function type(text: string) {
    setQuery(text);
    const first = store.setQuery(text);
    if (first) centreOnCard(flow, first);
  }

  function step(delta: 1 | -1) {
    const id = store.step(delta);
    if (id) centreOnCard(flow, id);
  }

  function close() {
    setQuery("");
    store.closeFind();
  }

  return (
    <search className="find-bar" aria-label="Find cards" data-testid="find-bar">
      <input
        ref={input}
        type="search"
        aria-label="Find cards by title, notes or indicator"
        placeholder="Find cards…"
        value={query}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to find (Ctrl/Cmd+F or Find)
        autoFocus
        onChange={(e) => type(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === "Escape") {
            e.preventDefault();
            close();
          } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "f") {
            e.preventDefault();
            input.current?.select();
          }
        }}
      />
      <FindSteps query={query} view={view} step={step} close={close} />
      {view.hiddenCount > 0 && <span className="find-scope">Searching the cards shown</span>}
    </search>
  );
}

/**
 * Where the person is among the matches ("2 of 5 · in notes") and the buttons that step and
 * close, for those who search by mouse; the keys on the input do the same.
 */
function FindSteps({
  query,
  view,
  step,
  close,
}: {
  query: string;
  view: ReadingView;
  step: (delta: 1 | -1) => void;
  close: () => void;
}) {
  const count = view.matchCount;
  const where = view.currentMatch ? FIELD_WORDS[view.currentMatch.field] : "";
  return (
    <>
      <output className="find-count" aria-live="polite" data-testid="find-count">
        {query.trim() === ""
          ? ""
          : count === 0
            ? "No cards match"
            : `${view.current + 1} of ${count}${where ? ` · ${where}` : ""}`}
      </output>
      <button
        type="button"
        onClick={() => step(-1)}
        disabled={count === 0}
        title="Previous match (Shift+Enter)"
        aria-label="Previous match"
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => step(1)}
        disabled={count === 0}
        title="Next match (Enter)"
        aria-label="Next match"
      >
        ↓
      </button>
      <button type="button" onClick={close} title="Close (Esc)" aria-label="Close find">
        ×
      </button>
    </>
  );
}
