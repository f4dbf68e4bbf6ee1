/**
 * The storage contract. Everything the server persists goes through this interface, so a second
 * implementation (PostgreSQL) can sit behind it unchanged; `test/storage-contract.ts` holds the
 * tests every implementation must pass. All methods are async even where SQLite is synchronous.
 */

export type Role = "viewer" | "commenter" | "editor" | "owner";

export interface ModelRecord {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface LinkRecord {
  id: string;
  modelId: string;
  role: Role;
  tokenHash: string;
  createdAt: string;
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

export interface NewModel {
  model: ModelRecord;
  /** Initial content of each of the model's documents, by document name. */
  documents: { name: string; snapshot: Uint8Array }[];
  links: LinkRecord[];
}

export interface Store {
  readonly kind: string;

  /** Creates a model with its documents and links, all or nothing. */
  createModel(input: NewModel): Promise<void>;
  getModel(id: string): Promise<ModelRecord | undefined>;
  countModels(): Promise<number>;
  /** The first model created, for the start banner. */
  firstModel(): Promise<ModelRecord | undefined>;
  updateModelTitle(id: string, title: string, updatedAt: string): Promise<void>;
  /** Deletes the model, its documents and its links. Returns whether it existed. */
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

  health(): Promise<void>;
  close(): Promise<void>;
}
