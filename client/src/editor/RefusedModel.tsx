import { CLOSE_REASONS, canEditGraph, type FileError } from "@logic-canvas/shared";
import { useId, useState } from "react";
import { ImportReport } from "../exports/ImportReport.tsx";
import { importIntoModel } from "../exports/model-file.ts";
import type { HistoryAccess } from "../history/history-api.ts";
import { RestoreVersionList } from "./RestoreVersionList.tsx";
import { ROLE_LABEL } from "./roles.ts";
import "./refused.css";

interface RefusedModelProps {
  access: HistoryAccess;
  /** The link's role; undefined when the server could not say (the model did not read). */
  role: string | undefined;
  /** The server's explanation (shared/close-reasons.ts `document-unreadable`). */
  reason: string;
  /** Called once a restore or an import has replaced the stored data. */
  onRecovered: () => void | Promise<void>;
}

/**
 * Shown instead of the canvas when the server refuses to open the model's stored data: the
 * reason, and for an editor or the owner the two ways back that never load the bad data —
 * restoring a saved version and importing a model file. Others are told whom to ask.
 */
export function RefusedModel({ access, role, reason, onRecovered }: RefusedModelProps) {
  const next = CLOSE_REASONS["document-unreadable"].next;
  const said = reason.endsWith(next) ? reason.slice(0, -next.length).trim() : reason;
  const canRecover = role === undefined || canEditGraph(role);
  return (
    <main className="refused-model" aria-labelledby="refused-title" data-testid="refused-model">
      <h1 id="refused-title">This model can't be opened</h1>
      <p className="refused-reason" role="alert" data-testid="refused-reason">
        {said}
      </p>
      {canRecover ? (
        <>
          <p>
            Nothing was changed. You can bring the model back by restoring a saved version or by
            importing a model file; everyone then opens what you chose.
            {role === undefined && " Either needs an editor's or the owner's link."}
          </p>
          <RestoreVersionList access={access} onRestored={onRecovered} />
          <ImportModelFile access={access} onImported={onRecovered} />
        </>
      ) : (
        <p data-testid="refused-ask">
          Your link ({ROLE_LABEL[role] ?? role}) cannot change the model. Ask its owner or an editor
          — whoever shared this link with you — to restore a saved version or import a model file,
          then open this link again.
        </p>
      )}
      <p>
        <a href="/">Back to your models</a>
      </p>
    </main>
  );
}

function ImportModelFile({
  access,
  onImported,
}: {
  access: HistoryAccess;
  onImported: () => void | Promise<void>;
}) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FileError[]>([]);

  async function importFile(): Promise<void> {
    if (!file) return;
    setBusy(true);
    setErrors([]);
    const result = await importIntoModel(access.modelId, access.token, await file.text());
    if (result.ok) {
      await onImported();
      return;
    }
    setErrors(result.errors);
    setBusy(false);
  }

  return (
    <section className="refused-section" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Import a model file</h2>
      <p className="muted small">
        A logic-model file (.json) exported earlier replaces the cards, links and check-in dates.
        Comments stay.
      </p>
      <div className="refused-import">
        <label htmlFor={inputId}>Model file</label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          data-testid="refused-import-file"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setErrors([]);
          }}
        />
        <button type="button" disabled={!file || busy} onClick={() => void importFile()}>
          {busy ? "Importing…" : "Import this file"}
        </button>
      </div>
      {errors.length > 0 && (
        <ImportReport
          fileName={file?.name ?? "The file"}
          problems={errors}
          nothing="Nothing was changed."
        />
      )}
    </section>
  );
}
