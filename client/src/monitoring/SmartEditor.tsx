import type { DatedValue, LogicNode, SmartPatch } from "@logic-canvas/shared";
import { INDICATOR_MAX, UNIT_MAX } from "@logic-canvas/shared";
import { useEffect, useId, useState } from "react";
import { CommitField } from "../ui/CommitField.tsx";
import { DateField } from "../ui/DateField.tsx";
import { NumberField } from "../ui/NumberField.tsx";
import { Section } from "../ui/Section.tsx";
import { SmartLetters } from "./SmartLetters.tsx";
import { UNIT_OPTIONS } from "./status-labels.ts";

const KNOWN = new Set<string>(UNIT_OPTIONS.map((u) => u.value));
const OTHER = "__other";

/** The unit: one of the known ones, or free text ("lexile level"). */
function UnitField({
  value,
  readOnly,
  onCommit,
}: {
  value: string;
  readOnly: boolean;
  onCommit: (unit: string) => void;
}) {
  const id = useId();
  const [other, setOther] = useState(!KNOWN.has(value));
  const [draft, setDraft] = useState(KNOWN.has(value) ? "" : value);
  useEffect(() => {
    if (!KNOWN.has(value)) {
      setOther(true);
      setDraft(value);
    }
  }, [value]);
  return (
    <div className="field field-unit">
      <label htmlFor={id}>Unit</label>
      <select
        id={id}
        value={other ? OTHER : value}
        disabled={readOnly}
        data-testid="smart-unit"
        onChange={(e) => {
          if (e.target.value === OTHER) {
            setOther(true);
            return;
          }
          setOther(false);
          onCommit(e.target.value);
        }}
      >
        {UNIT_OPTIONS.map((u) => (
          <option key={u.value} value={u.value}>
            {u.label}
          </option>
        ))}
        <option value={OTHER}>Other (free text)…</option>
      </select>
      {other && (
        <input
          aria-label="Unit, in words"
          placeholder="e.g. lexile level"
          value={draft}
          readOnly={readOnly}
          maxLength={UNIT_MAX}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            const unit = draft.trim();
            if (unit && unit !== value) onCommit(unit);
          }}
        />
      )}
    </div>
  );
}

function DatedValueFields({
  label,
  which,
  value,
  readOnly,
  onPatch,
}: {
  label: string;
  which: "baseline" | "target";
  value: Partial<DatedValue> | undefined;
  readOnly: boolean;
  onPatch: (patch: SmartPatch) => void;
}) {
  return (
    <fieldset className="dated-value">
      <legend>{label}</legend>
      <NumberField
        label="Value"
        value={value?.value}
        readOnly={readOnly}
        testId={`smart-${which}-value`}
        // Emptying the value removes the whole baseline or target: a date alone says nothing.
        onCommit={(v) => onPatch({ [which]: v === undefined ? null : { value: v } })}
      />
      <DateField
        label="Date"
        value={value?.date}
        readOnly={readOnly}
        testId={`smart-${which}-date`}
        onCommit={(date) => onPatch({ [which]: { date } })}
        onClear={() => onPatch({ [which]: { date: null } })}
      />
    </fieldset>
  );
}

/**
 * The SMART goal editor of the side panel: indicator, unit, baseline ("current reality"),
 * target, cohort size, then the five letters with their reasons.
 */
export function SmartEditor({
  node,
  readOnly,
  onPatch,
}: {
  node: LogicNode;
  readOnly: boolean;
  onPatch: (patch: SmartPatch) => void;
}) {
  const smart = node.smart;
  return (
    <Section title="SMART goal">
      <div className="smart-editor" data-testid="smart-editor">
        <CommitField
          label="Indicator (what you will track)"
          value={smart?.indicator ?? ""}
          readOnly={readOnly}
          maxLength={INDICATOR_MAX}
          placeholder="e.g. students scoring proficient on the spring reading test"
          onCommit={(indicator) => onPatch({ indicator: indicator.trim() })}
        />
        <UnitField
          value={smart?.unit ?? "percent"}
          readOnly={readOnly}
          onCommit={(unit) => onPatch({ unit })}
        />
        <DatedValueFields
          label="Baseline (current reality)"
          which="baseline"
          value={smart?.baseline}
          readOnly={readOnly}
          onPatch={onPatch}
        />
        <DatedValueFields
          label="Target"
          which="target"
          value={smart?.target}
          readOnly={readOnly}
          onPatch={onPatch}
        />
        <NumberField
          label="Cohort size (students)"
          value={smart?.cohortSize}
          readOnly={readOnly}
          integer
          testId="smart-cohort"
          onCommit={(cohortSize) => onPatch({ cohortSize: cohortSize ?? null })}
        />
      </div>
      <h4 className="subheading">SMART check</h4>
      <SmartLetters node={node} />
    </Section>
  );
}
