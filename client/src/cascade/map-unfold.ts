import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { alignmentMap } from "./cascade-client.ts";
import type { AlignmentMapAnswer, MapQuery } from "./cascade-types.ts";
import type { Unfold } from "./MapView.tsx";
import { type MapNode, treeOf } from "./map-tree.ts";

/**
 * The folded goals the person opened on the map: each asked for (`under`) when opened, and
 * asked again when the map itself is read again (a live change), so what is open stays open
 * and current.
 */
export function useUnfold(
  workspaceId: string,
  query: MapQuery,
  data: AlignmentMapAnswer | null,
): Unfold {
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [below, setBelow] = useState<
    ReadonlyMap<string, { after: AlignmentMapAnswer; value: MapNode[] | string }>
  >(new Map());

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer stands for the query
  useEffect(() => {
    if (!data) return;
    for (const key of opened) {
      if (below.get(key)?.after === data) continue;
      alignmentMap(workspaceId, { ...query, open: undefined, more: undefined, under: key })
        .then((answer) => treeOf(answer)[0]?.children ?? [])
        .catch((e: unknown) => (e instanceof ApiError ? e.message : String(e)))
        .then((value) =>
          setBelow((m) =>
            m.get(key)?.after === data ? m : new Map(m).set(key, { after: data, value }),
          ),
        );
    }
  }, [data, opened, workspaceId]);

  const onToggle = useCallback((key: string, open: boolean) => {
    setOpened((s) => {
      if (open === s.has(key)) return s;
      const next = new Set(s);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  return {
    // What was read for an older answer still shows while the new one comes.
    below: (key) => below.get(key)?.value ?? (opened.has(key) ? "loading" : undefined),
    onToggle,
  };
}
