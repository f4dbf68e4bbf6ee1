import { Hocuspocus } from "@hocuspocus/server";
import { type AlignmentCheck, alignmentChecker } from "../cascade/alignment-gate.ts";
import { cascadeChanges } from "../cascade/extension.ts";
import { GoalIndex } from "../cascade/goal-index.ts";
import { CascadeHub } from "../cascade/hub.ts";
import { ProgressCache } from "../cascade/progress-cache.ts";
import { DocumentPersistence } from "../documents/persistence.ts";
import { authExtension } from "../extensions/auth.ts";
import { awarenessStamp } from "../extensions/awareness-stamp.ts";
import { ConnectionAdmission, limitsExtension } from "../extensions/limits.ts";
import { loggingExtension } from "../extensions/logging.ts";
import { persistenceExtension } from "../extensions/persistence.ts";
import { writeGate } from "../extensions/write-gate.ts";
import { ModelService } from "../models/models.ts";
import { inboxNotifications } from "../notifications/extension.ts";
import { InboxHub } from "../notifications/hub.ts";
import { NotificationService } from "../notifications/service.ts";
import { revisionLog } from "../revisions/extension.ts";
import { ActivityRecorder } from "../revisions/recorder.ts";
import type { ServerConfig } from "../runtime/config.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import { autoVersions } from "../versions/extension.ts";
import { VersionService } from "../versions/service.ts";
import { createSlotCounter } from "../ws/shared-slots.ts";
import { SocketGuard } from "../ws/socket-guard.ts";
import type { Storage } from "./storage.ts";

/** Hocuspocus with its extensions, and the services that work on its live documents. */
export interface LiveDocuments {
  hocuspocus: Hocuspocus;
  persistence: DocumentPersistence;
  activity: ActivityRecorder;
  models: ModelService;
  versions: VersionService;
  /** The unauthenticated-socket guard the WebSocket endpoints share with admission. */
  guard: SocketGuard;
  /**
   * The goals cascade: change notices (hub), and what they invalidate: the per-model goal
   * digests and the workspaces' progress rows.
   */
  cascade: { hub: CascadeHub; goals: GoalIndex; progress: ProgressCache };
  /** The inbox: who hears a person's inbox changed (hub), and the items made (service). */
  inbox: { hub: InboxHub; service: NotificationService };
  /** Connection slots (shared through Redis when there is one); closed on shutdown. */
  slots: ReturnType<typeof createSlotCounter>;
}

/**
 * Builds Hocuspocus and its extensions in their order (the write gate before persistence and the
 * revision log), and the services bound to it.
 */
export function startDocuments(
  config: ServerConfig,
  { store, cluster, registry, accountOf }: Storage,
  logger: Logger,
): LiveDocuments {
  const persistence = new DocumentPersistence(store, logger, config.compactAfterUpdates);
  const activity = new ActivityRecorder(store, logger, config.activityMergeMs);
  const hub = new CascadeHub();
  const inboxHub = new InboxHub();
  const notifications = new NotificationService(store, inboxHub, logger);
  // The goal index needs Hocuspocus, whose write gate asks it: bound just below.
  let goals: GoalIndex | undefined;
  const checkAlignments: AlignmentCheck = (writer, modelId, added) =>
    goals ? alignmentChecker(store, goals)(writer, modelId, added) : Promise.resolve(null);
  // The version service needs the model service, which needs Hocuspocus: bound just below.
  let versions: VersionService | undefined;

  const slots = createSlotCounter(
    {
      redisUrl: config.redisUrl,
      prefix: config.redisPrefix,
      leaseMs: config.limits.connectionLeaseMs,
    },
    logger,
  );
  // One process counts its own unauthenticated sockets exactly; several also share the count.
  const guard = new SocketGuard(config.limits, logger, config.redisUrl ? slots : undefined);
  const admission = new ConnectionAdmission(config.limits, slots, logger, guard);
  const hocuspocus = new Hocuspocus({
    name: "logic-canvas",
    quiet: true,
    maxUnauthenticatedQueueMessages: config.limits.preAuthQueueMessages,
    maxUnauthenticatedQueueSize: config.limits.preAuthQueueBytes,
    extensions: [
      loggingExtension(logger),
      authExtension(store, registry, logger, admission, accountOf),
      limitsExtension(),
      writeGate(persistence, logger, checkAlignments),
      awarenessStamp(logger),
      persistenceExtension(persistence),
      revisionLog(activity, logger),
      autoVersions({ changed: (modelId) => versions?.changed(modelId) }),
      cascadeChanges(hub),
      inboxNotifications(notifications, registry, logger),
      ...(cluster?.extensions ?? []),
    ],
  });
  goals = new GoalIndex(store, hocuspocus, (error) =>
    logger.warn("cascade-digests-not-kept", { error: errorText(error) }),
  );
  const index = goals;
  const progress = new ProgressCache();
  hub.invalidate = (ids) => {
    index.invalidate(ids);
    progress.invalidate(ids);
  };
  cluster?.bind({ persistence, cascade: hub, inbox: inboxHub });
  const models = new ModelService(store, hocuspocus, persistence, registry);
  versions = new VersionService(store, hocuspocus, models, logger, {
    quietMs: config.autoVersionQuietMs,
    keep: config.autoVersionKeep,
    claimAutoVersion: cluster
      ? (modelId) => cluster.claimAutoVersion(modelId, config.autoVersionQuietMs)
      : undefined,
  });
  return {
    hocuspocus,
    persistence,
    activity,
    models,
    versions,
    guard,
    slots,
    cascade: { hub, goals: index, progress },
    inbox: { hub: inboxHub, service: notifications },
  };
}
