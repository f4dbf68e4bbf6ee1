import {
  type DigestSettingsResponse,
  digestSettingsSchema,
  INBOX_PATHS,
  type InboxResponse,
  markAllReadBodySchema,
  markReadBodySchema,
  NOTIFICATION_LIMITS,
  type Notification,
  type UnsubscribeResponse,
  unsubscribeBodySchema,
} from "@logic-canvas/shared";
import type { FastifyRequest } from "fastify";
import type { Person } from "../access/identity.ts";
import { personOfAccount } from "../access/identity.ts";
import { toNotification } from "../notifications/service.ts";
import { personOfToken } from "../notifications/unsubscribe-token.ts";
import type { RouteKit } from "./api.ts";
import { ApiError } from "./respond.ts";

/**
 * A person's inbox (issue 18): read it, mark items read, mark all read, choose an email digest,
 * and unsubscribe from one by the signed link in its mail. The inbox is always the caller's own:
 * the person comes from the session cookie or the browser's secret (never from the request's
 * words), and every query is by that person's id, so nobody can read or mark another's.
 */
export function inboxRoutes(kit: RouteKit): void {
  const { app, deps } = kit;
  const store = deps.store.notifications;

  const inbox = async (person: Person): Promise<InboxResponse> => {
    const records = await store.list(person.id, NOTIFICATION_LIMITS.perPage);
    return {
      items: records.map(toNotification).filter((n): n is Notification => n !== null),
      unread: await store.unreadCount(person.id),
    };
  };

  app.get(INBOX_PATHS.inbox, async (request) => inbox(await inboxOwner(kit, request)));

  app.post(INBOX_PATHS.read, { schema: { body: markReadBodySchema } }, async (request) => {
    const person = await inboxOwner(kit, request);
    if ((await store.markRead(person.id, request.body.ids, new Date().toISOString())) > 0)
      deps.inbox.hub.changed([person.id]);
    return inbox(person);
  });

  app.post(INBOX_PATHS.readAll, { schema: { body: markAllReadBodySchema } }, async (request) => {
    const person = await inboxOwner(kit, request);
    if ((await store.markAllRead(person.id, new Date().toISOString())) > 0)
      deps.inbox.hub.changed([person.id]);
    return inbox(person);
  });

  const settingsOf = async (request: FastifyRequest): Promise<DigestSettingsResponse> => {
    const account = await signedInForDigest(kit, request);
    const settings = await store.getSettings(personOfAccount(account).id);
    return {
      digest: settings?.digest ?? "off",
      mailEnabled: deps.inbox.mailEnabled,
      email: account.email,
    };
  };

  app.get(INBOX_PATHS.settings, async (request) => settingsOf(request));

  app.put(INBOX_PATHS.settings, { schema: { body: digestSettingsSchema } }, async (request) => {
    const account = await signedInForDigest(kit, request);
    if (!deps.inbox.mailEnabled && request.body.digest !== "off")
      throw new ApiError(
        409,
        "mail-not-configured",
        "This server sends no email (SMTP is not configured), so there is no digest to choose.",
      );
    await store.setSettings(
      personOfAccount(account).id,
      account.email,
      request.body.digest,
      new Date().toISOString(),
    );
    return settingsOf(request);
  });

  app.post(
    INBOX_PATHS.unsubscribe,
    { schema: { body: unsubscribeBodySchema } },
    async (request): Promise<UnsubscribeResponse> => {
      const personId = personOfToken(deps.inbox.sign, request.body.token);
      if (!personId)
        throw new ApiError(
          400,
          "invalid-unsubscribe-link",
          "This unsubscribe link is not valid: it was changed or cut short. Nothing was changed. Open the whole link from the email, or choose “No email” in your inbox.",
        );
      const settings = await store.getSettings(personId);
      if (!settings || settings.digest === "off")
        return { message: "You were not getting digest emails; none will be sent." };
      await store.setSettings(personId, settings.email, "off", new Date().toISOString());
      return {
        message: `Unsubscribed: no more digest emails will be sent to ${settings.email}. You can choose a digest again in your inbox.`,
      };
    },
  );
}

/** The person whose inbox a request may read: its account, else the browser's person. */
export async function inboxOwner(kit: RouteKit, request: FastifyRequest): Promise<Person> {
  const person = await kit.personOf(request);
  if (!person)
    throw new ApiError(
      401,
      "no-person",
      "Your inbox is kept for a signed-in person or a browser that has given its name; sign in or open a model and give your name.",
    );
  return person;
}

async function signedInForDigest(kit: RouteKit, request: FastifyRequest) {
  const account = await kit.accountOf(request);
  if (!account)
    throw new ApiError(
      401,
      "sign-in-required",
      "Email digests go to an account's address: sign in to choose one.",
    );
  return account;
}
