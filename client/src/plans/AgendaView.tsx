import {
  buildCheckInAgenda,
  type CheckInAgenda,
  KIND_LABELS,
  type LogicModel,
  todayIso,
} from "@logic-canvas/shared";
import type { ReactNode } from "react";
import { useReviewSnapshot } from "../review/review-hooks.ts";
import { formatDay } from "../ui/dates.ts";
import { dueWords } from "./CardPlanMark.tsx";
import "../exports/print.css";
import "./plans.css";

function Part({
  title,
  empty,
  count,
  children,
}: {
  title: string;
  empty: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section className="agenda-part" aria-label={title}>
      <h2>
        {title} <span className="agenda-count">({count})</span>
      </h2>
      {count === 0 ? <p className="muted">{empty}</p> : <ul>{children}</ul>}
    </section>
  );
}

function AgendaParts({ agenda, today }: { agenda: CheckInAgenda; today: string }) {
  return (
    <>
      <Part
        title="Goals due for a measurement"
        empty="Every monitored goal has a recent measurement."
        count={agenda.goalsToMeasure.length}
      >
        {agenda.goalsToMeasure.map((g) => (
          <li key={g.nodeId}>
            <strong>{g.title}</strong> <span className="muted">({KIND_LABELS[g.kind].label})</span>{" "}
            — {g.lastMeasured ? `last measured ${formatDay(g.lastMeasured)}` : "never measured"}
          </li>
        ))}
      </Part>
      <Part
        title="Overdue actions"
        empty="No action is overdue."
        count={agenda.overdueActions.length}
      >
        {agenda.overdueActions.map((a) => (
          <li key={a.nodeId}>
            <strong>{a.title}</strong> — {a.owner ? a.owner.name : "no owner"},{" "}
            {dueWords({ due: a.due }, today) ?? `due ${formatDay(a.due ?? "")}`}
          </li>
        ))}
      </Part>
      <Part
        title="Blocked actions"
        empty="No action is blocked."
        count={agenda.blockedActions.length}
      >
        {agenda.blockedActions.map((a) => (
          <li key={a.nodeId}>
            <strong>{a.title}</strong> — {a.owner ? a.owner.name : "no owner"}: blocked because “
            {a.blockedReason}”
          </li>
        ))}
      </Part>
      <Part
        title="Open concerns and questions"
        empty="No open concern or question."
        count={agenda.openThreads.length}
      >
        {agenda.openThreads.map((t) => (
          <li key={t.threadId}>
            <span className={`agenda-type agenda-${t.type}`}>
              {t.type === "concern" ? "Concern" : "Question"}
            </span>{" "}
            on <strong>{t.on}</strong> from {t.author}: “{t.text}”
          </li>
        ))}
      </Part>
      <Part
        title="Proposals awaiting votes"
        empty="No vote is waiting for more voices."
        count={agenda.proposals.length}
      >
        {agenda.proposals.map((p) => (
          <li key={p.target}>
            <strong>{p.title}</strong> — {p.votes} vote{p.votes === 1 ? "" : "s"} of {p.people}{" "}
            people who have taken part
          </li>
        ))}
      </Part>
    </>
  );
}

/**
 * The check-in agenda (issue 17), built in the browser from the model, its check-in dates and its
 * comments and votes (shared's `buildCheckInAgenda`), so it is current to the second and works
 * offline. "Print" prints this view alone (the print view's page rules).
 */
export function AgendaView({ model, checkIns }: { model: LogicModel; checkIns: string[] }) {
  const review = useReviewSnapshot();
  const today = todayIso();
  const agenda = buildCheckInAgenda({ model, checkIns, review, today });
  return (
    <div className="print-view agenda-view" data-testid="agenda-view">
      <header className="agenda-header">
        <div>
          <h1>Check-in agenda — {formatDay(agenda.date)}</h1>
          <p className="muted">
            {model.title}.{" "}
            {agenda.scheduled
              ? "For the next check-in date."
              : "No check-in date is set ahead: this is the agenda for today. Add dates under Progress."}
          </p>
        </div>
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print agenda
        </button>
      </header>
      <AgendaParts agenda={agenda} today={today} />
    </div>
  );
}
