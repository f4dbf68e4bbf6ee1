import { NODE_KINDS, type NodeKind } from "@logic-canvas/shared";
import type { ReactFlowInstance } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { fitModel } from "../canvas/fit-model.ts";
import { startLinkFrom } from "../canvas/link-start.ts";
import { createCardToEdit } from "../canvas/title-edit.ts";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";

/** Shortcut table: shown in the help panel and used by the handler below. */
export const SHORTCUTS: { keys: string; does: string }[] = [
  {
    keys: "N, then 1–5",
    does: "New card in lane 1 (inputs) … 5 (long-term goals), title ready to type",
  },
  { keys: "Double-click a lane", does: "New card there" },
  { keys: "Double-click a title", does: "Edit the title in place" },
  { keys: "Tab", does: "Reach the canvas (the selected card, or the first one)" },
  { keys: "← → ↑ ↓", does: "Move between cards: across lanes, up and down a lane" },
  { keys: "Enter", does: "Edit the focused card's title (Enter again saves, Esc cancels)" },
  {
    keys: "L",
    does: "Link the selected card: pick a target (↑ ↓ or type), Enter links, Esc cancels",
  },
  { keys: "Delete / Backspace", does: "Delete the selection (asks first when links go with it)" },
  { keys: "Ctrl/Cmd+Z", does: "Undo your own last change" },
  { keys: "Shift+Ctrl/Cmd+Z, Ctrl+Y", does: "Redo" },
  { keys: "Ctrl/Cmd+C, Ctrl/Cmd+V", does: "Copy and paste cards with their links" },
  { keys: "Ctrl/Cmd+A", does: "Select every card" },
  { keys: "Shift+drag, Ctrl/Cmd+click", does: "Select several cards" },
  { keys: "F", does: "Fit the whole model in view" },
  { keys: "T", does: "Tidy cards within their lanes" },
  { keys: "Ctrl/Cmd+F", does: "Find cards by title, notes or indicator; Enter for the next" },
  { keys: "Select a card", does: "Trace its chain: what leads to it and what it leads to" },
  { keys: "+ / −", does: "Zoom in / out" },
  { keys: "?", does: "Show or hide this help" },
  { keys: "Esc", does: "Clear the selection, close this help" },
];

type Clip = ReturnType<YjsFlowBinding["copySelection"]>;

function isTextField(el: Element | null): boolean {
  return (
    !!el &&
    ((el as HTMLElement).isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))
  );
}

/** No single-key shortcut while a person types, wherever the key event was aimed. */
function typingIn(target: EventTarget | null): boolean {
  return isTextField(target as Element | null) || isTextField(document.activeElement);
}

/**
 * The Ctrl/Cmd shortcuts: undo, redo, copy, paste, find and select all. Returns whether the key
 * was a chord (Ctrl, Cmd or Alt held), so that no single-key shortcut fires for it; chords not
 * listed here are left to the browser. Apart from `useEditorKeys` so each reads as one table.
 */
function onChord(
  event: KeyboardEvent,
  ctx: {
    binding: YjsFlowBinding;
    clipboard: { current: Clip | null };
    readOnly: boolean;
    onFind?: () => void;
  },
): boolean {
  const { binding, clipboard } = ctx;
  if (!(event.ctrlKey || event.metaKey)) return event.altKey;
  const key = event.key.toLowerCase();
  if (key === "z") {
    event.preventDefault();
    if (event.shiftKey) binding.redoLast();
    else binding.undoLast();
  } else if (key === "y") {
    event.preventDefault();
    binding.redoLast();
  } else if (key === "c") {
    clipboard.current = binding.copySelection();
  } else if (key === "v") {
    if (clipboard.current && !ctx.readOnly) {
      event.preventDefault();
      binding.paste(clipboard.current);
    }
  } else if (key === "f" && ctx.onFind) {
    // The browser's find sees only the cards mounted in view; ours searches the model.
    event.preventDefault();
    ctx.onFind();
  } else if (key === "a") {
    event.preventDefault();
    binding.select(binding.getSnapshot().nodes.map((n) => n.id));
  }
  return true;
}

export function useEditorKeys({
  binding,
  readOnly,
  flow,
  onHelp,
  onLayout,
  onFind,
}: {
  binding: YjsFlowBinding | null;
  readOnly: boolean;
  flow: ReactFlowInstance;
  onHelp: () => void;
  onLayout: () => void;
  /** Opens the canvas's find bar; absent where there is no canvas (the browser's find runs). */
  onFind?: () => void;
}): void {
  const pendingN = useRef(false);
  const clipboard = useRef<Clip | null>(null);

  useEffect(() => {
    if (!binding) return;
    function onKey(event: KeyboardEvent) {
      // defaultPrevented: the canvas already used the key (arrows, Enter on a card).
      if (typingIn(event.target) || event.defaultPrevented || !binding) return;
      const key = event.key.toLowerCase();
      if (pendingN.current && /^[1-5]$/.test(event.key)) {
        pendingN.current = false;
        if (!readOnly)
          createCardToEdit(binding, flow, NODE_KINDS[Number(event.key) - 1] as NodeKind);
        event.preventDefault();
        return;
      }
      pendingN.current = false;
      if (onChord(event, { binding, clipboard, readOnly, onFind })) return;
      if (key === "n" && !readOnly) {
        pendingN.current = true;
      } else if (key === "f") {
        fitModel(flow);
      } else if (key === "l" && !readOnly) {
        const selected = binding.selection().nodeIds;
        if (selected.length === 1) startLinkFrom(selected[0] ?? null);
        event.preventDefault();
      } else if (key === "t" && !readOnly) {
        onLayout();
      } else if (event.key === "?") {
        onHelp();
      } else if (event.key === "+" || event.key === "=") {
        void flow.zoomIn();
      } else if (event.key === "-") {
        void flow.zoomOut();
      } else if (event.key === "Escape") {
        binding.select([]);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [binding, readOnly, flow, onHelp, onLayout, onFind]);
}
