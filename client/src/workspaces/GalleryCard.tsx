import {
  type GalleryGoal,
  type GalleryPost,
  type GallerySummary,
  KIND_LABELS,
} from "@logic-canvas/shared";
import { StatusBadge } from "../monitoring/StatusBadge.tsx";
import { formatValue } from "../monitoring/status-labels.ts";
import { formatDay, formatMoment } from "../ui/dates.ts";
import "../monitoring/monitoring.css";

/**
 * One posted model as a poster on the gallery wall: its title and mastery goal, its goals with
 * status and latest value, the lanes in brief, and the way in to give feedback (the model's own
 * comments, where the team reads them as usual).
 */
export function GalleryCard({
  post,
  onTakeDown,
  busy,
}: {
  post: GalleryPost;
  onTakeDown: () => void;
  busy: boolean;
}) {
  const { summary } = post;
  const titleId = `gallery-title-${post.modelId}`;
  const title = summary?.title ?? "A model that cannot be read just now";
  return (
    <article className="gallery-card" aria-labelledby={titleId} data-testid="gallery-card">
      <header className="gallery-card-head">
        <p className="ws-kind">{post.workspaceName}</p>
        <h2 id={titleId}>{title}</h2>
        <p className="muted gallery-posted">
          Posted by {post.postedByName}, {formatMoment(post.postedAt)}
        </p>
      </header>
      {summary ? (
        <Poster summary={summary} />
      ) : (
        <p className="muted">Its document is being recovered; open it to see what is wrong.</p>
      )}
      <footer className="gallery-actions">
        <a className="gallery-feedback" href={`/m/${post.modelId}`}>
          Give feedback<span className="visually-hidden"> on {title}</span>
        </a>
        {post.canTakeDown && (
          <button type="button" disabled={busy} onClick={onTakeDown}>
            Take down<span className="visually-hidden"> {title}</span>
          </button>
        )}
      </footer>
    </article>
  );
}

function Poster({ summary }: { summary: GallerySummary }) {
  return (
    <>
      <section aria-label="Mastery goal" className="gallery-mastery">
        <p className="gallery-label">Mastery goal</p>
        <p>{summary.masteryGoal || "No mastery goal written yet."}</p>
      </section>
      <section aria-label="Goals" className="gallery-goals">
        <p className="gallery-label">
          Goals
          {summary.goalCount > summary.goals.length
            ? ` (${summary.goals.length} of ${summary.goalCount})`
            : ""}
        </p>
        {summary.goals.length === 0 ? (
          <p className="muted">No goals yet.</p>
        ) : (
          <ul>
            {summary.goals.map((goal) => (
              <GoalLine key={goal.id} goal={goal} />
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Lanes in brief" className="gallery-lanes">
        <p className="gallery-label">Lanes</p>
        <dl>
          {summary.lanes.map((lane) => (
            <div key={lane.kind} className={`gallery-lane lane-${lane.kind}`}>
              <dt>
                {KIND_LABELS[lane.kind].label} <span className="gallery-count">{lane.count}</span>
              </dt>
              <dd>
                {lane.titles.length === 0 ? "—" : lane.titles.join(" · ")}
                {lane.count > lane.titles.length ? " …" : ""}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

function GoalLine({ goal }: { goal: GalleryGoal }) {
  return (
    <li className="gallery-goal" data-testid="gallery-goal">
      <span className="gallery-goal-title">
        <span className="gallery-goal-kind">{KIND_LABELS[goal.kind].short}</span> {goal.title}
      </span>
      <span className="gallery-goal-value">
        <StatusBadge status={goal.status} stale={goal.stale} />{" "}
        {goal.latest
          ? `Latest ${formatValue(goal.latest.value, goal.unit)} on ${formatDay(goal.latest.date)}`
          : "No measurement yet"}
        {goal.target
          ? `; target ${formatValue(goal.target.value, goal.unit)}${goal.target.date ? ` by ${formatDay(goal.target.date)}` : ""}`
          : ""}
      </span>
    </li>
  );
}
