import type { ActivityWordsEntry, Actor, ModelDiff, ModelFile } from "@logic-canvas/shared";
import { requestJson } from "../app/json-api.ts";
import { personHeaders } from "../collab/review-person.ts";

/** The server's version and revision-log API (server/src/http/routes-history.ts). */

export type { Actor } from "@logic-canvas/shared";

export interface VersionSummary {
  id: string;
  label: string;
  kind: "named" | "auto";
  createdAt: string;
  createdBy: Actor;
}

/** A revision-log entry as the API sends it: the part its words are made of, and when and why. */
export interface ActivityEntry extends ActivityWordsEntry {
  id: string;
  at: string;
  startedAt: string;
  by: Actor;
  reason: string | null;
}

export interface HistoryAccess {
  modelId: string;
  token: string;
  displayName: string;
}

function call<T>(
  access: HistoryAccess,
  path: string,
  request: { method?: string; body?: unknown } = {},
): Promise<T> {
  return requestJson(`/api/models/${encodeURIComponent(access.modelId)}${path}`, {
    ...request,
    headers: { authorization: `Bearer ${access.token}`, ...personHeaders(access.displayName) },
  });
}

export const historyApi = {
  list: (a: HistoryAccess) =>
    call<{ versions: VersionSummary[] }>(a, "/versions").then((r) => r.versions),
  save: (a: HistoryAccess, label: string) =>
    call<VersionSummary>(a, "/versions", { method: "POST", body: { label } }),
  file: (a: HistoryAccess, id: string) => call<ModelFile>(a, `/versions/${encodeURIComponent(id)}`),
  diff: (a: HistoryAccess, id: string) =>
    call<ModelDiff>(a, `/versions/${encodeURIComponent(id)}/diff`),
  restore: (a: HistoryAccess, id: string) =>
    call<{ restored: VersionSummary; backup: VersionSummary }>(
      a,
      `/versions/${encodeURIComponent(id)}/restore`,
      { method: "POST" },
    ),
  activity: (a: HistoryAccess, nodeId?: string) =>
    call<{ entries: ActivityEntry[] }>(
      a,
      `/activity${nodeId ? `?node=${encodeURIComponent(nodeId)}` : ""}`,
    ).then((r) => r.entries),
};
