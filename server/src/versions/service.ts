import type { Hocuspocus } from "@hocuspocus/server";
import type { Role } from "@logic-canvas/shared";
import {
  diffModels,
  encodeServerMessage,
  type ModelDiff,
  type ModelFile,
  parseModelFile,
  readCheckIns,
  readModel,
  toModelFile,
  VERSION_LABEL_MAX,
  VERSIONS_CHANGED,
} from "@logic-canvas/shared";
import type { Person } from "../access/identity.ts";
import { graphDocName } from "../documents/doc-names.ts";
import { readDocument, readModelFile } from "../models/model-files.ts";
import { type ModelService, ModelUnavailableError } from "../models/models.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import type { Actor, Store, VersionKind, VersionSummary } from "../storage/types.ts";
import { newVersionId } from "./ids.ts";

export const AUTO_LABEL = "Automatic save";

export class VersionNotFoundError extends Error {}

/** Who asks for a version operation. */
export interface Requester {
  role: Role;
  person: Person | null;
}

const actorOf = (by: Requester): Actor => ({
  id: by.person?.id ?? null,
  name: by.person?.name ?? null,
  role: by.role,
});

interface Quiet {
  lastChange: number;
  timer: NodeJS.Timeout;
}

/**
 * Version history. A version is a whole model file (graph, check-ins, comments and votes), so it
 * can be opened, diffed and exported however the document's layout changes later. Restoring
 * rewrites the graph only: comments are never rolled back. Automatic versions are saved when a
 * model changed and then stayed quiet for `quietMs`; at most `keep` of them are kept per model.
 */
export class VersionService {
  private readonly quiet = new Map<string, Quiet>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly hocuspocus: Hocuspocus,
    private readonly models: ModelService,
    private readonly logger: Logger,
    private readonly options: {
      quietMs: number;
      keep: number;
      /**
       * Whether this process saves the model's automatic version now; with several processes
       * serving one model, only the one that claims it (scale/cluster.ts). Alone, always.
       */
      claimAutoVersion?: (modelId: string) => Promise<boolean>;
    },
  ) {}

  async save(
    modelId: string,
    input: { label: string; kind: VersionKind; by: Actor },
    given?: ModelFile,
  ): Promise<VersionSummary> {
    const file = given ?? (await readModelFile(this.store, this.hocuspocus, modelId));
    const summary: VersionSummary = {
      id: newVersionId(),
      modelId,
      label: input.label.slice(0, VERSION_LABEL_MAX),
      kind: input.kind,
      createdAt: new Date().toISOString(),
      createdBy: input.by,
    };
    await this.store.createVersion({ ...summary, file: JSON.stringify(file) });
    if (input.kind === "auto")
      await this.store.pruneVersions(modelId, "auto", Math.max(1, this.options.keep));
    // What was saved needs no automatic copy of its own.
    this.forgetQuiet(modelId);
    // Open History panels list it at once (on every process: Redis relays stateless messages).
    this.hocuspocus.documents
      .get(graphDocName(modelId))
      ?.broadcastStateless(encodeServerMessage({ type: VERSIONS_CHANGED }));
    return summary;
  }

  saveNamed(modelId: string, label: string, by: Requester): Promise<VersionSummary> {
    return this.save(modelId, { label, kind: "named", by: actorOf(by) });
  }

  list(modelId: string): Promise<VersionSummary[]> {
    return this.store.listVersions(modelId);
  }

  /** The version's model file, brought up to the current file format. */
  async get(
    modelId: string,
    versionId: string,
  ): Promise<{ summary: VersionSummary; file: ModelFile }> {
    const record = await this.store.getVersion(modelId, versionId);
    if (!record) throw new VersionNotFoundError(versionId);
    const parsed = parseModelFile(record.file, { backwardLinks: "keep" });
    if (!parsed.ok) {
      throw new Error(
        `version ${versionId} holds an unreadable file: ${parsed.errors[0]?.message}`,
      );
    }
    const { file: _, ...summary } = record;
    return { summary, file: parsed.file };
  }

  /** What changed from the version to the model as it is now. */
  async diff(modelId: string, versionId: string): Promise<ModelDiff> {
    const { file } = await this.get(modelId, versionId);
    const now = await readDocument(this.store, this.hocuspocus, graphDocName(modelId), readModel);
    const { title, masteryGoal, nodes, edges } = file;
    return diffModels({ title, masteryGoal, nodes, edges }, now);
  }

  /**
   * Makes the graph what it was in the version, as one forward change every connected client sees
   * live. The state before is saved first as an automatic version, so restoring that undoes this.
   */
  async restore(
    modelId: string,
    versionId: string,
    by: Requester,
  ): Promise<{ restored: VersionSummary; backup: VersionSummary | null }> {
    const { summary, file } = await this.get(modelId, versionId);
    const backup = await this.saveBackup(modelId, summary.label, by);
    const { title, masteryGoal, nodes, edges } = file;
    await this.models.replaceContent(
      modelId,
      { title, masteryGoal, nodes, edges },
      {
        source: "restore",
        role: by.role,
        person: by.person,
        version: { id: summary.id, label: summary.label },
      },
      file.checkIns ?? [],
      // Comments are not rolled back; only a review document that cannot be read takes these.
      file.review,
    );
    this.forgetQuiet(modelId);
    return { restored: summary, backup };
  }

  /**
   * The state before a restore, as an automatic version. When the comments cannot be read, the
   * graph is kept without them; when the graph cannot be read either (a corrupt log), there is
   * no state to keep: the restore is how it is recovered, so it goes ahead without a backup.
   */
  private async saveBackup(
    modelId: string,
    label: string,
    by: Requester,
  ): Promise<VersionSummary | null> {
    const input = { label: `Before restoring “${label}”`, kind: "auto" as const, by: actorOf(by) };
    try {
      return await this.save(modelId, input);
    } catch (error) {
      if (!(error instanceof ModelUnavailableError)) throw error;
      this.logger.warn("restore-backup-partial", { model: modelId, error: errorText(error) });
    }
    try {
      const graph = await readDocument(
        this.store,
        this.hocuspocus,
        graphDocName(modelId),
        (doc) => ({
          model: readModel(doc),
          checkIns: readCheckIns(doc),
        }),
      );
      return await this.save(
        modelId,
        input,
        toModelFile(graph.model, { checkIns: graph.checkIns }),
      );
    } catch (error) {
      if (!(error instanceof ModelUnavailableError)) throw error;
      this.logger.warn("restore-without-backup", { model: modelId, error: errorText(error) });
      return null;
    }
  }

  /** A change to the model's graph: (re)starts its quiet period. Called on every accepted update. */
  changed(modelId: string): void {
    if (this.closed) return;
    const now = Date.now();
    const quiet = this.quiet.get(modelId);
    if (quiet) {
      quiet.lastChange = now;
      return;
    }
    const timer = setTimeout(() => this.quietElapsed(modelId), this.options.quietMs);
    timer.unref();
    this.quiet.set(modelId, { lastChange: now, timer });
  }

  private quietElapsed(modelId: string): void {
    const quiet = this.quiet.get(modelId);
    if (!quiet) return;
    // Re-arming once per quiet period is cheaper than resetting a timer on every keystroke.
    const remaining = quiet.lastChange + this.options.quietMs - Date.now();
    if (remaining > 0) {
      quiet.timer = setTimeout(() => this.quietElapsed(modelId), remaining);
      quiet.timer.unref();
      return;
    }
    this.quiet.delete(modelId);
    void this.saveAuto(modelId);
  }

  private async saveAuto(modelId: string): Promise<void> {
    try {
      if (!(await this.store.getModel(modelId))) return;
      if (this.options.claimAutoVersion && !(await this.options.claimAutoVersion(modelId))) {
        this.logger.debug("auto-version-elsewhere", { model: modelId });
        return;
      }
      const version = await this.save(modelId, {
        label: AUTO_LABEL,
        kind: "auto",
        by: { id: null, name: null, role: null },
      });
      this.logger.debug("auto-version", { model: modelId, version: version.id });
    } catch (error) {
      this.logger.error("auto-version-failed", { model: modelId, error: errorText(error) });
    }
  }

  private forgetQuiet(modelId: string): void {
    const quiet = this.quiet.get(modelId);
    if (quiet) clearTimeout(quiet.timer);
    this.quiet.delete(modelId);
  }

  /** On shutdown: models still in their quiet period get their automatic version now. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = [...this.quiet.keys()];
    for (const modelId of pending) this.forgetQuiet(modelId);
    await Promise.all(pending.map((modelId) => this.saveAuto(modelId)));
  }
}
