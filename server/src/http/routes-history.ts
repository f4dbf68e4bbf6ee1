import { VERSION_LABEL_MAX } from "@logic-canvas/shared";
import { z } from "zod";
import type { ActivityRecord } from "../storage/types.ts";
import { VersionNotFoundError } from "../versions/service.ts";
import type { RouteKit } from "./api.ts";
import { notFound } from "./respond.ts";
import { attachment, fileName, modelIdOf, versionIdOf } from "./routes.ts";

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

const labelMessage = `must be text of 1 to ${VERSION_LABEL_MAX} characters`;
const newVersionBody = z.strictObject(
  {
    label: z
      .string({ error: labelMessage })
      .trim()
      .min(1, labelMessage)
      .max(VERSION_LABEL_MAX, labelMessage),
  },
  { error: `Send { "label" } with 1 to ${VERSION_LABEL_MAX} characters` },
);

const activityQuery = z.object({
  node: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a card id")
    .optional(),
  limit: z.coerce
    .number({ error: `must be a whole number from 1 to ${ACTIVITY_LIMIT_MAX}` })
    .int(`must be a whole number from 1 to ${ACTIVITY_LIMIT_MAX}`)
    .min(1, `must be a whole number from 1 to ${ACTIVITY_LIMIT_MAX}`)
    .max(ACTIVITY_LIMIT_MAX, `must be a whole number from 1 to ${ACTIVITY_LIMIT_MAX}`)
    .default(ACTIVITY_LIMIT_DEFAULT),
});

async function found<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof VersionNotFoundError) throw notFound("This model has no such version.");
    throw error;
  }
}

/** Versions (`/versions...`) and the revision log (`/activity`). */
export function historyRoutes(kit: RouteKit): void {
  const { app, deps, requireRole, accessOf, personOf } = kit;
  const { versions } = deps;
  const viewer = { onRequest: requireRole("viewer") };
  // The version id is checked before the token, as the model id is: an id not ours is a 404.
  const version = (minimum: "viewer" | "editor") => ({
    onRequest: [
      async (request: { params: unknown }) => void versionIdOf(request.params),
      requireRole(minimum),
    ],
  });

  app.get("/api/models/:id/versions", viewer, async (request) => ({
    versions: await versions.list(modelIdOf(request.params)),
  }));

  app.post(
    "/api/models/:id/versions",
    { onRequest: requireRole("editor"), schema: { body: newVersionBody } },
    async (request, reply) => {
      const access = accessOf(request);
      await deps.checkDataQuota();
      const saved = await versions.saveNamed(modelIdOf(request.params), request.body.label, {
        role: access.role,
        person: await personOf(request),
      });
      return reply.code(201).send(saved);
    },
  );

  app.get("/api/models/:id/versions/:vid", version("viewer"), async (request, reply) => {
    const { summary, file } = await found(
      versions.get(modelIdOf(request.params), versionIdOf(request.params)),
    );
    const name = `${fileName(file.title)} - ${fileName(summary.label)}`;
    return reply.header("Content-Disposition", attachment(name, ".logic-model.json")).send(file);
  });

  app.get("/api/models/:id/versions/:vid/diff", version("viewer"), async (request) =>
    found(versions.diff(modelIdOf(request.params), versionIdOf(request.params))),
  );

  app.post("/api/models/:id/versions/:vid/restore", version("editor"), async (request) => {
    const access = accessOf(request);
    return found(
      versions.restore(modelIdOf(request.params), versionIdOf(request.params), {
        role: access.role,
        person: await personOf(request),
      }),
    );
  });

  app.get(
    "/api/models/:id/activity",
    { ...viewer, schema: { querystring: activityQuery } },
    async (request) => {
      const { node, limit } = request.query;
      // Entries of the last second may still be in memory only.
      await deps.activity.flush();
      const entries = await deps.store.listActivity(modelIdOf(request.params), {
        limit,
        ...(node !== undefined ? { subjectId: node } : {}),
      });
      return { entries: entries.map(activityView) };
    },
  );
}
