import type { Hocuspocus } from "@hocuspocus/server";
import { personFromRequest } from "../identity.ts";
import type { ActivityRecorder } from "../revisions/recorder.ts";
import type { ActivityRecord, Store } from "../storage/types.ts";
import { LABEL_MAX, VersionNotFoundError, type VersionService } from "../versions/service.ts";
import { ApiError, notFound, readJsonBody, sendJson } from "./respond.ts";
import { type Authorize, fileName, type Params, type Route } from "./routes.ts";

export interface HistoryDeps {
  store: Store;
  hocuspocus: Hocuspocus;
  versions: VersionService;
  activity: ActivityRecorder;
  authorize: Authorize;
  maxBodyBytes: number;
}

const ACTIVITY_LIMIT_DEFAULT = 100;
const ACTIVITY_LIMIT_MAX = 500;

/** An entry as the API shows it (the merge key and model id stay inside). */
export function activityView(entry: ActivityRecord) {
  return {
    id: entry.id,
    at: entry.at,
    startedAt: entry.startedAt,
    by: entry.by,
    subject: entry.subject,
    subjectId: entry.subjectId,
    summary: entry.summary,
    reason: entry.reason,
  };
}

function parseLabel(body: unknown): string {
  const label = (body as { label?: unknown } | undefined)?.label;
  const extra =
    typeof body === "object" && body !== null && !Array.isArray(body)
      ? Object.keys(body).filter((k) => k !== "label")
      : [];
  if (
    typeof label !== "string" ||
    label.trim() === "" ||
    label.length > LABEL_MAX ||
    extra.length > 0
  ) {
    throw new ApiError(400, "bad-request", `Send { "label" } with 1 to ${LABEL_MAX} characters.`, [
      { path: "label", message: `must be text of 1 to ${LABEL_MAX} characters` },
    ]);
  }
  return label.trim();
}

function parseLimit(raw: string | null): number {
  if (raw === null) return ACTIVITY_LIMIT_DEFAULT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > ACTIVITY_LIMIT_MAX) {
    throw new ApiError(
      400,
      "bad-request",
      `limit must be a whole number from 1 to ${ACTIVITY_LIMIT_MAX}.`,
    );
  }
  return limit;
}

async function found<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof VersionNotFoundError) throw notFound("This model has no such version.");
    throw error;
  }
}

/** Versions (`/versions...`) and the revision log (`/activity`). */
export function historyRoutes(deps: HistoryDeps): Route[] {
  const { versions, authorize } = deps;
  const id = (params: Params) => params.id as string;
  const vid = (params: Params) => params.vid as string;

  return [
    {
      method: "GET",
      path: ["models", ":id", "versions"],
      handler: async (req, res, params) => {
        await authorize(req, id(params), "viewer");
        sendJson(res, 200, { versions: await versions.list(id(params)) });
      },
    },
    {
      method: "POST",
      path: ["models", ":id", "versions"],
      handler: async (req, res, params) => {
        const link = await authorize(req, id(params), "editor");
        const label = parseLabel(await readJsonBody(req, deps.maxBodyBytes));
        const version = await versions.saveNamed(id(params), label, {
          role: link.role,
          person: personFromRequest(req),
        });
        sendJson(res, 201, version);
      },
    },
    {
      method: "GET",
      path: ["models", ":id", "versions", ":vid"],
      handler: async (req, res, params) => {
        await authorize(req, id(params), "viewer");
        const { summary, file } = await found(versions.get(id(params), vid(params)));
        const name = `${fileName(file.title)} - ${fileName(summary.label)}`;
        sendJson(res, 200, file, {
          "Content-Disposition": `attachment; filename="${encodeURIComponent(name)}.logic-model.json"`,
        });
      },
    },
    {
      method: "GET",
      path: ["models", ":id", "versions", ":vid", "diff"],
      handler: async (req, res, params) => {
        await authorize(req, id(params), "viewer");
        sendJson(res, 200, await found(versions.diff(id(params), vid(params))));
      },
    },
    {
      method: "POST",
      path: ["models", ":id", "versions", ":vid", "restore"],
      handler: async (req, res, params) => {
        const link = await authorize(req, id(params), "editor");
        const result = await found(
          versions.restore(id(params), vid(params), {
            role: link.role,
            person: personFromRequest(req),
          }),
        );
        sendJson(res, 200, result);
      },
    },
    {
      method: "GET",
      path: ["models", ":id", "activity"],
      handler: async (req, res, params) => {
        await authorize(req, id(params), "viewer");
        const query = new URL(req.url ?? "/", "http://x").searchParams;
        const node = query.get("node");
        if (node !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(node)) {
          throw new ApiError(400, "bad-request", "node must be a card id.");
        }
        const limit = parseLimit(query.get("limit"));
        // Entries of the last second may still be in memory only.
        await deps.activity.flush();
        const entries = await deps.store.listActivity(id(params), {
          limit,
          ...(node !== null ? { subjectId: node } : {}),
        });
        sendJson(res, 200, { entries: entries.map(activityView) });
      },
    },
  ];
}
