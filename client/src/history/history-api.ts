import type { ModelDiff, ModelFile } from "@logic-canvas/shared";
import { ApiError } from "../app/api.ts";
import { personHeaders } from "../collab/review-person.ts";

/** The server's version and revision-log API (server/src/http/routes-history.ts). */

export interface Actor {
  id: string | null;
  name: string | null;
  role: string | null;
}

export interface VersionSummary {
  id: string;
  label: string;
  kind: "named" | "auto";
  createdAt: string;
  createdBy: Actor;
}

export interface ActivityEntry {
  id: string;
  at: string;
  startedAt: string;
  by: Actor;
  subject: "node" | "link" | "model";
  subjectId: string | null;
  summary: {
    added?: boolean;
    removed?: boolean;
    fields?: string[];
    title?: string;
    action?: "restore" | "replace";
    version?: { id: string; label: string };
  };
  reason: string | null;
}

export interface HistoryAccess {
  modelId: string;
  token: string;
  displayName: string;
}

async function call<T>(access: HistoryAccess, path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/models/${encodeURIComponent(access.modelId)}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${access.token}`,
        ...personHeaders(access.displayName),
        ...(init.body ? { "content-type": "application/json" } : {}),
      },
    });
  } catch {
    throw new ApiError(0, "network", "The server cannot be reached. Check your connection.");
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? "http",
      error.message ?? `The server answered ${response.status}.`,
    );
  }
  return body as T;
}

export const historyApi = {
  list: (a: HistoryAccess) =>
    call<{ versions: VersionSummary[] }>(a, "/versions").then((r) => r.versions),
  save: (a: HistoryAccess, label: string) =>
    call<VersionSummary>(a, "/versions", { method: "POST", body: JSON.stringify({ label }) }),
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

export function actorName(actor: Actor): string {
  if (!actor.name && !actor.role) return "Automatic";
  return `${actor.name ?? "Someone"}${actor.role ? ` (${actor.role})` : ""}`;
}

const FIELD_WORDS: Record<string, string> = {
  title: "title",
  notes: "notes",
  kind: "lane",
  stage: "innovation stage",
  position: "position",
  measurements: "measurements",
  "smart.indicator": "indicator",
  "smart.unit": "unit",
  "smart.cohortSize": "cohort size",
  "smart.baseline": "baseline",
  "smart.target": "target",
  source: "from",
  target: "to",
  rationale: "rationale",
  masteryGoal: "mastery goal",
  checkIns: "check-in dates",
};

export function fieldWord(field: string): string {
  return FIELD_WORDS[field] ?? field;
}

/** One revision-log entry in words. */
export function describeActivity(entry: ActivityEntry): string {
  const s = entry.summary;
  if (s.action === "restore") return `restored the version “${s.version?.label ?? "?"}”`;
  if (s.action === "replace") return "replaced the whole model (import)";
  const what =
    entry.subject === "node"
      ? `card “${s.title ?? entry.subjectId}”`
      : entry.subject === "link"
        ? "a link"
        : "the model";
  if (s.added) return `added ${what}`;
  if (s.removed) return `removed ${what}`;
  const fields = (s.fields ?? []).map(fieldWord);
  return `changed ${fields.length ? fields.join(", ") : "something"} of ${what}`;
}
