import type { LogicModel, ModelDiff } from "@logic-canvas/shared";
import { useCallback, useEffect, useState } from "react";
import { useReviewContext } from "../review/review-context.ts";
import { type HistoryAccess, historyApi, type VersionSummary } from "./history-api.ts";

/** A version opened from the list: what changed since it, or the model as it was. */
export type OpenedVersion =
  | { kind: "diff"; version: VersionSummary; diff: ModelDiff }
  | { kind: "view"; version: VersionSummary; model: LogicModel };

/** Who is asking for history, from the review context; null where history is not available. */
export function useHistoryAccess(): { access: HistoryAccess | null; accessKey: string } {
  const ctx = useReviewContext();
  const access: HistoryAccess | null = ctx
    ? { modelId: ctx.modelId, token: ctx.token, displayName: ctx.displayName }
    : null;
  // The object is new on every render; its fields name it for effects and callbacks.
  const accessKey = access ? `${access.modelId}|${access.token}|${access.displayName}` : "";
  return { access, accessKey };
}

/**
 * The saved versions of the model and what a person can do with them. Each action runs one at a
 * time (`busy`), clears the last message, and reports its failure in `error` or its outcome in
 * `info`; the list reloads when the server says the versions changed.
 */
export function useVersionHistory(access: HistoryAccess | null, accessKey: string) {
  const ctx = useReviewContext();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [opened, setOpened] = useState<OpenedVersion | null>(null);
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

  async function run(work: (access: HistoryAccess) => Promise<void>) {
    if (!access) return;
    setBusy(true);
    setError(null);
    setInfo(null);
    try {
      await work(access);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const actions = {
    load,
    /** Saves the current state as a version; resolves once the list shows it. */
    save: (label: string, saved: () => void) =>
      void run(async (a) => {
        await historyApi.save(a, label);
        saved();
        setInfo(`Saved “${label}”.`);
        await load();
      }),
    view: (v: VersionSummary) =>
      void run(async (a) => {
        const file = await historyApi.file(a, v.id);
        setOpened({ kind: "view", version: v, model: file });
      }),
    diff: (v: VersionSummary) =>
      void run(async (a) => {
        setOpened({ kind: "diff", version: v, diff: await historyApi.diff(a, v.id) });
      }),
    confirm: (v: VersionSummary | null) => setConfirming(v),
    restore: (v: VersionSummary) =>
      void run(async (a) => {
        setConfirming(null);
        const result = await historyApi.restore(a, v.id);
        setInfo(
          `Restored “${result.restored.label}”. The state before was saved as “${result.backup.label}”.`,
        );
        await load();
        setActivityKey((k) => k + 1);
      }),
    close: () => setOpened(null),
  };
  return { versions, error, info, opened, confirming, busy, activityKey, actions };
}
