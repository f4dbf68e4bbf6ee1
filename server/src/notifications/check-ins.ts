import type { GraphSummary } from "../http/graph-cache.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import type { Store } from "../storage/types.ts";
import type { Draft, NotificationService } from "./service.ts";

/**
 * "A check-in date arriving": on a model's check-in day, each person who owns an activity of it
 * (its action plan's owner) gets one item naming their actions, so they come to the check-in
 * with them. The day is the server's UTC day. Every process may sweep: the dedupe key (model and
 * date) lets each person be rung once whoever sweeps first.
 */
export function checkInDrafts(modelId: string, summary: GraphSummary, today: string): Draft[] {
  if (!summary.checkIns.includes(today)) return [];
  const byOwner = new Map<string, string[]>();
  for (const a of summary.activities) {
    const owner = a.plan?.owner;
    if (!owner || a.plan?.status === "done") continue;
    byOwner.set(owner.id, [...(byOwner.get(owner.id) ?? []), a.title]);
  }
  return [...byOwner].map(([personId, titles]) => ({
    personId,
    kind: "checkIn" as const,
    dedupeKey: `checkIn:${modelId}:${today}`,
    modelId,
    excerpt: `your ${titles.length === 1 ? "action" : "actions"} ${titles.map((t) => `“${t}”`).join(", ")}`,
  }));
}

/** Sweeps the models of every workspace for today's check-ins (models outside one have no owners). */
export class CheckInSweep {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly graphs: { read(modelId: string): Promise<GraphSummary> },
    private readonly service: NotificationService,
    private readonly logger: Logger,
  ) {}

  /** Sweeps every `everyMs` (within the first quarter hour of the day, at the latest). */
  start(everyMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.runOnce(new Date()).catch((error) =>
        this.logger.error("check-in-sweep-failed", { error: errorText(error) }),
      );
    }, everyMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Rings the owners of every model with a check-in on `now`'s day; resolves with who got one. */
  async runOnce(now: Date): Promise<string[]> {
    const today = now.toISOString().slice(0, 10);
    const workspaces = await this.store.workspaces.listWorkspaces();
    const models = await this.store.workspaces.listModelsIn(workspaces.map((w) => w.id));
    const reached: string[] = [];
    for (const model of models) {
      try {
        const drafts = checkInDrafts(model.id, await this.graphs.read(model.id), today);
        reached.push(...(await this.service.deliver(drafts)));
      } catch (error) {
        // One unreadable model must not keep the others' owners from hearing.
        this.logger.warn("check-in-sweep-failed", { model: model.id, error: errorText(error) });
      }
    }
    return reached;
  }
}
