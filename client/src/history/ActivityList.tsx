import "./history.css";
import { actorName, describeActivity } from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { formatMoment } from "../ui/dates.ts";
import { timeAgo } from "../ui/time-ago.ts";
import { type ActivityEntry, type HistoryAccess, historyApi } from "./history-api.ts";

/** The revision log: the model's activity feed, or one card's history (with "why revised"). */
export function ActivityList(props: {
  access: HistoryAccess;
  nodeId?: string;
  refreshKey?: number;
  title: string;
}) {
  const { access, nodeId, refreshKey } = props;
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const key = `${access.modelId}|${access.token}|${nodeId ?? ""}|${refreshKey ?? 0}|${tick}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for its parts
  useEffect(() => {
    let live = true;
    historyApi
      .activity(access, nodeId)
      .then((list) => {
        if (!live) return;
        setEntries(list);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [key]);
  return (
    <section className="activity" data-testid={nodeId ? "node-history" : "activity-feed"}>
      <div className="history-head">
        <h4>{props.title}</h4>
        <button type="button" className="link-button" onClick={() => setTick((t) => t + 1)}>
          Refresh
        </button>
      </div>
      {error && <p className="form-error">{error}</p>}
      {entries === null ? (
        !error && <p className="muted small">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted small">No changes recorded yet.</p>
      ) : (
        <ul className="activity-list">
          {entries.map((e) => (
            <li key={e.id} data-testid="activity-entry">
              <span>
                <strong>{actorName(e.by)}</strong> {describeActivity(e)}
              </span>{" "}
              <span className="muted small" title={formatMoment(e.at)}>
                {timeAgo(e.at)}
              </span>
              {e.reason && <p className="revision-reason small">Why: {e.reason}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
