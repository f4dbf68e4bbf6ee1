import "./history.css";
import { canEditGraph } from "@logic-canvas/shared";
import { useState } from "react";
import { CafeHistory } from "../cafe/CafeHistory.tsx";
import type { PanelProps } from "../editor/panels/panel-props.ts";
import { useReviewContext } from "../review/review-context.ts";
import { ActivityList } from "./ActivityList.tsx";
import type { VersionSummary } from "./history-api.ts";
import { OpenedVersionDialog } from "./OpenedVersionDialog.tsx";
import { SaveVersionForm } from "./SaveVersionForm.tsx";
import { useHistoryAccess, useVersionHistory } from "./use-version-history.ts";
import { VersionItem } from "./VersionItem.tsx";

/** Version history (save, list, open, what changed, restore) and the model's activity feed. */
export function HistoryPanel({ model }: PanelProps) {
  const ctx = useReviewContext();
  const { access, accessKey } = useHistoryAccess();
  const canEdit = ctx ? canEditGraph(ctx.role) : false;
  const history = useVersionHistory(access, accessKey);
  const { actions, busy } = history;
  const [label, setLabel] = useState("");

  if (!access) return <p className="panel-empty">History is not available here.</p>;

  return (
    <div className="history-panel" data-testid="history-panel">
      {canEdit && (
        <SaveVersionForm
          label={label}
          onLabel={setLabel}
          busy={busy}
          onSave={(trimmed) => actions.save(trimmed, () => setLabel(""))}
        />
      )}
      {history.error && (
        <p className="form-error" role="alert">
          {history.error}
        </p>
      )}
      {history.info && (
        <p className="form-info" role="status">
          {history.info}
        </p>
      )}
      <div className="history-head">
        <h4>Versions</h4>
        <button type="button" className="link-button" onClick={() => void actions.load()}>
          Refresh
        </button>
      </div>
      <VersionList
        versions={history.versions}
        busy={busy}
        canEdit={canEdit}
        confirming={history.confirming}
        actions={actions}
      />
      <CafeHistory />
      <ActivityList access={access} refreshKey={history.activityKey} title="Activity" />
      {history.opened && (
        <OpenedVersionDialog opened={history.opened} model={model} onClose={actions.close} />
      )}
    </div>
  );
}

/** The saved versions, newest first, or why there are none to show. */
function VersionList(props: {
  versions: VersionSummary[] | null;
  busy: boolean;
  canEdit: boolean;
  confirming: VersionSummary | null;
  actions: ReturnType<typeof useVersionHistory>["actions"];
}) {
  const { versions, actions } = props;
  if (versions === null) return <p className="muted small">Loading versions…</p>;
  if (versions.length === 0) return <p className="muted small">No versions yet.</p>;
  return (
    <ul className="version-list">
      {versions.map((v) => (
        <VersionItem
          key={v.id}
          version={v}
          busy={props.busy}
          canEdit={props.canEdit}
          confirming={props.confirming?.id === v.id}
          onOpen={() => actions.view(v)}
          onDiff={() => actions.diff(v)}
          onConfirm={(yes) => actions.confirm(yes ? v : null)}
          onRestore={() => actions.restore(v)}
        />
      ))}
    </ul>
  );
}
