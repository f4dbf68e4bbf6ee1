import {
  type CafeProposal,
  type CafeSession,
  describeChange,
  FIST_TO_FIVE_LABELS,
  isGoalKind,
  KIND_LABELS,
  NODE_KINDS,
  type ProposalChange,
  proposalChangeSchema,
} from "@logic-canvas/shared";
import { type FormEvent, useState } from "react";
import { VoteWidget } from "../review/VoteWidget.tsx";
import { useCafeModel } from "./cafe-model.ts";
import { useCafeApi } from "./use-cafe.ts";

/** A theme's proposed revisions: each voted on fist-to-five, then decided by the facilitator. */
export function ProposalList(props: { session: CafeSession; theme: string; facilitator: boolean }) {
  const { session } = props;
  const proposals = session.proposals.filter((p) => p.theme === props.theme);
  const live = session.phase === "synthesis";
  return (
    <div className="proposals">
      {proposals.map((p) => (
        <ProposalItem key={p.id} session={session} proposal={p} facilitator={props.facilitator} />
      ))}
      {props.facilitator && live && <ProposalForm session={session} theme={props.theme} />}
    </div>
  );
}

function ProposalItem(props: {
  session: CafeSession;
  proposal: CafeProposal;
  facilitator: boolean;
}) {
  const { proposal, session } = props;
  const model = useCafeModel();
  const api = useCafeApi();
  const [error, setError] = useState<string | null>(null);
  const text = describeChange(proposal.change, model);
  const open = proposal.status === "open" && session.phase === "synthesis";
  const decide = () =>
    api?.decide(session.id, proposal.id).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  return (
    <article className={`proposal proposal-${proposal.status}`} data-testid="proposal">
      <p>
        <strong>Proposal:</strong> {text}
      </p>
      <p className="small">
        Why: {proposal.reason} · <span className="proposal-status">{statusText(proposal)}</span>
      </p>
      {open && <VoteWidget target={proposal.id} title={text} />}
      {!open && proposal.votes && proposal.votes.length > 0 && (
        <p className="small">
          Votes:{" "}
          {proposal.votes
            .map((v) => `${v.author.name} ${v.level} (${FIST_TO_FIVE_LABELS[v.level]})`)
            .join(", ")}
        </p>
      )}
      {open && props.facilitator && (
        <button type="button" onClick={decide} data-testid="close-vote">
          Close the vote
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}

function statusText(p: CafeProposal): string {
  if (p.status === "accepted") return "Accepted and applied to the model";
  if (p.status === "rejected") return "Not accepted (kept with its votes)";
  return "Open for votes";
}

const KINDS: { id: ProposalChange["kind"]; label: string }[] = [
  { id: "title", label: "New title for a card" },
  { id: "target", label: "New target for a goal" },
  { id: "indicator", label: "New indicator for a goal" },
  { id: "newCard", label: "A new card" },
  { id: "removeLink", label: "Remove a link" },
];

function ProposalForm({ session, theme }: { session: CafeSession; theme: string }) {
  const api = useCafeApi();
  const [kind, setKind] = useState<ProposalChange["kind"]>("title");
  const [card, setCard] = useState("");
  const [text, setText] = useState("");
  const [value, setValue] = useState("");
  const [date, setDate] = useState("");
  const [error, setError] = useState<string | null>(null);
  const change = (): unknown => {
    if (kind === "title") return { kind, cardId: card, title: text };
    if (kind === "target") return { kind, cardId: card, value: Number(value), date };
    if (kind === "indicator") return { kind, cardId: card, indicator: text };
    if (kind === "newCard") return { kind, cardKind: card || "activity", title: text };
    return { kind, edgeId: card };
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = proposalChangeSchema.safeParse(change());
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the proposal.");
    try {
      await api?.propose(session.id, theme, parsed.data);
      setText("");
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form className="proposal-form" onSubmit={submit} aria-label="Propose a revision">
      <label>
        Propose
        <select value={kind} onChange={(e) => setKind(e.target.value as ProposalChange["kind"])}>
          {KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <ChangeFields
        kind={kind}
        card={[card, setCard]}
        text={[text, setText]}
        value={[value, setValue]}
        date={[date, setDate]}
      />
      <button type="submit">Propose</button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

type Field = [string, (value: string) => void];

/** The fields a kind of change needs: the card (or lane, or link), then its new value. */
function ChangeFields(props: {
  kind: ProposalChange["kind"];
  card: Field;
  text: Field;
  value: Field;
  date: Field;
}) {
  const { kind } = props;
  const [card, setCard] = props.card;
  const [text, setText] = props.text;
  const [value, setValue] = props.value;
  const [date, setDate] = props.date;
  const model = useCafeModel();
  const goalsOnly = kind === "target" || kind === "indicator";
  const cards = model.nodes.filter((n) => !goalsOnly || isGoalKind(n.kind));
  const title = (id: string) => model.nodes.find((n) => n.id === id)?.title.slice(0, 40) ?? id;
  return (
    <>
      <label>
        {kind === "newCard" ? "Lane" : kind === "removeLink" ? "Link" : "Card"}
        <select value={card} onChange={(e) => setCard(e.target.value)}>
          <option value="">Choose…</option>
          {kind === "newCard" &&
            NODE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k].label}
              </option>
            ))}
          {kind === "removeLink" &&
            model.edges.map((e) => (
              <option key={e.id} value={e.id}>
                {title(e.source)} → {title(e.target)}
              </option>
            ))}
          {kind !== "newCard" &&
            kind !== "removeLink" &&
            cards.map((n) => (
              <option key={n.id} value={n.id}>
                {n.title.slice(0, 80)}
              </option>
            ))}
        </select>
      </label>
      {kind === "target" ? (
        <>
          <label>
            Target value
            <input type="number" value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
          <label>
            By
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
        </>
      ) : (
        kind !== "removeLink" && (
          <label>
            {kind === "indicator" ? "Indicator" : "Title"}
            <input value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        )
      )}
    </>
  );
}
