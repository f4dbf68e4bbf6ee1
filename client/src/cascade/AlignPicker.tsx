import { KIND_LABELS, WORKSPACE_KIND_LABELS } from "@logic-canvas/shared";
import { type FormEvent, useEffect, useId, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { StatusBadge } from "../monitoring/StatusBadge.tsx";
import { Modal } from "../ui/Modal.tsx";
import { alignableGoals } from "./cascade-client.ts";
import type { AlignableGoal, Alignment } from "./cascade-types.ts";
import { goalKey } from "./map-tree.ts";

/** Most a note on how a goal contributes may hold (`ALIGNMENT_LIMITS.noteMax`). */
const NOTE_MAX = 500;

/**
 * "Align to…": the goals of the workspaces above that the person may see, searched on the
 * server as they type, one to pick, and an optional note on how this goal contributes.
 */
export function AlignPicker({
  modelId,
  cardId,
  token,
  onAlign,
  onClose,
}: {
  modelId: string;
  cardId: string;
  token: string | undefined;
  onAlign: (alignment: Alignment) => Promise<void>;
  onClose: () => void;
}) {
  const [query, setQuery] = useState("");
  const { goals, error, setError } = useAlignable(modelId, cardId, token, query);
  const [picked, setPicked] = useState<AlignableGoal | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const listId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!picked) return;
    const trimmed = note.trim();
    setBusy(true);
    onAlign({
      modelId: picked.modelId,
      cardId: picked.cardId,
      ...(trimmed ? { note: trimmed } : {}),
    })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  return (
    <Modal title="Align to a goal above" onClose={onClose} testId="align-picker">
      <form className="align-picker" onSubmit={submit}>
        <label className="field">
          <span>Search goals</span>
          <input
            type="search"
            value={query}
            placeholder="Words of the goal, its model or its workspace"
            onChange={(e) => setQuery(e.target.value)}
            aria-controls={listId}
          />
        </label>
        {goals === null && !error && <p className="muted">Loading the goals above…</p>}
        {goals?.length === 0 && <p className="muted">{nothingFound(query)}</p>}
        <GoalChoices id={listId} goals={goals} picked={picked} onPick={setPicked} />
        <label className="field">
          <span>How this goal contributes (optional)</span>
          <textarea
            value={note}
            maxLength={NOTE_MAX}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="align-actions">
          <button type="submit" className="primary" disabled={!picked || busy}>
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

/** The goals found, one radio button each; those already aligned are shown but not offered. */
function GoalChoices({
  id,
  goals,
  picked,
  onPick,
}: {
  id: string;
  goals: AlignableGoal[] | null;
  picked: AlignableGoal | null;
  onPick: (goal: AlignableGoal) => void;
}) {
  return (
    <fieldset className="align-choices" id={id} aria-live="polite">
      <legend>{goals ? `${goals.length} goals above` : "Goals above"}</legend>
      {(goals ?? []).map((g) => (
        <label key={goalKey(g)} className={`align-choice${g.aligned ? " is-taken" : ""}`}>
          <input
            type="radio"
            name="align-target"
            value={goalKey(g)}
            checked={picked !== null && goalKey(picked) === goalKey(g)}
            disabled={g.aligned}
            onChange={() => onPick(g)}
          />
          <span className="align-choice-text">
            <span className="align-choice-title">
              <StatusBadge status={g.status} compact /> {g.title}
              {g.aligned && <span className="muted"> (already aligned)</span>}
            </span>
            <span className="muted small">
              {WORKSPACE_KIND_LABELS[g.workspaceKind]} {g.workspaceName} · {g.modelTitle} ·{" "}
              {KIND_LABELS[g.kind].short}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The alignable goals for `query`, asked of the server a moment after the person stops typing. */
function useAlignable(modelId: string, cardId: string, token: string | undefined, query: string) {
  const [goals, setGoals] = useState<AlignableGoal[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      alignableGoals(modelId, cardId, query.trim(), token)
        .then((found) => {
          if (!current) return;
          setGoals(found);
          setError(null);
        })
        .catch((e: unknown) => current && setError(e instanceof ApiError ? e.message : String(e)));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [modelId, cardId, token, query]);
  return { goals, error, setError };
}

function nothingFound(query: string): string {
  return query.trim()
    ? "No goal above matches."
    : "No goal above to align to: the model is in no workspace, its workspace has none above it, or the models above have no goals you may see.";
}
