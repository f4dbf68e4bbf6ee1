import { useEffect, useState } from "react";
import {
  onCommentsRequest,
  pendingCommentsRequest,
  takeCommentsRequest,
} from "./comments-request.ts";
import type { ThreadFilter } from "./thread-filters.ts";

/** The filter the panel opens with; opened from a card's comment badge, it starts on that card. */
export function useThreadFilter() {
  const [filter, setFilter] = useState<ThreadFilter>(() => ({
    status: "open",
    type: "all",
    node: pendingCommentsRequest()?.nodeId ?? "all",
    mine: false,
  }));
  useEffect(() => {
    const onCard = (request: { nodeId: string } | null) => {
      if (request)
        setFilter((f) => (f.node === request.nodeId ? f : { ...f, node: request.nodeId }));
    };
    // Taken once the panel is on screen (comments-request.ts says why not while rendering).
    onCard(takeCommentsRequest());
    return onCommentsRequest(() => onCard(takeCommentsRequest()));
  }, []);
  const patch = (change: Partial<ThreadFilter>) => setFilter((f) => ({ ...f, ...change }));
  return [filter, patch] as const;
}
