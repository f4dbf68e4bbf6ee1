import { useState } from "react";
import { getDisplayName } from "../app/local-store.ts";
import { DisplayNameDialog } from "./DisplayNameDialog.tsx";
import { ImportModel } from "./ImportModel.tsx";
import { RecentModels } from "./RecentModels.tsx";
import { type ImportProblem, useCreateModel } from "./use-create-model.ts";

export function HomePage() {
  const [name, setName] = useState(getDisplayName());
  const [askingName, setAskingName] = useState(!name);
  const { busy, error, details, create } = useCreateModel();

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
        {error && <CreateError error={error} details={details} />}
        <RecentModels />
      </main>
    </div>
  );
}

/** Why a model could not be created, with the server's list of problems in an imported file. */
function CreateError({ error, details }: { error: string; details: ImportProblem[] }) {
  return (
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
  );
}
