import { KIND_LABELS, WORKSPACE_KIND_LABELS } from "@logic-canvas/shared";
import { useEffect, useId, useMemo, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { editorRoute } from "../app/routes.ts";
import { StatusBadge } from "../monitoring/StatusBadge.tsx";
import { Modal } from "../ui/Modal.tsx";
import type { Alignment } from "./alignment-writes.ts";
import { alignCandidates } from "./cascade-client.ts";
import type { AlignCandidate } from "./cascade-types.ts";
import { goalKey } from "./map-tree.ts";

/** Most a note on how a goal contributes may hold (the document's limit is the gate's to say). */
const NOTE_MAX = 500;

/**
 * "Align to…": the goals of the workspaces above that the person may see, searchable, one to
 * pick, and an optional note on how this goal contributes to it.
 */
export function AlignPicker({
  current,
  onAlign,
  onClose,
}: {
  /** Goals the card already aligns to: shown, not offered twice. */
  current: Alignment[];
  onAlign: (alignment: Alignment) => void;
  onClose: () => void;
}) {
  const [candidates, setCandidates] = useState<AlignCandidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<string>("");
  const [note, setNote] = useState("");
  const listId = useId();

  useEffect(() => {
    const route = editorRoute(window.location);
    if (!route) return;
    alignCandidates(route.id, route.token || undefined)
      .then(setCandidates)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);

  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (candidates ?? []).filter((c) => {
      const text = `${c.title} ${c.modelTitle} ${c.workspaceName}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [candidates, query]);
  const taken = new Set(current.map(goalKey));
  const choice = candidates?.find((c) => goalKey(c) === picked);

  return (
    <Modal title="Align to a goal above" onClose={onClose} testId="align-picker">
      <form
        className="align-picker"
        onSubmit={(e) => {
          e.preventDefault();
          if (!choice) return;
          const trimmed = note.trim();
          onAlign({
            modelId: choice.modelId,
            nodeId: choice.nodeId,
            ...(trimmed ? { note: trimmed } : {}),
          });
        }}
      >
        <label className="field">
          <span>Search goals</span>
          <input
            type="search"
            value={query}
            placeholder="Goal, model, school or district"
            onChange={(e) => setQuery(e.target.value)}
            aria-controls={listId}
          />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {candidates === null && !error && <p className="muted">Loading the goals above…</p>}
        {candidates?.length === 0 && (
          <p className="muted">
            No goal above to align to: the model is in no workspace, its workspace has none above
            it, or the models above have no goals you may see.
          </p>
        )}
        <fieldset className="align-choices" id={listId}>
          <legend>{candidates ? `${shown.length} of ${candidates.length} goals` : "Goals"}</legend>
          {shown.map((c) => {
            const key = goalKey(c);
            return (
              <label key={key} className={`align-choice${taken.has(key) ? " is-taken" : ""}`}>
                <input
                  type="radio"
                  name="align-target"
                  value={key}
                  checked={picked === key}
                  disabled={taken.has(key)}
                  onChange={() => setPicked(key)}
                />
                <span className="align-choice-text">
                  <span className="align-choice-title">
                    <StatusBadge status={c.status} compact /> {c.title}
                    {taken.has(key) && <span className="muted"> (already aligned)</span>}
                  </span>
                  <span className="muted small">
                    {WORKSPACE_KIND_LABELS[c.workspaceKind]} {c.workspaceName} · {c.modelTitle} ·{" "}
                    {KIND_LABELS[c.kind].short}
                  </span>
                </span>
              </label>
            );
          })}
        </fieldset>
        <label className="field">
          <span>How this goal contributes (optional)</span>
          <textarea
            value={note}
            maxLength={NOTE_MAX}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <div className="align-actions">
          <button type="submit" className="primary" disabled={!choice}>
            Align
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
