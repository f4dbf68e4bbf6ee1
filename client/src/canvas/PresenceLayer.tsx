import { useStore } from "@xyflow/react";
import { type ReactNode, useMemo } from "react";
import { createPortal } from "react-dom";
import type { Peer } from "../collab/presence.ts";
import { CARD_WIDTH } from "./yjs-flow-binding.ts";

/** Collaborators' cursors (flow coordinates) and outlines around what they have selected. */
export function PresenceLayer({ peers }: { peers: Peer[] }) {
  const lookup = useStore((s) => s.nodeLookup);
  const others = peers.filter((p) => !p.self);
  return (
    <InViewport>
      {others.flatMap((peer) =>
        peer.selection.flatMap((id) => {
          const node = lookup.get(id);
          if (!node) return [];
          const { x, y } = node.internals.positionAbsolute;
          return (
            <div
              key={`${peer.clientId}-${id}`}
              className="peer-selection"
              data-testid="peer-selection"
              style={{
                transform: `translate(${x - 4}px, ${y - 4}px)`,
                width: (node.measured.width ?? CARD_WIDTH) + 8,
                height: (node.measured.height ?? 80) + 8,
                borderColor: peer.user.color,
              }}
            >
              <span style={{ background: peer.user.color }}>{peer.user.name}</span>
            </div>
          );
        }),
      )}
      {others.map(
        (peer) =>
          peer.cursor && (
            <div
              key={peer.clientId}
              className="peer-cursor"
              data-testid="peer-cursor"
              style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px)` }}
            >
              <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
                <path
                  d="M1 1 L7 16 L9 9 L16 7 Z"
                  fill={peer.user.color}
                  stroke="white"
                  strokeWidth="1.5"
                />
              </svg>
              <span style={{ background: peer.user.color }}>{peer.user.name}</span>
            </div>
          ),
      )}
    </InViewport>
  );
}

/**
 * React Flow's `ViewportPortal`, with its target looked up once: React Flow's own selector runs
 * `querySelector` over the whole canvas on every change of its store (each pan frame, each
 * collaborator's move), which with a thousand cards held was a millisecond a time (issue 14).
 */
function InViewport({ children }: { children: ReactNode }) {
  const domNode = useStore((s) => s.domNode);
  const target = useMemo(
    () => domNode?.querySelector<HTMLElement>(".react-flow__viewport-portal") ?? null,
    [domNode],
  );
  return target ? createPortal(children, target) : null;
}
