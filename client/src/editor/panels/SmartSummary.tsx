import { checkSmart, type LogicNode } from "@logic-canvas/shared";
import { Section } from "../../ui/Section.tsx";

/** The SMART check as five letters with reasons; the full goal editor comes with monitoring. */
export function SmartSummary({ node }: { node: LogicNode }) {
  const checks = checkSmart(node);
  return (
    <Section title="SMART check">
      <ul className="smart-list">
        {checks.map((c) => (
          <li key={c.letter} className={`smart-item ${c.pass ? "smart-pass" : "smart-fail"}`}>
            <span className="smart-letter" title={c.name} aria-hidden="true">
              {c.letter}
            </span>
            <span className="visually-hidden">
              {c.name}: {c.pass ? "met" : "not yet"}.
            </span>
            <span>{c.reason}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
