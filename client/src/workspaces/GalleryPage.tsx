import type {
  GalleryAnswer,
  GalleryPost,
  PostableModel,
  WorkspaceView,
} from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { GalleryCard } from "./GalleryCard.tsx";
import { loadGallery, postToGallery, takeDownPost } from "./gallery-api.ts";
import { workspaceHref } from "./routes.ts";
import { WorkspacePage } from "./WorkspacePage.tsx";
import { listWorkspaces } from "./workspace-api.ts";
import "./gallery.css";

const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/**
 * The gallery walk of a workspace (seed 004): the models its teams posted, side by side as
 * one-page summaries, for the other teams to walk past and give feedback on; a team's owner
 * posts a model here and takes it down.
 */
export function GalleryPage({ workspaceId }: { workspaceId: string }) {
  const [workspaces, setWorkspaces] = useState<WorkspaceView[]>([]);
  const [answer, setAnswer] = useState<GalleryAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void version;
    const fail = (e: unknown) => setError(messageOf(e));
    listWorkspaces().then(setWorkspaces).catch(fail);
    loadGallery(workspaceId).then(setAnswer).catch(fail);
  }, [workspaceId, version]);

  const act = (work: () => Promise<unknown>, done: string) => {
    setError(null);
    setBusy(true);
    work()
      .then(() => {
        setStatus(done);
        setVersion((v) => v + 1);
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };

  const name = answer?.workspace.name ?? workspaces.find((w) => w.id === workspaceId)?.name;
  return (
    <WorkspacePage workspaces={workspaces} selected={workspaceId} error={error}>
      <header className="ws-header">
        <div>
          <p className="ws-kind">
            <a href={workspaceHref(workspaceId)}>{name ?? "Workspace"}</a>
          </p>
          <h1>Gallery walk</h1>
        </div>
      </header>
      <p className="gallery-intro">
        Teams post their goals here so the other teams of {name ?? "this workspace"} can offer
        resources and strategies. Members of the other teams may comment on a posted model; their
        feedback lands in the model's comments.
      </p>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {answer && answer.postable.length > 0 && (
        <PostForm
          models={answer.postable}
          busy={busy}
          onPost={(model) =>
            act(() => postToGallery(model.id), `“${model.title}” is posted to the gallery.`)
          }
        />
      )}
      {answer === null ? (
        <p className="muted">Loading the gallery…</p>
      ) : (
        <GalleryWall
          answer={answer}
          busy={busy}
          onTakeDown={(post) =>
            act(
              () => takeDownPost(post.modelId),
              `“${post.summary?.title ?? "The model"}” is taken down.`,
            )
          }
        />
      )}
    </WorkspacePage>
  );
}

/** The posters side by side, or what to do when there are none. */
function GalleryWall({
  answer,
  busy,
  onTakeDown,
}: {
  answer: GalleryAnswer;
  busy: boolean;
  onTakeDown: (post: GalleryPost) => void;
}) {
  if (answer.posts.length === 0)
    return (
      <p className="muted" data-testid="gallery-empty">
        Nothing is posted yet. A team's owner posts a model from this page.
      </p>
    );
  return (
    <div className="gallery-wall" data-testid="gallery-wall">
      {answer.posts.map((post) => (
        <GalleryCard
          key={post.modelId}
          post={post}
          busy={busy}
          onTakeDown={() => onTakeDown(post)}
        />
      ))}
    </div>
  );
}

/** Post one of the caller's own team models (they own it) to this gallery. */
function PostForm({
  models,
  busy,
  onPost,
}: {
  models: PostableModel[];
  busy: boolean;
  onPost: (model: PostableModel) => void;
}) {
  const [chosen, setChosen] = useState(models[0]?.id ?? "");
  const model = models.find((m) => m.id === chosen) ?? models[0];
  return (
    <form
      className="gallery-post"
      aria-label="Post a model to the gallery"
      onSubmit={(event) => {
        event.preventDefault();
        if (model) onPost(model);
      }}
    >
      <label>
        Your model
        <select value={model?.id ?? ""} onChange={(e) => setChosen(e.target.value)}>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title} ({m.workspaceName})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={busy || !model}>
        Post to the gallery
      </button>
    </form>
  );
}
