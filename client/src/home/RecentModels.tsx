import { useState } from "react";
import { forgetModel, type RecentModel, recentModels, restoreModel } from "../app/local-store.ts";
import { ROLE_LABEL } from "../editor/roles.ts";
import { formatMoment } from "../ui/dates.ts";

function pathOf(link: string): string {
  const url = new URL(link, window.location.href);
  return url.pathname + url.hash;
}

/**
 * The models this browser has opened, newest first: title, role, last opened. Forgetting one
 * takes it off this list only (the model and its links stay as they are); Undo puts it back.
 */
export function RecentModels() {
  const [list, setList] = useState(recentModels);
  const [forgotten, setForgotten] = useState<RecentModel | null>(null);
  // Set by the editor after its owner deleted a model (see editor/ModelMenu.tsx).
  const [deleted] = useState(() => new URLSearchParams(window.location.search).get("deleted"));

  function forget(model: RecentModel) {
    forgetModel(model.id, model.role);
    setForgotten(model);
    setList(recentModels());
  }
  function undo() {
    if (!forgotten) return;
    restoreModel(forgotten);
    setForgotten(null);
    setList(recentModels());
  }

  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">Models you opened in this browser</h2>
      <div className="recent-notice" role="status">
        {deleted && !forgotten && <span>“{deleted}” was deleted for everyone.</span>}
        {forgotten && (
          <>
            <span>
              Removed “{forgotten.title}” from this list. The model itself is not deleted.
            </span>
            <button type="button" onClick={undo}>
              Undo
            </button>
          </>
        )}
      </div>
      {list.length === 0 ? (
        <p className="muted">None yet. Models you create or open from a link appear here.</p>
      ) : (
        <ul className="recent-list" data-testid="recent-models">
          {list.map((m) => (
            <li key={`${m.id}-${m.role}`}>
              <a href={pathOf(m.link)}>
                <span className="recent-title">{m.title}</span>
                <span className={`role-badge role-${m.role}`}>{ROLE_LABEL[m.role] ?? m.role}</span>
                <span className="muted recent-date">Opened {formatMoment(m.openedAt)}</span>
              </a>
              <button
                type="button"
                className="recent-forget"
                aria-label={`Forget “${m.title}” (${ROLE_LABEL[m.role] ?? m.role})`}
                title="Remove from this list (the model is not deleted)"
                onClick={() => forget(m)}
              >
                Forget
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
