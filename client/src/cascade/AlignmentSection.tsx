import type { LogicNode } from "@logic-canvas/shared";
import { useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { editorRoute } from "../app/routes.ts";
import { StatusBadge } from "../monitoring/StatusBadge.tsx";
import { Section } from "../ui/Section.tsx";
import { AlignPicker } from "./AlignPicker.tsx";
import { belowWords, upWords } from "./CardAlignment.tsx";
import { alignmentsOf, reloadAlignments, useModelAlignments } from "./card-alignment-store.ts";
import { saveAlignments } from "./cascade-client.ts";
import type { Alignment, UpTarget } from "./cascade-types.ts";
import { goalKey } from "./map-tree.ts";
import { RollupDetails } from "./RollupDetails.tsx";
import "./card-alignment.css";

/**
 * A goal card's alignment in the side panel: the goals above it contributes to (with the note,
 * broken ones in words), "Align to…" and Remove, and what aligns to it from below with the
 * students arithmetic.
 */
export function AlignmentSection({ node, readOnly }: { node: LogicNode; readOnly: boolean }) {
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolved = useModelAlignments().get(node.id);
  const list = alignmentsOf(node);
  const route = editorRoute(window.location);
  const token = route?.token || undefined;
  const write = async (next: Alignment[]) => {
    if (!route) return;
    setError(null);
    await saveAlignments(route.id, node.id, next, token);
    reloadAlignments();
  };
  const remove = (a: Alignment) =>
    write(list.filter((x) => goalKey(x) !== goalKey(a))).catch((e: unknown) =>
      setError(e instanceof ApiError ? e.message : String(e)),
    );
  const below = (resolved?.alignedFromBelow ?? 0) + (resolved?.hiddenFromBelow ?? 0);

  return (
    <Section title="Alignment">
      <AlignmentList
        list={list}
        resolved={resolved?.up ?? []}
        readOnly={readOnly}
        onRemove={remove}
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {!readOnly && route && (
        <button type="button" onClick={() => setPicking(true)}>
          Align to…
        </button>
      )}
      <p className="small" data-testid="aligned-below">
        {belowWords(resolved?.alignedFromBelow ?? 0, resolved?.hiddenFromBelow ?? 0)}
      </p>
      {below > 0 && route && <RollupDetails modelId={route.id} cardId={node.id} token={token} />}
      {picking && route && (
        <AlignPicker
          modelId={route.id}
          cardId={node.id}
          token={token}
          onClose={() => setPicking(false)}
          onAlign={async (a) => {
            await write([...list.filter((x) => goalKey(x) !== goalKey(a)), a]);
            setPicking(false);
          }}
        />
      )}
    </Section>
  );
}

/** The goals above this one aligns to, each with its note and a Remove button. */
function AlignmentList({
  list,
  resolved,
  readOnly,
  onRemove,
}: {
  list: Alignment[];
  resolved: UpTarget[];
  readOnly: boolean;
  onRemove: (a: Alignment) => void;
}) {
  return (
    <>
      {list.length === 0 ? (
        <p className="muted small">This goal aligns to no goal above.</p>
      ) : (
        <ul className="align-list" data-testid="alignments">
          {list.map((a) => {
            const target = resolved.find((x) => goalKey(x) === goalKey(a));
            return (
              <li key={goalKey(a)}>
                {target?.broken ? (
                  <strong className="align-broken">{upWords(target)}</strong>
                ) : (
                  <span>
                    {target?.status && <StatusBadge status={target.status} compact />}{" "}
                    <strong>{target?.title ?? "A goal above"}</strong>
                    {target?.workspaceName && (
                      <span className="muted"> · {target.workspaceName}</span>
                    )}
                  </span>
                )}
                {a.note && <span className="small align-note">{a.note}</span>}
                {!readOnly && (
                  <button
                    type="button"
                    className="link-button small"
                    aria-label={`Remove the alignment to ${target?.title ?? "this goal"}`}
                    onClick={() => onRemove(a)}
                  >
                    Remove
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
