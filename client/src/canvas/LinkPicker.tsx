import { KIND_LABELS, type LogicModel, type LogicNode, quoteTitle } from "@logic-canvas/shared";
import { useReactFlow } from "@xyflow/react";
import { type KeyboardEvent, useEffect, useState } from "react";
import { Modal } from "../ui/Modal.tsx";
import { highlightLinkTarget } from "./link-start.ts";
import { useLinkTargets } from "./link-targets.ts";
import { bringIntoView } from "./title-edit.ts";

/**
 * The keyboard way to draw a link: lists only the cards the link may go to (later lanes, not
 * linked yet), in lane order. Arrows move through them, typing narrows them by title, Enter makes
 * the link, Escape cancels. The card under the highlight is outlined on the canvas as well.
 */
export function LinkPicker({
  fromId,
  model,
  onPick,
  onCancel,
}: {
  fromId: string;
  model: LogicModel;
  onPick: (targetId: string) => void;
  onCancel: () => void;
}) {
  const from = model.nodes.find((n) => n.id === fromId);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const valid = useLinkTargets(model, fromId);
  const shown = valid.filter((n) => n.title.toLowerCase().includes(query.trim().toLowerCase()));
  const current = shown[Math.min(active, shown.length - 1)];
  const flow = useReactFlow();
  const currentId = current?.id;
  // The highlighted target is brought on screen, so the person sees where the link will go.
  useEffect(() => {
    highlightLinkTarget(currentId ?? null);
    if (currentId) bringIntoView(flow, currentId);
  }, [flow, currentId]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => Math.max(0, Math.min(shown.length - 1, i + step)));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (current) onPick(current.id);
    }
  }

  return (
    <Modal title={`Link ${quoteTitle(from)} to…`} onClose={onCancel} testId="link-picker">
      {valid.length === 0 ? (
        <p role="status">
          No card can follow {quoteTitle(from)} yet: links run left to right, to a later lane, and
          it already links to every card there.
        </p>
      ) : (
        <>
          <label className="link-picker-label" htmlFor="link-picker-input">
            Type to narrow, ↑ ↓ to choose, Enter to link, Esc to cancel
          </label>
          <input
            id="link-picker-input"
            className="link-picker-input"
            role="combobox"
            aria-expanded="true"
            aria-controls="link-picker-options"
            aria-activedescendant={current ? `link-option-${current.id}` : undefined}
            aria-autocomplete="list"
            // biome-ignore lint/a11y/noAutofocus: the person pressed L to pick a target now
            autoFocus
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <LinkOptions shown={shown} current={current} query={query} onPick={onPick} />
        </>
      )}
    </Modal>
  );
}

/**
 * The listbox of targets. Focus stays in the combobox (aria-activedescendant points here), so a
 * click picks on mouse-down, before the input would lose focus.
 */
function LinkOptions({
  shown,
  current,
  query,
  onPick,
}: {
  shown: LogicNode[];
  current: LogicNode | undefined;
  query: string;
  onPick: (targetId: string) => void;
}) {
  return (
    <div id="link-picker-options" className="link-picker-options" role="listbox">
      {shown.map((node) => (
        // biome-ignore lint/a11y/useFocusableInteractive: the combobox keeps focus and points here (aria-activedescendant)
        <div
          key={node.id}
          id={`link-option-${node.id}`}
          role="option"
          aria-selected={node === current}
          className={node === current ? "is-active" : undefined}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(node.id);
          }}
        >
          <span className={`link-option-kind kind-${node.kind}`}>
            {KIND_LABELS[node.kind].short}
          </span>
          {node.title}
        </div>
      ))}
      {shown.length === 0 && <p className="muted">No card matches “{query}”.</p>}
    </div>
  );
}
