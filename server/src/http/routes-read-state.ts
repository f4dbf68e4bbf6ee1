import { type Account, READ_MARKS_MAX, readStateSchema } from "@logic-canvas/shared";
import type { FastifyRequest } from "fastify";
import type { RouteKit } from "./api.ts";
import { ApiError } from "./respond.ts";
import { modelIdOf } from "./routes.ts";

/**
 * A signed-in person's unread markers on a model (shared/src/read-state.ts), kept on the server so
 * they follow the person to every device: `GET` answers every mark, `PUT` merges marks in (each
 * thread keeps the later time) and answers the merged whole, so a device learns what another read.
 * Any role on the model may keep marks; someone without an account is told to sign in, and keeps
 * their marks in the browser.
 */
export function readStateRoutes(kit: RouteKit): void {
  const { app, deps, requireRole } = kit;
  const marks = deps.store.readMarks;
  // The account each request was found to be, by the hook that runs before its body is read.
  const accounts = new WeakMap<FastifyRequest, Account>();
  // Both checks before the body is read: the model and its link, then the account.
  const signedIn = async (request: FastifyRequest) => {
    const account = await kit.accountOf(request);
    if (!account)
      throw new ApiError(
        401,
        "sign-in-required",
        "Unread markers are kept on the server for signed-in people only; sign in, or keep them in this browser.",
      );
    accounts.set(request, account);
  };
  const accountOf = (request: FastifyRequest): Account => {
    const account = accounts.get(request);
    if (!account) throw new ApiError(401, "sign-in-required", "Sign in first.");
    return account;
  };
  const path = "/api/models/:id/read-state";
  const onRequest = [requireRole("viewer"), signedIn];

  app.get(path, { onRequest }, async (request) => ({
    threads: await marks.get(accountOf(request).id, modelIdOf(request.params)),
  }));

  app.put(path, { onRequest, schema: { body: readStateSchema } }, async (request) => {
    const account = accountOf(request);
    const id = modelIdOf(request.params);
    if (!(await marks.merge(account.id, id, request.body.threads, READ_MARKS_MAX)))
      throw new ApiError(
        400,
        "too-many-read-marks",
        `Unread markers are kept for at most ${READ_MARKS_MAX} conversations of a model, as many as a model may hold; these would pass that.`,
      );
    return { threads: await marks.get(account.id, id) };
  });
}
