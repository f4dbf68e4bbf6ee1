import { type LogicModel, quoteTitle } from "@logic-canvas/shared";
import type { Connection, FinalConnectionState } from "@xyflow/react";
import { type ReactNode, useState } from "react";
import { focusCard } from "./card-navigation.ts";
import { dropTarget } from "./drop-link.ts";
import { LinkPicker } from "./LinkPicker.tsx";
import { startLinkFrom, useLinkFrom } from "./link-start.ts";
import type { YjsFlowBinding } from "./yjs-flow-binding.ts";

/**
 * The three ways a person draws a link on the canvas, each through the binding's checked connect:
 * a drop on a handle, a drop on a card's body, and the keyboard picker (L). A link made is read
 * out to screen readers in a polite live region.
 */
export function useCanvasLinking(
  binding: YjsFlowBinding,
  model: LogicModel,
  readOnly: boolean,
): {
  onConnect: (connection: Connection) => void;
  onConnectEnd: (event: MouseEvent | TouchEvent, state: FinalConnectionState) => void;
  overlay: ReactNode;
} {
  const linkFrom = useLinkFrom();
  const [announcement, setAnnouncement] = useState("");

  function link(source: string, target: string) {
    const ok = !binding.connectionProblem(source, target);
    binding.onConnect({ source, target, sourceHandle: null, targetHandle: null });
    if (!ok) return;
    const title = (id: string) => quoteTitle(model.nodes.find((n) => n.id === id));
    setAnnouncement(`Linked ${title(source)} to ${title(target)}.`);
  }

  function onConnectEnd(event: MouseEvent | TouchEvent, state: FinalConnectionState) {
    const dropped = dropTarget(event, state);
    if (dropped) link(dropped.source, dropped.target);
  }

  function closePicker(target?: string) {
    if (!linkFrom) return;
    startLinkFrom(null);
    if (target) link(linkFrom, target);
    focusCard(linkFrom);
  }

  const overlay = (
    <>
      {linkFrom && !readOnly && (
        <LinkPicker
          fromId={linkFrom}
          model={model}
          onPick={(target) => closePicker(target)}
          onCancel={() => closePicker()}
        />
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="canvas-announcement">
        {announcement}
      </div>
    </>
  );
  return { onConnect: (c) => link(c.source, c.target), onConnectEnd, overlay };
}
