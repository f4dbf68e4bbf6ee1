import {
  LINK_LABEL_MAX,
  type NewLink,
  newLinkProblem,
  ROLES,
  type Role,
} from "@logic-canvas/shared";
import { type FormEvent, useId, useState } from "react";
import { ROLE_LABEL } from "../editor/roles.ts";
import { endOfLocalDay, todayLocal } from "./dates.ts";

/**
 * The owner's form for another link: a role, an optional label and an optional last day. The
 * same rules as the server's (shared's `newLinkSchema`) are checked before sending, so a problem
 * is said here, in words, without a round trip.
 */
export function NewLinkForm({ onCreate }: { onCreate: (link: NewLink) => Promise<boolean> }) {
  const id = useId();
  const [role, setRole] = useState<Role>("viewer");
  const [label, setLabel] = useState("");
  const [day, setDay] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const link: NewLink = { role, label, expiresAt: day ? endOfLocalDay(day) : null };
    const said = newLinkProblem(link);
    setProblem(said);
    if (said) return;
    setBusy(true);
    if (await onCreate(link)) {
      setLabel("");
      setDay("");
    }
    setBusy(false);
  };

  return (
    <form className="share-new" onSubmit={submit} noValidate data-testid="share-new-link">
      <div className="field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(e) => {
            setRole(e.target.value as Role);
            setProblem(null);
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field share-new-label">
        <label htmlFor={`${id}-label`}>Label (optional)</label>
        <input
          id={`${id}-label`}
          value={label}
          maxLength={LINK_LABEL_MAX}
          placeholder="Board members"
          onChange={(e) => {
            setLabel(e.target.value);
            setProblem(null);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-expiry`}>Works until (optional)</label>
        <input
          id={`${id}-expiry`}
          type="date"
          min={todayLocal()}
          value={day}
          onChange={(e) => {
            setDay(e.target.value);
            setProblem(null);
          }}
        />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        Create link
      </button>
      {problem && (
        <p className="error-text share-new-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
