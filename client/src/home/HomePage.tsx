import { useState } from "react";
import { type CreatedModel, createModel } from "../app/api.ts";
import { ApiError } from "../app/json-api.ts";
import { getDisplayName, recentModels, rememberModel } from "../app/local-store.ts";
import { ROLE_LABEL } from "../editor/roles.ts";
import { DisplayNameDialog } from "./DisplayNameDialog.tsx";
import { ImportModel } from "./ImportModel.tsx";

function open(created: CreatedModel): void {
  rememberModel({ id: created.id, title: created.title, role: "owner", link: created.links.owner });
  const url = new URL(created.links.owner);
  // Same origin as this page whatever host the server put in its links (proxies, dev server).
  window.location.assign(`${url.pathname}${url.hash}`);
}

export function HomePage() {
  const [name, setName] = useState(getDisplayName());
  const [askingName, setAskingName] = useState(!name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [details, setDetails] = useState<{ path: string; message: string }[]>([]);
  const recent = recentModels();

  async function create(body?: unknown) {
    setBusy(true);
    setError(null);
    setDetails([]);
    try {
      open(await createModel(body));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      // The server checks an import again; its list of problems is shown like the local one.
      setDetails(e instanceof ApiError ? e.details : []);
      setBusy(false);
    }
  }

  return (
    <div className="home">
      {askingName && (
        <DisplayNameDialog
          onDone={(chosen) => {
            setName(chosen);
            setAskingName(false);
          }}
          onCancel={() => setAskingName(false)}
        />
      )}
      <header className="home-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Logic Canvas
        </div>
        <button type="button" className="link-button" onClick={() => setAskingName(true)}>
          {name ? (
            <>
              Signed in as <strong>{name}</strong> · change
            </>
          ) : (
            "Choose your display name"
          )}
        </button>
      </header>
      <main className="home-main">
        <section className="hero">
          <h1>Build your logic model together</h1>
          <p>
            One mastery goal, five columns from inputs to long-term performance goals, linked left
            to right. Share a link and draft it live with your design team.
          </p>
        </section>
        <section className="start-cards" aria-label="Start a model">
          <button type="button" className="start-card" disabled={busy} onClick={() => create()}>
            <span className="start-title">Blank model</span>
            <span className="start-sub">Start from an empty canvas with the five lanes.</span>
          </button>
          <button
            type="button"
            className="start-card"
            disabled={busy}
            onClick={() => create({ template: "coaching" })}
          >
            <span className="start-title">From the coaching template</span>
            <span className="start-sub">
              The instructional-coaching example: inputs, activities and goals already linked.
            </span>
          </button>
          <ImportModel disabled={busy} onCreate={create} />
        </section>
        {error && (
          <div className="error-text" role="alert">
            <p>{error}</p>
            {details.length > 0 && (
              <ul>
                {details.map((d) => (
                  <li key={`${d.path}:${d.message}`}>
                    {d.path ? <code>{d.path}</code> : "The file"} {d.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
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
                    <span className={`role-badge role-${m.role}`}>
                      {ROLE_LABEL[m.role] ?? m.role}
                    </span>
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
      </main>
    </div>
  );
}
