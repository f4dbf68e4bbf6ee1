import { actorName } from "@logic-canvas/shared";
import { useEffect, useId, useRef, useState } from "react";
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

  useEffect(() => {
    historyApi
      .list(access)
      .then(setVersions)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [access]);

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
            <RefusedVersion
              key={v.id}
              version={v}
              busy={busy}
              confirming={confirming?.id === v.id}
              onConfirm={(yes) => setConfirming(yes ? v : null)}
              onRestore={() => void restore(v)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One saved version on the refused-model screen, with Restore and its confirmation. */
function RefusedVersion(props: {
  version: VersionSummary;
  busy: boolean;
  confirming: boolean;
  onConfirm: (yes: boolean) => void;
  onRestore: () => void;
}) {
  const { version: v, busy } = props;
  return (
    <li data-testid="refused-version">
      <div>
        <strong>{v.label}</strong>
        {v.kind === "auto" && <span className="muted small"> (automatic)</span>}
        <div className="muted small">
          {actorName(v.createdBy)} · {formatMoment(v.createdAt)}
        </div>
      </div>
      {props.confirming ? (
        <RestoreConfirm
          label={v.label}
          busy={busy}
          onRestore={props.onRestore}
          onCancel={() => props.onConfirm(false)}
        />
      ) : (
        <button
          type="button"
          disabled={busy}
          aria-label={`Restore “${v.label}”`}
          onClick={() => props.onConfirm(true)}
        >
          Restore
        </button>
      )}
    </li>
  );
}

/** "Restore this version?" It takes the focus, so a keyboard user lands on the button that acts. */
function RestoreConfirm(props: {
  label: string;
  busy: boolean;
  onRestore: () => void;
  onCancel: () => void;
}) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmButton.current?.focus();
  }, []);
  return (
    <fieldset className="refused-confirm">
      <legend className="small">
        Restore “{props.label}”? The cards and links become what they were then, for everyone.
      </legend>
      <button
        ref={confirmButton}
        type="button"
        className="danger"
        disabled={props.busy}
        onClick={props.onRestore}
      >
        Yes, restore
      </button>
      <button type="button" className="link-button" disabled={props.busy} onClick={props.onCancel}>
        Cancel
      </button>
    </fieldset>
  );
}
