import "./history.css";
import type { LogicModel, ModelDiff } from "@logic-canvas/shared";
import { canEditGraph } from "@logic-canvas/shared";
import { useCallback, useEffect, useState } from "react";
import type { PanelProps } from "../editor/panels/panel-props.ts";
import { PrintView } from "../exports/PrintView.tsx";
import { useReviewContext } from "../review/review-context.ts";
import { Modal } from "../ui/Modal.tsx";
import { timeAgo } from "../ui/time-ago.ts";
import { ActivityList } from "./ActivityList.tsx";
import { actorName } from "./activity-words.ts";
import { DiffView } from "./DiffView.tsx";
import { type HistoryAccess, historyApi, type VersionSummary } from "./history-api.ts";

type Opened =
  | { kind: "diff"; version: VersionSummary; diff: ModelDiff }
  | { kind: "view"; version: VersionSummary; model: LogicModel };

/** Version history (save, list, open, what changed, restore) and the model's activity feed. */
export function HistoryPanel({ model }: PanelProps) {
  const ctx = useReviewContext();
  const access: HistoryAccess | null = ctx
    ? { modelId: ctx.modelId, token: ctx.token, displayName: ctx.displayName }
    : null;
  const accessKey = access ? `${access.modelId}|${access.token}|${access.displayName}` : "";
  const canEdit = ctx ? canEditGraph(ctx.role) : false;
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [label, setLabel] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [confirming, setConfirming] = useState<VersionSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [activityKey, setActivityKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: accessKey stands for access
  const load = useCallback(async () => {
    if (!access) return;
    try {
      setVersions(await historyApi.list(access));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [accessKey]);
  useEffect(() => void load(), [load]);
  useEffect(() => ctx?.onVersionsChanged?.(() => void load()), [ctx, load]);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setInfo(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  if (!access) return <p className="panel-empty">History is not available here.</p>;

  return (
    <div className="history-panel" data-testid="history-panel">
      {canEdit && (
        <SaveVersionForm
          label={label}
          onLabel={setLabel}
          busy={busy}
          onSave={(trimmed) =>
            void run(async () => {
              await historyApi.save(access, trimmed);
              setLabel("");
              setInfo(`Saved “${trimmed}”.`);
              await load();
            })
          }
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {info && (
        <p className="form-info" role="status">
          {info}
        </p>
      )}
      <div className="history-head">
        <h4>Versions</h4>
        <button type="button" className="link-button" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {versions === null ? (
        <p className="muted small">Loading versions…</p>
      ) : versions.length === 0 ? (
        <p className="muted small">No versions yet.</p>
      ) : (
        <ul className="version-list">
          {versions.map((v) => (
            <VersionItem
              key={v.id}
              version={v}
              busy={busy}
              canEdit={canEdit}
              confirming={confirming?.id === v.id}
              onOpen={() =>
                void run(async () => {
                  const file = await historyApi.file(access, v.id);
                  setOpened({ kind: "view", version: v, model: file });
                })
              }
              onDiff={() =>
                void run(async () => {
                  setOpened({
                    kind: "diff",
                    version: v,
                    diff: await historyApi.diff(access, v.id),
                  });
                })
              }
              onConfirm={(yes) => setConfirming(yes ? v : null)}
              onRestore={() =>
                void run(async () => {
                  setConfirming(null);
                  const result = await historyApi.restore(access, v.id);
                  setInfo(
                    `Restored “${result.restored.label}”. The state before was saved as “${result.backup.label}”.`,
                  );
                  await load();
                  setActivityKey((k) => k + 1);
                })
              }
            />
          ))}
        </ul>
      )}
      <ActivityList access={access} refreshKey={activityKey} title="Activity" />
      {opened?.kind === "diff" && (
        <Modal
          title={`What changed since “${opened.version.label}”`}
          onClose={() => setOpened(null)}
          testId="diff-dialog"
        >
          <DiffView diff={opened.diff} label={opened.version.label} model={model} />
        </Modal>
      )}
      {opened?.kind === "view" && (
        <Modal
          title={`“${opened.version.label}” (read-only)`}
          onClose={() => setOpened(null)}
          testId="version-view"
        >
          <PrintView model={opened.model} />
        </Modal>
      )}
    </div>
  );
}

/** Names the current state and saves it as a version. */
function SaveVersionForm(props: {
  label: string;
  onLabel: (label: string) => void;
  busy: boolean;
  onSave: (label: string) => void;
}) {
  const { label } = props;
  return (
    <form
      className="save-version"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = label.trim();
        if (!trimmed) return;
        props.onSave(trimmed);
      }}
    >
      <label className="field">
        <span>Save this state as a version</span>
        <input
          type="text"
          value={label}
          maxLength={120}
          placeholder="e.g. Draft shared with staff"
          onChange={(e) => props.onLabel(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </label>
      <button type="submit" disabled={props.busy || label.trim() === ""}>
        Save version
      </button>
    </form>
  );
}

/** One saved version: who saved it and when, open it, see what changed, restore it. */
function VersionItem(props: {
  version: VersionSummary;
  busy: boolean;
  canEdit: boolean;
  confirming: boolean;
  onOpen: () => void;
  onDiff: () => void;
  onConfirm: (yes: boolean) => void;
  onRestore: () => void;
}) {
  const { version: v, busy } = props;
  return (
    <li className={`version kind-${v.kind}`} data-testid="version">
      <div>
        <strong className="version-label">{v.label}</strong>
        {v.kind === "auto" && <span className="muted small"> (automatic)</span>}
      </div>
      <div className="muted small">
        {actorName(v.createdBy)} · {timeAgo(v.createdAt)} · {new Date(v.createdAt).toLocaleString()}
      </div>
      <div className="version-actions">
        <button type="button" className="secondary" disabled={busy} onClick={props.onOpen}>
          Open
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={props.onDiff}>
          What changed
        </button>
        {props.canEdit && (
          <button type="button" disabled={busy} onClick={() => props.onConfirm(true)}>
            Restore
          </button>
        )}
      </div>
      {props.confirming && (
        <Modal title={`Restore “${v.label}”?`} onClose={() => props.onConfirm(false)}>
          <p>
            The cards and links become what they were then, for everyone connected. Comments stay.
            The current state is saved first, so this can be undone by restoring it.
          </p>
          <div className="modal-actions">
            <button type="button" className="link-button" onClick={() => props.onConfirm(false)}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={props.onRestore}>
              Yes, restore
            </button>
          </div>
        </Modal>
      )}
    </li>
  );
}
