import type { IncomingMessage, ServerResponse } from "node:http";
import type { Hocuspocus } from "@hocuspocus/server";
import {
  blankModel,
  coachingTemplate,
  type LogicModel,
  type ModelFile,
  type ModelFileExtensions,
  modelToCsv,
  parseModelFile,
  TITLE_MAX,
  validateModel,
} from "@logic-canvas/shared";
import type { Limits } from "../config.ts";
import { personFromRequest } from "../identity.ts";
import { readModelFile } from "../model-files.ts";
import type { ModelService } from "../models.ts";
import type { ActivityRecorder } from "../revisions/recorder.ts";
import type { LinkRecord, Role, Store } from "../storage/types.ts";
import { isModelId, LINK_ID_PATTERN } from "../tokens.ts";
import { HISTORY_ID_PATTERN } from "../versions/ids.ts";
import type { VersionService } from "../versions/service.ts";
import { ApiError, notFound, readJsonBody, sendJson } from "./respond.ts";
import { authorizer, fileName, type Params, type Route } from "./routes.ts";
import { historyRoutes } from "./routes-history.ts";

const ROLES: readonly Role[] = ["viewer", "commenter", "editor", "owner"];

export interface ApiDeps {
  store: Store;
  hocuspocus: Hocuspocus;
  models: ModelService;
  versions: VersionService;
  activity: ActivityRecorder;
  limits: Limits;
  /** Base of share links, e.g. http://127.0.0.1:8787. */
  publicUrl: () => string;
  health: () => Record<string, unknown>;
}

export function shareLink(base: string, modelId: string, token: string): string {
  // The token lives in the fragment, which browsers never send to the server or its logs.
  return `${base}/m/${modelId}#token=${token}`;
}

/** `/api/...` routes. Path segments are matched raw: an id that is not one of ours is a 404. */
export function apiRoutes(deps: ApiDeps) {
  const { store, models, limits } = deps;

  const authorize = authorizer(store);
  const id = (params: Params) => params.id as string;

  function parseFile(body: unknown): { model: LogicModel; file: ModelFile } {
    if (body === undefined)
      throw new ApiError(400, "bad-request", "Send a logic-model file as the JSON body.");
    const parsed = parseModelFile(body);
    if (!parsed.ok) {
      throw new ApiError(400, "invalid-model-file", "The model file is not valid.", parsed.errors);
    }
    return { model: parsed.model, file: parsed.file };
  }

  /** A created model and, from a file, its check-in dates, comments and votes. */
  function modelFromCreateBody(body: unknown): {
    model: LogicModel;
    extras?: ModelFileExtensions;
  } {
    if (body === undefined) return { model: blankModel() };
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new ApiError(
        400,
        "bad-request",
        'Send nothing, { title }, { template: "coaching" } or a logic-model file.',
      );
    }
    const record = body as Record<string, unknown>;
    if ("format" in record || "nodes" in record) {
      const { model, file } = parseFile(body);
      return { model, extras: { checkIns: file.checkIns, review: file.review } };
    }
    const unknown = Object.keys(record).filter((k) => k !== "title" && k !== "template");
    if (unknown.length) {
      throw new ApiError(
        400,
        "bad-request",
        `Unknown field ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(", ")}.`,
      );
    }
    const title = record.title;
    if (
      title !== undefined &&
      (typeof title !== "string" || title.trim() === "" || title.length > TITLE_MAX)
    ) {
      throw new ApiError(
        400,
        "bad-request",
        `title must be text of 1 to ${TITLE_MAX} characters.`,
        [{ path: "title", message: `must be text of 1 to ${TITLE_MAX} characters` }],
      );
    }
    if (record.template !== undefined && record.template !== "coaching") {
      throw new ApiError(400, "bad-request", 'template must be "coaching".', [
        { path: "template", message: 'must be "coaching"' },
      ]);
    }
    if (record.template === "coaching") {
      const model = coachingTemplate();
      return { model: typeof title === "string" ? { ...model, title: title.trim() } : model };
    }
    return { model: blankModel(typeof title === "string" ? title.trim() : undefined) };
  }

  const linkView = (link: LinkRecord) => ({
    id: link.id,
    role: link.role,
    createdAt: link.createdAt,
    revoked: link.revokedAt !== null,
    revokedAt: link.revokedAt,
  });

  const routes: Route[] = [
    {
      method: "GET",
      path: ["health"],
      handler: async (_req, res) => {
        await store.health();
        sendJson(res, 200, { status: "ok", ...deps.health() });
      },
    },
    {
      method: "POST",
      path: ["models"],
      handler: async (req, res) => {
        const { model, extras } = modelFromCreateBody(await readJsonBody(req, limits.maxBodyBytes));
        const created = await models.create(model, extras);
        const base = deps.publicUrl();
        const links = Object.fromEntries(
          ROLES.map((role) => [role, shareLink(base, created.id, created.tokens[role])]),
        );
        sendJson(res, 201, { id: created.id, title: created.title, links });
      },
    },
    {
      method: "GET",
      path: ["models", ":id"],
      handler: async (req, res, params) => {
        const link = await authorize(req, id(params), "viewer");
        const graph = await models.readGraph(id(params));
        sendJson(res, 200, {
          id: id(params),
          title: graph.model.title,
          role: link.role,
          updatedAt: graph.updatedAt,
          nodeCount: graph.nodeCount,
          edgeCount: graph.edgeCount,
        });
      },
    },
    {
      method: "DELETE",
      path: ["models", ":id"],
      handler: async (req, res, params) => {
        await authorize(req, id(params), "owner");
        await models.delete(id(params));
        deps.activity.forgetModel(id(params));
        res.writeHead(204).end();
      },
    },
    {
      method: "GET",
      path: ["models", ":id", "export"],
      handler: async (req, res, params) => {
        await authorize(req, id(params), "viewer");
        const format = new URL(req.url ?? "/", "http://x").searchParams.get("format");
        if (format === "csv") {
          const { model } = await models.readGraph(id(params));
          const name = fileName(model.title);
          const csv = modelToCsv(model);
          res.writeHead(200, {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": `attachment; filename="${encodeURIComponent(name)}.csv"`,
          });
          res.end(csv);
          return;
        }
        if (format !== null && format !== "json") {
          throw new ApiError(400, "bad-request", 'format must be "json" or "csv".');
        }
        // The whole model: graph, check-in dates, comments and votes.
        const file = await readModelFile(store, deps.hocuspocus, id(params));
        const name = fileName(file.title);
        sendJson(res, 200, file, {
          "Content-Disposition": `attachment; filename="${encodeURIComponent(name)}.logic-model.json"`,
        });
      },
    },
    {
      method: "GET",
      path: ["models", ":id", "validation"],
      handler: async (req, res, params) => {
        await authorize(req, id(params), "viewer");
        const { model } = await models.readGraph(id(params));
        const { errors, warnings } = validateModel(model);
        sendJson(res, 200, { errors, warnings });
      },
    },
    {
      method: "PUT",
      path: ["models", ":id", "content"],
      handler: async (req, res, params) => {
        const link = await authorize(req, id(params), "editor");
        const { model, file } = parseFile(await readJsonBody(req, limits.maxBodyBytes));
        // Comments are never replaced; check-in dates are, when the file carries them.
        await models.replaceContent(
          id(params),
          model,
          { role: link.role, person: personFromRequest(req) },
          file.checkIns,
        );
        const graph = await models.readGraph(id(params));
        sendJson(res, 200, {
          id: id(params),
          title: graph.model.title,
          updatedAt: graph.updatedAt,
          nodeCount: graph.nodeCount,
          edgeCount: graph.edgeCount,
        });
      },
    },
    {
      method: "GET",
      path: ["models", ":id", "links"],
      handler: async (req, res, params) => {
        await authorize(req, id(params), "owner");
        const links = await store.listLinks(id(params));
        sendJson(res, 200, { links: links.map(linkView) });
      },
    },
    {
      method: "POST",
      path: ["models", ":id", "links"],
      handler: async (req, res, params) => {
        await authorize(req, id(params), "owner");
        const body = await readJsonBody(req, limits.maxBodyBytes);
        const role = (body as { role?: unknown } | undefined)?.role;
        if (typeof role !== "string" || !(ROLES as readonly string[]).includes(role)) {
          throw new ApiError(400, "bad-request", `role must be one of ${ROLES.join(", ")}.`, [
            { path: "role", message: `must be one of ${ROLES.join(", ")}` },
          ]);
        }
        const { link, token } = await models.createLink(id(params), role as Role);
        sendJson(res, 201, {
          ...linkView(link),
          url: shareLink(deps.publicUrl(), id(params), token),
        });
      },
    },
    {
      method: "DELETE",
      path: ["models", ":id", "links", ":linkId"],
      handler: async (req, res, params) => {
        await authorize(req, id(params), "owner");
        const links = await store.listLinks(id(params));
        const target = links.find((l) => l.id === params.linkId);
        if (!target) throw notFound("This model has no such link.");
        const activeOwners = links.filter((l) => l.role === "owner" && !l.revokedAt);
        if (target.role === "owner" && !target.revokedAt && activeOwners.length === 1) {
          throw new ApiError(
            409,
            "last-owner-link",
            "This is the model's last owner link; create another owner link before revoking it.",
          );
        }
        const revoked = await models.revokeLink(id(params), target.id);
        sendJson(res, 200, linkView(revoked ?? target));
      },
    },
  ];

  routes.push(
    ...historyRoutes({
      store,
      hocuspocus: deps.hocuspocus,
      versions: deps.versions,
      activity: deps.activity,
      authorize,
      maxBodyBytes: limits.maxBodyBytes,
    }),
  );

  /** Returns false when no route has this path (the caller answers 404). */
  return async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    segments: string[],
  ): Promise<void> {
    let pathMatched = false;
    for (const route of routes) {
      if (route.path.length !== segments.length) continue;
      const params: Params = {};
      let ok = true;
      for (let i = 0; i < route.path.length; i += 1) {
        const pattern = route.path[i] as string;
        const segment = segments[i] as string;
        if (pattern === ":id") {
          if (!isModelId(segment)) throw notFound();
          params.id = segment;
        } else if (pattern === ":vid") {
          if (!HISTORY_ID_PATTERN.test(segment)) throw notFound("This model has no such version.");
          params.vid = segment;
        } else if (pattern === ":linkId") {
          if (!LINK_ID_PATTERN.test(segment)) throw notFound("This model has no such link.");
          params.linkId = segment;
        } else if (pattern !== segment) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      pathMatched = true;
      if (route.method !== request.method) continue;
      await route.handler(request, response, params);
      return;
    }
    if (pathMatched)
      throw new ApiError(405, "method-not-allowed", `${request.method} is not allowed here.`);
    throw new ApiError(404, "not-found", "There is no such API route.");
  };
}
