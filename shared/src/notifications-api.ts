import { z } from "zod";
import { NAME_MAX, NOTIFICATION_LIMITS } from "./limits.ts";
import { idSchema } from "./schema.ts";

/**
 * The in-app inbox (issue 18): what reaches a person when someone mentions them, answers their
 * conversation, when a goal they own goes off track, a check-in date arrives or a proposal awaits
 * their vote; the routes that read and mark it, the live stream's event, and the email digest
 * setting. A person is their account when signed in, otherwise the browser's person (the id the
 * server derives from the browser's secret), exactly as comments name their authors.
 */

export const NOTIFICATION_KINDS = ["mention", "reply", "offTrack", "checkIn", "vote"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How often a signed-in person gets their unread items by email; `off` sends nothing. */
export const DIGEST_FREQUENCIES = ["off", "daily", "weekly"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const INBOX_PATHS = {
  /** GET: the caller's newest items and unread count. */
  inbox: "/api/inbox",
  /** POST `{ ids }`: marks those of the caller's items read. */
  read: "/api/inbox/read",
  /** POST `{}`: marks every item of the caller's read. */
  readAll: "/api/inbox/read-all",
  /** GET: server-sent events, one `inbox` event whenever the caller's inbox changes. */
  events: "/api/inbox/events",
  /** GET / PUT: the signed-in caller's digest frequency. */
  settings: "/api/inbox/settings",
  /** POST `{ token }`: stops the digest the token names (no sign-in: the token is signed). */
  unsubscribe: "/api/inbox/unsubscribe",
  /** The page a digest's link opens, `#token=…` in the fragment so it stays out of server logs. */
  unsubscribePage: "/unsubscribe",
} as const;

/** The server-sent event's name; its data is an `InboxEvent`. */
export const INBOX_EVENT = "inbox";
/** A comment line the stream sends this often, so proxies keep it open. */
export const INBOX_EVENTS_KEEPALIVE_MS = 25_000;

export interface InboxEvent {
  unread: number;
}

/** Where an item leads: the model, and the card or conversation in it when there is one. */
export const notificationTargetSchema = z.strictObject({
  modelId: idSchema,
  modelTitle: z.string().max(500),
  nodeId: idSchema.optional(),
  threadId: idSchema.optional(),
});

export const notificationSchema = z.strictObject({
  id: z.string().min(1).max(100),
  kind: z.enum(NOTIFICATION_KINDS),
  /** When it happened (ISO). */
  at: z.string(),
  /** Who caused it (the comment's author); absent for the server's own (a date arriving). */
  from: z.strictObject({ id: idSchema, name: z.string().max(NAME_MAX) }).optional(),
  /** The line the inbox shows, already in words ("Ann mentioned you: …"). */
  text: z.string().max(NOTIFICATION_LIMITS.excerpt + 300),
  target: notificationTargetSchema,
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const inboxResponseSchema = z.strictObject({
  items: z.array(notificationSchema).max(NOTIFICATION_LIMITS.perPage),
  unread: z.number().int().min(0),
});
export type InboxResponse = z.infer<typeof inboxResponseSchema>;

/** Ids are the server's; a request naming more than a page of them is refused. */
export const markReadBodySchema = z.strictObject({
  ids: z
    .array(z.string().min(1).max(100))
    .min(1, "name at least one item")
    .max(NOTIFICATION_LIMITS.perPage, `at most ${NOTIFICATION_LIMITS.perPage} items at a time`),
});
export type MarkReadBody = z.infer<typeof markReadBodySchema>;

export const markAllReadBodySchema = z.strictObject({});

export const digestSettingsSchema = z.strictObject({
  digest: z.enum(DIGEST_FREQUENCIES, "must be off, daily or weekly"),
});
export type DigestSettings = z.infer<typeof digestSettingsSchema>;

export interface DigestSettingsResponse extends DigestSettings {
  /** Whether the server can send mail at all (SMTP configured). */
  mailEnabled: boolean;
  /** The address digests go to (the account's). */
  email: string;
}

export interface UnsubscribeResponse {
  /** What happened, in words for the page. */
  message: string;
}

/** The unsubscribe page's body: the signed token from the email's link. */
export const unsubscribeBodySchema = z.strictObject({
  token: z.string().min(1).max(500),
});

/** A notification's line, the one place its words are made (inbox and digest alike). */
export function notificationText(
  kind: NotificationKind,
  who: string | undefined,
  excerpt: string,
  modelTitle: string,
): string {
  const by = who ?? "Someone";
  const cut =
    excerpt.length > NOTIFICATION_LIMITS.excerpt
      ? `${excerpt.slice(0, NOTIFICATION_LIMITS.excerpt - 1)}…`
      : excerpt;
  switch (kind) {
    case "mention":
      return `${by} mentioned you in “${modelTitle}”: ${cut}`;
    case "reply":
      return `${by} replied to your conversation in “${modelTitle}”: ${cut}`;
    case "offTrack":
      // The excerpt is the goal's words (`wentOffTrack`): "“Reading” is off track: latest 40% …".
      // With no one behind it, time alone moved the plan past the goal (`fellBehindWithTime`).
      return who
        ? `Your goal ${cut} (in “${modelTitle}”, after a change by ${who}).`
        : `Your goal ${cut} (in “${modelTitle}”).`;
    case "checkIn":
      return `Check-in today for “${modelTitle}”${cut ? `: ${cut}` : ""}.`;
    case "vote":
      return `${by} asks for your vote on a proposal in “${modelTitle}”: ${cut}`;
  }
}

/** The path in the app an item leads to (the editor opens the card or conversation named). */
export function notificationHref(target: z.infer<typeof notificationTargetSchema>): string {
  const params = new URLSearchParams();
  if (target.nodeId) params.set("card", target.nodeId);
  if (target.threadId) params.set("thread", target.threadId);
  const query = params.toString();
  return `/m/${encodeURIComponent(target.modelId)}${query ? `?${query}` : ""}`;
}
