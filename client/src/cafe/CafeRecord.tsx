import { type CafeSession, describeChange, stageLabel } from "@logic-canvas/shared";
import { formatMoment } from "../ui/dates.ts";
import { cardTitle, useCafeModel } from "./cafe-model.ts";
import { TAG_LABELS } from "./NotesBoard.tsx";

/**
 * The session's record, as it is kept with the model and printed: prompts, tables and who sat
 * there, every note, the themes and each proposal with its outcome and votes.
 */
export function CafeRecord({ session }: { session: CafeSession }) {
  const model = useCafeModel();
  const print = () => {
    document.body.classList.add("printing-cafe");
    window.addEventListener("afterprint", () => document.body.classList.remove("printing-cafe"), {
      once: true,
    });
    window.print();
  };
  return (
    <section className="cafe-record" aria-label="Session record" data-testid="cafe-record">
      <div className="row no-print">
        <button type="button" onClick={print}>
          Print the record
        </button>
      </div>
      <h4>
        {session.title} — {stageLabel(session)}
      </h4>
      <p className="small">
        Facilitated by {session.facilitator.name}, {formatMoment(session.createdAt)};{" "}
        {session.minutes} minutes.
      </p>
      <h5>Prompts</h5>
      <ol>
        {session.prompts.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ol>
      {session.tables.map((table) => (
        <div key={table.id}>
          <h5>
            Table {table.name}:{" "}
            {session.participants
              .filter((p) => p.table === table.id)
              .map((p) => p.person.name)
              .join(", ") || "nobody seated"}
          </h5>
          <ul>
            {session.notes
              .filter((n) => n.table === table.id)
              .map((n) => (
                <li key={n.id}>
                  {TAG_LABELS[n.tag]} (round {n.round}, {n.author.name}): {n.text}
                  {n.cardId ? ` — on “${cardTitle(model, n.cardId)}”` : ""}
                  {n.theme
                    ? ` — theme “${session.themes.find((t) => t.id === n.theme)?.title ?? ""}”`
                    : ""}
                </li>
              ))}
          </ul>
        </div>
      ))}
      <h5>Proposals</h5>
      <ul>
        {session.proposals.map((p) => (
          <li key={p.id}>
            {describeChange(p.change, model)} — because “{p.reason}”: <strong>{p.status}</strong>
            {p.votes?.length
              ? ` (votes: ${p.votes.map((v) => `${v.author.name} ${v.level}`).join(", ")})`
              : ""}
          </li>
        ))}
        {session.proposals.length === 0 && <li>None.</li>}
      </ul>
    </section>
  );
}
