import { recentModels } from "../app/local-store.ts";
import { ROLE_LABEL } from "../editor/roles.ts";

/** The models opened in this browser, newest first, each with the role its link gives. */
export function RecentModels() {
  const recent = recentModels();
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">Models you opened in this browser</h2>
      {recent.length === 0 ? (
        <p className="muted">None yet. Models you create or open from a link appear here.</p>
      ) : (
        <ul className="recent-list">
          {recent.map((m) => (
            <li key={`${m.id}-${m.role}`}>
              <a
                href={
                  new URL(m.link, window.location.href).pathname +
                  new URL(m.link, window.location.href).hash
                }
              >
                <span className="recent-title">{m.title}</span>
                <span className={`role-badge role-${m.role}`}>{ROLE_LABEL[m.role] ?? m.role}</span>
                <span className="muted recent-date">
                  {new Date(m.openedAt).toLocaleString(undefined, {
                    dateStyle: "medium",
                    timeStyle: "short",
                  })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
