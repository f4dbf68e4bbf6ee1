import { randomUUID } from "node:crypto";
import {
  NOTIFICATION_LIMITS,
  type Notification,
  type NotificationKind,
  notificationSchema,
  notificationText,
} from "@logic-canvas/shared";
import { errorText, type Logger } from "../runtime/logger.ts";
import type { NotificationRecord } from "../storage/notifications-types.ts";
import type { Store } from "../storage/types.ts";
import type { InboxHub } from "./hub.ts";

/** An item before it is stored: for whom, what, where, and the key that makes it one event. */
export interface Draft {
  personId: string;
  kind: NotificationKind;
  dedupeKey: string;
  modelId: string;
  from?: { id: string; name: string };
  /** The words it is about (a comment's text, a goal's title). */
  excerpt: string;
  nodeId?: string;
  threadId?: string;
}

/** What the body column holds: the item as the inbox shows it, but for its id, kind and state. */
type Body = Pick<Notification, "text" | "target" | "from">;

/** A stored row as the API answers it; null for a row whose body no longer reads. */
export function toNotification(record: NotificationRecord): Notification | null {
  let body: Body;
  try {
    body = JSON.parse(record.body) as Body;
  } catch {
    return null;
  }
  const parsed = notificationSchema.safeParse({
    id: record.id,
    kind: record.kind,
    at: record.createdAt,
    ...(body.from ? { from: body.from } : {}),
    text: body.text,
    target: body.target,
    read: record.readAt !== null,
  });
  return parsed.success ? parsed.data : null;
}

const MINUTE_MS = 60_000;

/**
 * Turns drafts into stored items and tells the people's open streams. One writer's messages make
 * at most `perAuthorPerMinute` items a minute (counted per process): past it the rest are dropped
 * and logged, so a hostile client writing many mentions cannot flood others' inboxes.
 */
export class NotificationService {
  private readonly spent = new Map<string, { since: number; count: number }>();

  constructor(
    private readonly store: Store,
    private readonly hub: InboxHub,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** How many of `wanted` items this writer may still cause this minute (and counts them). */
  private allowance(writerId: string, wanted: number): number {
    const at = this.now().getTime();
    const spent = this.spent.get(writerId);
    const window = spent && at - spent.since < MINUTE_MS ? spent : { since: at, count: 0 };
    const allowed = Math.max(
      0,
      Math.min(wanted, NOTIFICATION_LIMITS.perAuthorPerMinute - window.count),
    );
    window.count += allowed;
    this.spent.set(writerId, window);
    if (this.spent.size > 10_000) this.forgetOld(at);
    return allowed;
  }

  private forgetOld(at: number): void {
    for (const [id, w] of this.spent) if (at - w.since >= MINUTE_MS) this.spent.delete(id);
  }

  /** Stores the drafts (within the writer's allowance) and rings the people who got one. */
  async deliver(drafts: readonly Draft[]): Promise<string[]> {
    if (drafts.length === 0) return [];
    const writer = drafts[0]?.from?.id;
    const kept = writer ? drafts.slice(0, this.allowance(writer, drafts.length)) : drafts;
    if (kept.length < drafts.length)
      this.logger.warn("notifications-dropped", {
        writer,
        dropped: drafts.length - kept.length,
      });
    const titles = new Map<string, string>();
    const records: NotificationRecord[] = [];
    const at = this.now().toISOString();
    for (const d of kept) {
      let title = titles.get(d.modelId);
      if (title === undefined) {
        title = (await this.store.getModel(d.modelId))?.title ?? "a model";
        titles.set(d.modelId, title);
      }
      const body: Body = {
        text: notificationText(d.kind, d.from?.name, d.excerpt, title),
        target: {
          modelId: d.modelId,
          modelTitle: title,
          ...(d.nodeId ? { nodeId: d.nodeId } : {}),
          ...(d.threadId ? { threadId: d.threadId } : {}),
        },
        ...(d.from ? { from: d.from } : {}),
      };
      records.push({
        id: randomUUID(),
        personId: d.personId,
        dedupeKey: d.dedupeKey,
        kind: d.kind,
        modelId: d.modelId,
        body: JSON.stringify(body),
        createdAt: at,
        readAt: null,
      });
    }
    const reached = await this.store.notifications.add(records, NOTIFICATION_LIMITS.perInbox);
    if (reached.length > 0) this.hub.changed(reached);
    return reached;
  }

  /** Delivers without failing the caller (a change already applied must not fail on its bell). */
  deliverQuietly(drafts: readonly Draft[]): void {
    this.deliver(drafts).catch((error) =>
      this.logger.error("notifications-failed", { error: errorText(error) }),
    );
  }
}
