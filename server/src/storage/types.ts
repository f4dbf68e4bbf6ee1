/**
 * The storage contract. Everything the server persists goes through this interface, so a second
 * implementation (PostgreSQL) can sit behind it unchanged; `test/storage-contract.ts` holds the
 * tests every implementation must pass. All methods are async even where SQLite is synchronous.
 */

import type { ReadMarks, Role } from "@logic-canvas/shared";
import type { CanvasSnapshotStore } from "./canvas-snapshot-types.ts";
import type { GalleryStore } from "./gallery-types.ts";
import type { GoalDigestStore } from "./goal-digests-types.ts";
import type { NotificationStore } from "./notifications-types.ts";
import type { WorkspaceStore } from "./workspace-types.ts";

export interface ModelRecord {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** The workspace it belongs to; null (or absent, on creation) for none. */
  workspaceId?: string | null;
}

export interface LinkRecord {
  id: string;
  modelId: string;
  role: Role;
  tokenHash: string;
  /**
   * The token itself, so that a listed link can be copied again from the Share dialog; null for
   * links made before it was kept. Why it is kept, and the cost: `LINK_ADDED_COLUMNS` in schema-sql.ts.
   */
  token: string | null;
  /** What the owner called it ("Board members"); null for none. */
  label: string | null;
  createdAt: string;
  /** From this instant (ISO) the link no longer works; null for never. */
  expiresAt: string | null;
  revokedAt: string | null;
}

/** A document as stored: a compacted snapshot plus the updates appended after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  /** Highest update sequence number folded into the snapshot (0 when there is none). */
  snapshotSeq: number;
  updates: { seq: number; data: Uint8Array }[];
  /** When the document last changed (ISO), taking updates and compactions into account. */
  updatedAt: string;
}

/**
 * Where a stored document stands, without its bytes: what a cache read from it is keyed by, so
 * checking that a cached reading is current costs one small query, not loading the document.
 */
export interface StoredDocumentState {
  snapshotSeq: number;
  /** The last update's sequence number, or `snapshotSeq` when no update follows the snapshot. */
  lastSeq: number;
  /** Updates stored after the snapshot. */
  updateCount: number;
  /** As `StoredDocument.updatedAt`. */
  updatedAt: string;
}

export interface NewModel {
  model: ModelRecord;
  /** Initial content of each of the model's documents, by document name. */
  documents: { name: string; snapshot: Uint8Array }[];
  links: LinkRecord[];
}

/** Who saved a version or made a change; automatic versions have no person and no role. */
export interface Actor {
  id: string | null;
  name: string | null;
  role: Role | null;
}

export type VersionKind = "named" | "auto";

export interface VersionSummary {
  id: string;
  modelId: string;
  label: string;
  kind: VersionKind;
  createdAt: string;
  createdBy: Actor;
}

export interface VersionRecord extends VersionSummary {
  /** The model file (graph, review and check-ins) as JSON text, so it survives layout changes. */
  file: string;
}

/** One entry of the revision log: a person's changes to one subject over a short burst. */
export interface ActivityRecord {
  id: string;
  modelId: string;
  /** First and last change merged into this entry (ISO). */
  startedAt: string;
  at: string;
  by: Actor & { role: Role };
  /** Who, for merging: the person id, or the link for a connection that named nobody. */
  byKey: string;
  subject: "node" | "link" | "model";
  /** The node or link id; null for the model as a whole. */
  subjectId: string | null;
  /** What changed (see revisions/summary.ts), stored as JSON. */
  summary: Record<string, unknown>;
  /** Why it was revised, when the editor said so. */
  reason: string | null;
}

export interface ActivityQuery {
  /** Only entries about this subject id (a node's history). */
  subjectId?: string;
  limit: number;
}

/** Signed-in people's unread markers (shared/src/read-state.ts), per account and model. */
export interface ReadMarksStore {
  /** Every mark the account has on the model: thread id → newest message time seen. */
  get(accountId: string, modelId: string): Promise<ReadMarks>;
  /**
   * Merges `marks` in, each thread keeping the later time (as strings compare), all or nothing.
   * False, changing nothing, when the account would then have marks on more than `max` threads
   * of the model. Marks on a model that does not exist (deleted meanwhile) are not kept.
   */
  merge(accountId: string, modelId: string, marks: ReadMarks, max: number): Promise<boolean>;
}

export interface Store {
  readonly kind: string;
  readonly readMarks: ReadMarksStore;
  /** Workspaces, members, invitations and models' workspaces (workspace-types.ts). */
  readonly workspaces: WorkspaceStore;
  /** Models posted to a workspace's gallery (gallery-sql.ts). */
  readonly gallery: GalleryStore;
  /** People's inboxes and digest settings (notifications-sql.ts). */
  readonly notifications: NotificationStore;
  /** Each model's canvas snapshot, kept across restarts (canvas-snapshot-sql.ts). */
  readonly canvasSnapshots: CanvasSnapshotStore;
  /** The cascade's goal digests, so the goal index starts warm (goal-digests-sql.ts). */
  readonly goalDigests: GoalDigestStore;

  /** Creates a model with its documents and links, all or nothing. */
  createModel(input: NewModel): Promise<void>;
  getModel(id: string): Promise<ModelRecord | undefined>;
  countModels(): Promise<number>;
  /** The first model created, for the start banner. */
  firstModel(): Promise<ModelRecord | undefined>;
  updateModelTitle(id: string, title: string, updatedAt: string): Promise<void>;
  /**
   * Deletes the model, its documents, links, versions, activity, read marks, inbox items and
   * canvas snapshot. Returns whether
   * it existed.
   */
  deleteModel(id: string): Promise<boolean>;

  createLink(link: LinkRecord): Promise<void>;
  findLinkByTokenHash(tokenHash: string): Promise<LinkRecord | undefined>;
  listLinks(modelId: string): Promise<LinkRecord[]>;
  /** Marks a link revoked; returns it, or undefined if the model has no such link. */
  revokeLink(modelId: string, linkId: string, revokedAt: string): Promise<LinkRecord | undefined>;

  /** Durably appends an update; resolves with its sequence number once it is on disk. */
  appendUpdate(documentName: string, update: Uint8Array): Promise<number>;
  /** Undefined when no such document exists. */
  loadDocument(documentName: string): Promise<StoredDocument | undefined>;
  /** The state `loadDocument` would return, without the bytes; undefined when no such document. */
  documentState(documentName: string): Promise<StoredDocumentState | undefined>;
  /**
   * Replaces the snapshot with `snapshot`, which folds in every update up to `uptoSeq`, and drops
   * those updates, atomically. Refused (false) when another compaction got there first, i.e. the
   * stored snapshotSeq is no longer `expectedSnapshotSeq`.
   */
  compactDocument(
    documentName: string,
    expectedSnapshotSeq: number,
    uptoSeq: number,
    snapshot: Uint8Array,
  ): Promise<boolean>;
  /** Number of updates stored after the snapshot. */
  countUpdates(documentName: string): Promise<number>;

  /** Saves a version (its id is unique across models). */
  createVersion(version: VersionRecord): Promise<void>;
  /** A model's versions without their files, newest first. */
  listVersions(modelId: string): Promise<VersionSummary[]>;
  getVersion(modelId: string, versionId: string): Promise<VersionRecord | undefined>;
  /** Deletes all but the newest `keep` versions of that kind; returns how many went. */
  pruneVersions(modelId: string, kind: VersionKind, keep: number): Promise<number>;

  /** Inserts an entry, or replaces the one with the same id (a burst that grew). */
  saveActivity(entries: ActivityRecord[]): Promise<void>;
  /** Newest first (by `at`). */
  listActivity(modelId: string, query: ActivityQuery): Promise<ActivityRecord[]>;
  /** The newest entry by that person about that subject. */
  latestActivity(
    modelId: string,
    byKey: string,
    subjectId: string | null,
  ): Promise<ActivityRecord | undefined>;

  health(): Promise<void>;
  close(): Promise<void>;
}
