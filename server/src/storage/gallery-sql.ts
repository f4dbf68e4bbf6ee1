import type { GalleryPostRecord, GalleryStore } from "./gallery-types.ts";
import type { SqlRunner } from "./workspace-sql.ts";

/**
 * Gallery posts (the gallery walk, shared/src/gallery.ts), in SQL both stores run as written:
 * one row per posted model, naming the gallery (the parent workspace at the time it was
 * posted) and who posted it. Taking a post down deletes the row; so does deleting the model.
 */
export const GALLERY_SCHEMA = `
CREATE TABLE IF NOT EXISTS gallery_posts (
  model_id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  posted_by TEXT NOT NULL,
  posted_by_name TEXT NOT NULL,
  posted_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS gallery_posts_workspace ON gallery_posts (workspace_id);
`;

/** Run inside each store's deletion of a model. */
export const DELETE_MODEL_POSTS = "DELETE FROM gallery_posts WHERE model_id = ?";

interface PostRow {
  model_id: string;
  workspace_id: string;
  posted_by: string;
  posted_by_name: string;
  posted_at: string;
}

const toPost = (r: PostRow): GalleryPostRecord => ({
  modelId: r.model_id,
  workspaceId: r.workspace_id,
  postedBy: r.posted_by,
  postedByName: r.posted_by_name,
  postedAt: r.posted_at,
});

/** The gallery contract over either store's runner. */
export class SqlGallery implements GalleryStore {
  private readonly byId: string;

  constructor(
    private readonly db: SqlRunner,
    dialect: "sqlite" | "postgres",
  ) {
    // Ids compared bytewise in both stores (PostgreSQL's default collation sorts case apart).
    this.byId = dialect === "postgres" ? 'model_id COLLATE "C"' : "model_id";
  }

  async post(p: GalleryPostRecord): Promise<void> {
    // A post for a model deleted meanwhile must not leave a row behind.
    await this.db.run(
      `INSERT INTO gallery_posts (model_id, workspace_id, posted_by, posted_by_name, posted_at)
       SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM models WHERE id = ?)
       ON CONFLICT (model_id) DO UPDATE SET workspace_id = excluded.workspace_id,
         posted_by = excluded.posted_by, posted_by_name = excluded.posted_by_name,
         posted_at = excluded.posted_at`,
      [p.modelId, p.workspaceId, p.postedBy, p.postedByName, p.postedAt, p.modelId],
    );
  }

  async takeDown(modelId: string): Promise<boolean> {
    return (await this.db.run(DELETE_MODEL_POSTS, [modelId])) > 0;
  }

  async postOf(modelId: string): Promise<GalleryPostRecord | undefined> {
    const rows = await this.db.all<PostRow>("SELECT * FROM gallery_posts WHERE model_id = ?", [
      modelId,
    ]);
    return rows[0] && toPost(rows[0]);
  }

  async postsIn(workspaceId: string): Promise<GalleryPostRecord[]> {
    const rows = await this.db.all<PostRow>(
      `SELECT * FROM gallery_posts WHERE workspace_id = ? ORDER BY posted_at, ${this.byId}`,
      [workspaceId],
    );
    return rows.map(toPost);
  }
}
