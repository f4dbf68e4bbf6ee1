import { quoteTitle } from "@logic-canvas/shared";
import { useCallback, useRef, useState } from "react";
import { Modal } from "../ui/Modal.tsx";
import type { CardNode, LinkEdge } from "./flow-types.ts";

type Pending = { message: string; resolve: (ok: boolean) => void };

/**
 * Delete (or Backspace) on cards that have links asks first, since the links go with them and
 * were drawn with care; cards without links, and links alone, go at once (Undo brings them back).
 * React Flow waits on `onBeforeDelete` before it deletes anything.
 */
export function useDeleteConfirm(): {
  onBeforeDelete: (elements: { nodes: CardNode[]; edges: LinkEdge[] }) => Promise<boolean>;
  dialog: React.ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);
  const open = useRef(false);

  const onBeforeDelete = useCallback(
    async ({ nodes, edges }: { nodes: CardNode[]; edges: LinkEdge[] }): Promise<boolean> => {
      if (open.current) return false;
      const ids = new Set(nodes.map((n) => n.id));
      const links = edges.filter((e) => ids.has(e.source) || ids.has(e.target)).length;
      if (nodes.length === 0 || links === 0) return true;
      const what =
        nodes.length === 1
          ? `${quoteTitle(nodes[0]?.data.node)} and its ${links === 1 ? "link" : `${links} links`}`
          : `${nodes.length} cards and their ${links === 1 ? "link" : `${links} links`}`;
      open.current = true;
      return new Promise<boolean>((resolve) => setPending({ message: `Delete ${what}?`, resolve }));
    },
    [],
  );

  function answer(ok: boolean) {
    open.current = false;
    pending?.resolve(ok);
    setPending(null);
    // Keyboard focus goes back to the canvas, not to the page's top: once React Flow has removed
    // the cards, so that it lands on a card that is still there.
    setTimeout(() => document.querySelector<HTMLElement>(".canvas")?.focus(), 50);
  }

  const dialog = pending && (
    <Modal title="Delete with its links?" onClose={() => answer(false)} testId="delete-confirm">
      <p>{pending.message} Undo (Ctrl/Cmd+Z) brings them back.</p>
      <div className="modal-actions">
        <button type="button" className="danger" onClick={() => answer(true)}>
          Delete
        </button>
        {/* The safe answer takes the focus: a second Delete or Enter typed by habit keeps them. */}
        <button type="button" data-autofocus onClick={() => answer(false)}>
          Keep
        </button>
      </div>
    </Modal>
  );
  return { onBeforeDelete, dialog };
}
