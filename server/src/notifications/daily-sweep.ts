import type { GraphSummary } from "../http/graph-cache.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import type { Store } from "../storage/types.ts";
import { checkInDrafts } from "./check-ins.ts";
import { fellBehindDrafts } from "./fell-behind.ts";
import type { NotificationService } from "./service.ts";

/**
 * What no edit announces, asked of every model once in a while: a check-in day arriving (the
 * owners of open actions hear) and an owned goal that time alone put off track (its owner hears).
 * The day is the server's UTC day. Every process may sweep: each draft's dedupe key lets a person
 * be rung once whoever sweeps first. Models of workspaces only: a model outside one has no
 * members to own its work by account (link holders may own goals; they are not swept).
 */
export class DailySweep {
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
        this.logger.error("daily-sweep-failed", { error: errorText(error) }),
      );
    }, everyMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Rings whoever `now`'s day concerns, model by model; resolves with who got an item. */
  async runOnce(now: Date): Promise<string[]> {
    const today = now.toISOString().slice(0, 10);
    const workspaces = await this.store.workspaces.listWorkspaces();
    const models = await this.store.workspaces.listModelsIn(workspaces.map((w) => w.id));
    const reached: string[] = [];
    for (const model of models) {
      try {
        const summary = await this.graphs.read(model.id);
        const drafts = [
          ...checkInDrafts(model.id, summary, today),
          ...fellBehindDrafts(model.id, summary),
        ];
        reached.push(...(await this.service.deliver(drafts)));
      } catch (error) {
        // One unreadable model must not keep the others' owners from hearing.
        this.logger.warn("daily-sweep-failed", { model: model.id, error: errorText(error) });
      }
    }
    return reached;
  }
}
