import { useEffect, useId, useRef, useState } from "react";
import { actorName } from "../history/activity-words.ts";
import { type HistoryAccess, historyApi, type VersionSummary } from "../history/history-api.ts";
import { formatMoment } from "../ui/dates.ts";

/**
 * The model's saved versions, each with Restore (after a confirmation), for the refused-model
 * screen. The list needs no readable model: the server keeps versions as files of their own.
 */
export function RestoreVersionList({
  access,
  onRestored,
}: {
  access: HistoryAccess;
  onRestored: () => void | Promise<void>;
}) {
  const titleId = useId();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [error, setError] = useState("");
  const [confirming, setConfirming] = useState<VersionSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    historyApi
      .list(access)
      .then(setVersions)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [access]);

  // The confirmation takes the focus, so a keyboard user lands on the button that acts.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  async function restore(version: VersionSummary): Promise<void> {
    setBusy(true);
    setError("");
    try {
      await historyApi.restore(access, version.id);
      await onRestored();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
      setConfirming(null);
    }
  }

  return (
    <section className="refused-section" aria-labelledby={titleId}>
      <h2 id={titleId}>Restore a saved version</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {busy && <p role="status">Restoring… the model opens when it is done.</p>}
      {versions === null ? (
        !error && <p className="muted small">Loading the saved versions…</p>
      ) : versions.length === 0 ? (
        <p className="muted small">
          This model has no saved versions; import a model file instead.
        </p>
      ) : (
        <ul className="refused-versions" aria-labelledby={titleId}>
          {versions.map((v) => (
            <li key={v.id} data-testid="refused-version">
              <div>
                <strong>{v.label}</strong>
                {v.kind === "auto" && <span className="muted small"> (automatic)</span>}
                <div className="muted small">
                  {actorName(v.createdBy)} · {formatMoment(v.createdAt)}
                </div>
              </div>
              {confirming?.id === v.id ? (
                <fieldset className="refused-confirm">
                  <legend className="small">
                    Restore “{v.label}”? The cards and links become what they were then, for
                    everyone.
                  </legend>
                  <button
                    ref={confirmButton}
                    type="button"
                    className="danger"
                    disabled={busy}
                    onClick={() => void restore(v)}
                  >
                    Yes, restore
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    onClick={() => setConfirming(null)}
                  >
                    Cancel
                  </button>
                </fieldset>
              ) : (
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Restore “${v.label}”`}
                  onClick={() => setConfirming(v)}
                >
                  Restore
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
