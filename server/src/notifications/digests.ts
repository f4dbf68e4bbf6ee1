import {
  type DigestFrequency,
  INBOX_PATHS,
  NOTIFICATION_LIMITS,
  notificationHref,
} from "@logic-canvas/shared";
import type { Mailer } from "../accounts/mail.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import type { DigestSettingsRecord } from "../storage/notifications-types.ts";
import type { Store } from "../storage/types.ts";
import { toNotification } from "./service.ts";
import { type Sign, unsubscribeToken } from "./unsubscribe-token.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIOD_MS: Record<Exclude<DigestFrequency, "off">, number> = {
  daily: DAY_MS,
  weekly: 7 * DAY_MS,
};
/** How often the server looks for digests that are due (each process; a claim picks one). */
export const DIGEST_CHECK_MS = 15 * 60 * 1000;

export interface DigestDeps {
  store: Store;
  mailer: Mailer;
  sign: Sign;
  publicUrl: () => string;
  logger: Logger;
}

/**
 * Email digests of unread inbox items, for signed-in people who chose daily or weekly: each is
 * due a period after the last (or after the choice), claimed in the store so that one process
 * sends it, and lists the items that arrived since, each with its link, then the unsubscribe
 * link. Someone who chose `off`, or unsubscribed, is never claimed. Without SMTP nothing runs.
 */
export class DigestSender {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: DigestDeps) {}

  start(): void {
    if (!this.deps.mailer.enabled || this.timer) return;
    this.timer = setInterval(() => {
      this.runOnce(new Date()).catch((error) =>
        this.deps.logger.error("digests-failed", { error: errorText(error) }),
      );
    }, DIGEST_CHECK_MS);
    this.timer.unref();
  }

  /** Sends every digest due at `now`; resolves with the addresses mailed. */
  async runOnce(now: Date): Promise<string[]> {
    if (!this.deps.mailer.enabled) return [];
    const sent: string[] = [];
    for (const settings of await this.deps.store.notifications.digestSubscribers()) {
      if (settings.digest === "off") continue;
      const last = settings.lastDigestAt ? Date.parse(settings.lastDigestAt) : 0;
      if (now.getTime() - last < PERIOD_MS[settings.digest]) continue;
      if (await this.sendOne(settings, now)) sent.push(settings.email);
    }
    return sent;
  }

  private async sendOne(settings: DigestSettingsRecord, now: Date): Promise<boolean> {
    const { store, mailer } = this.deps;
    const items = await store.notifications.unreadSince(
      settings.personId,
      settings.lastDigestAt,
      NOTIFICATION_LIMITS.perDigest + 1,
    );
    if (
      !(await store.notifications.claimDigest(
        settings.personId,
        settings.lastDigestAt,
        now.toISOString(),
      ))
    )
      return false;
    if (items.length === 0) return false;
    const base = this.deps.publicUrl();
    const lines: string[] = [];
    for (const record of items.slice(0, NOTIFICATION_LIMITS.perDigest)) {
      const item = toNotification(record);
      if (item) lines.push(`- ${item.text}`, `  ${base}${notificationHref(item.target)}`, "");
    }
    const more = items.length - NOTIFICATION_LIMITS.perDigest;
    const unsubscribe = `${base}${INBOX_PATHS.unsubscribePage}#token=${encodeURIComponent(unsubscribeToken(this.deps.sign, settings.personId))}`;
    const count = Math.min(items.length, NOTIFICATION_LIMITS.perDigest);
    const text = [
      "Hello,",
      "",
      `Here is what is waiting for you in Logic Canvas since your last ${settings.digest} digest:`,
      "",
      ...lines,
      ...(more > 0 ? [`…and more in your inbox.`, ""] : []),
      `You get this email ${settings.digest} because you chose it in your Logic Canvas inbox.`,
      "To stop these emails, open this link (no sign-in needed):",
      unsubscribe,
    ].join("\n");
    const subject = `Logic Canvas: ${count}${more > 0 ? "+" : ""} unread ${count === 1 ? "notification" : "notifications"}`;
    return mailer.sendDigest(settings.email, subject, text, unsubscribe);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
