import type { Hocuspocus } from "@hocuspocus/server";
import {
  type Alignment,
  type GoalStatusName,
  isGoalKind,
  type LogicNode,
  modelProgressSummary,
  readCheckIns,
  readModel,
  todayIso,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import { graphDocName } from "../documents/doc-names.ts";
import { applyStored } from "../documents/persistence.ts";
import type { Store } from "../storage/types.ts";

/**
 * What the cascade reads of one model: its goals with their status, latest measurement and
 * alignments, and its next check-in. Kept per model until the model changes (the hub says so,
 * on any process) or for `MAX_AGE_MS` at most, so a district's map reads 500 models from memory
 * rather than decoding 500 documents per request.
 */

export interface GoalDigest {
  /** The card as the arithmetic reads it: the latest measurement is the only one kept. */
  node: Pick<LogicNode, "id" | "kind" | "title" | "smart" | "measurements">;
  kind: LogicNode["kind"];
  status: GoalStatusName;
  statusToday: GoalStatusName;
  stale: boolean;
  latest: { date: string; value: number } | null;
  alignsTo: Alignment[];
  /** The card's lane order in the model (lane, then top to bottom). */
  order: number;
}

export interface ModelDigest {
  modelId: string;
  title: string;
  goals: GoalDigest[];
  byId: Map<string, GoalDigest>;
  nextCheckIn: string | null;
  today: string;
}

/**
 * A safety net for a change message that never arrived (Redis pub/sub may drop one): an entry
 * older than this is answered once more and read again behind the answer.
 */
const MAX_AGE_MS = 60_000;
/** Changed models are read again this long after the change, so the next page finds them warm. */
const REFRESH_AFTER_MS = 1_000;
const MAX_ENTRIES = 20_000;
/** Documents decoded at once on a cold read: enough to overlap storage, few enough to share. */
const CONCURRENCY = 8;

export function digestOf(modelId: string, doc: Y.Doc, today: string): ModelDigest {
  const model = readModel(doc);
  const checkIns = readCheckIns(doc);
  const summary = modelProgressSummary(model, { today, checkIns });
  const statusById = new Map(summary.goals.map((g) => [g.nodeId, g]));
  const goals: GoalDigest[] = [];
  model.nodes.forEach((node, order) => {
    if (!isGoalKind(node.kind)) return;
    const progress = statusById.get(node.id);
    const latest = progress?.latest
      ? { date: progress.latest.date, value: progress.latest.value }
      : null;
    goals.push({
      node: {
        id: node.id,
        kind: node.kind,
        title: node.title,
        smart: node.smart,
        measurements: latest ? [latest] : [],
      },
      kind: node.kind,
      status: progress?.status ?? "not-measured",
      statusToday: progress?.statusToday ?? "not-measured",
      stale: progress?.stale ?? false,
      latest,
      alignsTo: node.alignsTo ?? [],
      order,
    });
  });
  return {
    modelId,
    title: model.title,
    goals,
    byId: new Map(goals.map((g) => [g.node.id, g])),
    nextCheckIn: summary.nextCheckIn ?? null,
    today,
  };
}

export class GoalIndex {
  private readonly entries = new Map<string, { digest: ModelDigest; at: number }>();
  private readonly pending = new Map<string, Promise<ModelDigest | null>>();
  /** Bumped per model on every change, so a read that began before it is not cached after. */
  private readonly generations = new Map<string, number>();
  private readonly toRefresh = new Set<string>();
  private refreshTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly hocuspocus: Hocuspocus,
  ) {}

  invalidate(modelIds: readonly string[]): void {
    for (const id of modelIds) {
      // Already dropped and waiting for its refresh, with no read begun since (a read in flight
      // sits in `pending`): a burst of edits costs one look-up each, not a new generation.
      if (this.toRefresh.has(id) && !this.entries.has(id) && !this.pending.has(id)) continue;
      this.entries.delete(id);
      this.pending.delete(id);
      this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
      this.toRefresh.add(id);
    }
    // Incremental: what changed is read again in the background, a burst of edits once, so a
    // roll-up after a measurement does not pay for it (nor, after an import, for 500 models).
    if (this.refreshTimer || this.closed) return;
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_AFTER_MS);
    this.refreshTimer.unref();
  }

  private async refresh(): Promise<void> {
    this.refreshTimer = null;
    const ids = [...this.toRefresh];
    this.toRefresh.clear();
    // Only models of the cascade (in a workspace) are worth keeping warm.
    const wanted: string[] = [];
    for (const id of ids) {
      if (this.closed) return;
      const record = await this.store.getModel(id).catch(() => undefined);
      if (record?.workspaceId && !this.entries.has(id)) wanted.push(id);
    }
    await this.digests(wanted).catch(() => undefined);
  }

  /**
   * Reads every model of every workspace, a few at a time, in the background after the server
   * starts listening: the first roll-up or map after a restart then answers from memory.
   */
  async warm(): Promise<number> {
    const workspaces = await this.store.workspaces.listWorkspaces();
    const models = await this.store.workspaces.listModelsIn(workspaces.map((w) => w.id));
    const ids = models.map((m) => m.id).slice(0, MAX_ENTRIES);
    for (let i = 0; i < ids.length && !this.closed; i += 50)
      await this.digests(ids.slice(i, i + 50));
    return ids.length;
  }

  close(): void {
    this.closed = true;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.toRefresh.clear();
  }

  /** The digest of a model; null when it has no readable graph (deleted, or unreadable). */
  async digest(modelId: string): Promise<ModelDigest | null> {
    const today = todayIso();
    const cached = this.entries.get(modelId);
    if (cached && cached.digest.today === today) {
      // Past its age it is answered still, and read again behind the answer.
      if (Date.now() - cached.at >= MAX_AGE_MS && !this.pending.has(modelId))
        void this.load(modelId, today);
      return cached.digest;
    }
    return this.pending.get(modelId) ?? this.load(modelId, today);
  }

  private load(modelId: string, today: string): Promise<ModelDigest | null> {
    const generation = this.generations.get(modelId) ?? 0;
    const work = this.read(modelId, today).then((digest) => {
      if (this.pending.get(modelId) === work) this.pending.delete(modelId);
      if (digest && (this.generations.get(modelId) ?? 0) === generation) {
        this.entries.set(modelId, { digest, at: Date.now() });
        if (this.entries.size > MAX_ENTRIES) {
          const oldest = this.entries.keys().next().value;
          if (oldest !== undefined) this.entries.delete(oldest);
        }
      }
      return digest;
    });
    this.pending.set(modelId, work);
    return work;
  }

  /** Digests of many models, a few documents at a time; models without one are left out. */
  async digests(modelIds: readonly string[]): Promise<Map<string, ModelDigest>> {
    const out = new Map<string, ModelDigest>();
    let next = 0;
    const worker = async () => {
      while (next < modelIds.length) {
        const id = modelIds[next++] as string;
        const digest = await this.digest(id);
        if (digest) out.set(id, digest);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, modelIds.length) }, worker));
    return out;
  }

  private async read(modelId: string, today: string): Promise<ModelDigest | null> {
    const name = graphDocName(modelId);
    const live = this.hocuspocus.documents.get(name);
    if (live && !live.isLoading) return digestOf(modelId, live, today);
    const stored = await this.store.loadDocument(name).catch(() => undefined);
    if (!stored) return null;
    const doc = new Y.Doc();
    try {
      applyStored(doc, stored);
      return digestOf(modelId, doc, today);
    } catch {
      return null;
    } finally {
      doc.destroy();
    }
  }
}
