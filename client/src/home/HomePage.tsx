import { useState } from "react";
import { AccountMenu } from "../account/AccountMenu.tsx";
import { getDisplayName } from "../app/local-store.ts";
import { useSignedIn } from "../app/signed-in.ts";
import { ImportReport } from "../exports/ImportReport.tsx";
import { InboxButton } from "../inbox/InboxButton.tsx";
import { DisplayNameDialog } from "./DisplayNameDialog.tsx";
import { ImportModel } from "./ImportModel.tsx";
import { RecentModels } from "./RecentModels.tsx";
import { useCreateModel } from "./use-create-model.ts";

export function HomePage() {
  const [name, setName] = useState(getDisplayName());
  // A signed-in person is shown under their account's name, never asked for another.
  const account = useSignedIn();
  // Asked when wanted, not on arrival: the model opens first (see editor/EditorPage.tsx).
  const [asking, setAsking] = useState(false);
  const { busy, error, report, setReport, create } = useCreateModel();

  return (
    <div className="home">
      {asking && (
        <DisplayNameDialog
          initial={name ?? ""}
          onCancel={() => setAsking(false)}
          onDone={(chosen) => {
            setName(chosen);
            setAsking(false);
          }}
        />
      )}
      <HomeHeader name={name} signedIn={Boolean(account)} onAskName={() => setAsking(true)} />
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
          <ImportModel disabled={busy} onCreate={create} onProblems={setReport} />
        </section>
        {report && (
          <ImportReport
            fileName={report.fileName}
            problems={report.problems}
            nothing="Nothing was created."
            onClose={() => setReport(null)}
          />
        )}
        {error && (
          <div className="error-text" role="alert">
            <p>{error}</p>
          </div>
        )}
        <RecentModels />
      </main>
    </div>
  );
}

/** The brand, and who I am: my name to change (a link holder) or my account's menu, and my inbox. */
function HomeHeader(props: { name: string | null; signedIn: boolean; onAskName: () => void }) {
  const { name } = props;
  return (
    <header className="home-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Logic Canvas
      </div>
      <div className="home-header-end">
        {props.signedIn ? null : (
          <button type="button" className="link-button" onClick={props.onAskName}>
            {name ? (
              <>
                Your name: <strong>{name}</strong> · change
              </>
            ) : (
              "Set your name"
            )}
          </button>
        )}
        <InboxButton displayName={name ?? ""} />
        <AccountMenu />
      </div>
    </header>
  );
}
