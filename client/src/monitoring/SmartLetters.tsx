import { checkSmart, type LogicNode, studentsView } from "@logic-canvas/shared";

/** The domain's SMART check as five letters, each with its reason, and the goal in students. */
export function SmartLetters({ node, today }: { node: LogicNode; today?: string }) {
  const checks = checkSmart(node, { today });
  const students = node.smart ? studentsView(node.smart) : null;
  return (
    <div className="smart-letters" data-testid="smart-letters">
      <ul className="smart-list">
        {checks.map((c) => (
          <li
            key={c.letter}
            className={`smart-item ${c.pass ? "smart-pass" : "smart-fail"}`}
            data-letter={c.letter}
            data-pass={c.pass}
          >
            <span className="smart-letter" title={c.name} aria-hidden="true">
              {c.letter}
            </span>
            <span className="visually-hidden">
              {c.name}: {c.pass ? "met" : "not yet"}.
            </span>
            <span className="smart-reason">{c.reason}</span>
          </li>
        ))}
      </ul>
      {students && (
        <p className="students-sentence" data-testid="students-sentence">
          In students: {students.sentence}
        </p>
      )}
    </div>
  );
}
