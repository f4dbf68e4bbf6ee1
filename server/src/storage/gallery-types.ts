/** The storage contract for gallery posts (gallery-sql.ts implements it for both stores). */

export interface GalleryPostRecord {
  modelId: string;
  /** The gallery: the workspace the model was posted to. */
  workspaceId: string;
  postedBy: string;
  postedByName: string;
  postedAt: string;
}

export interface GalleryStore {
  /** Posts the model, or moves its post to `workspaceId` (one post per model). */
  post(record: GalleryPostRecord): Promise<void>;
  /** Takes the model's post down; false when it had none. */
  takeDown(modelId: string): Promise<boolean>;
  postOf(modelId: string): Promise<GalleryPostRecord | undefined>;
  /** The posts of one gallery, oldest first. */
  postsIn(workspaceId: string): Promise<GalleryPostRecord[]>;
}
